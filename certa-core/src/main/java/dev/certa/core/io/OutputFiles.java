package dev.certa.core.io;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of files written all or nothing: every file goes to a temporary name in its own directory,
 * is flushed to disk, then renamed into place. Existing files are refused unless overwriting was
 * asked for, before anything is written. Secrets (private keys, keystores) are created 0600 from
 * the first byte; other files 0644. If any rename fails, the files already placed are removed.
 */
public final class OutputFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private record Entry(byte[] content, boolean secret) {}

    private final Map<Path, Entry> entries = new LinkedHashMap<>();
    private final boolean overwrite;

    public OutputFiles(boolean overwrite) {
        this.overwrite = overwrite;
    }

    /** A public file (certificate, CSR, chain): mode 0644. */
    public OutputFiles add(Path path, byte[] content) {
        return put(path, content, false);
    }

    /** A secret file (private key, keystore): mode 0600. */
    public OutputFiles addSecret(Path path, byte[] content) {
        return put(path, content, true);
    }

    private OutputFiles put(Path path, byte[] content, boolean secret) {
        Path p = path.toAbsolutePath().normalize();
        if (entries.containsKey(p)) {
            throw new CertaException(ErrorKind.USAGE, path + " is named twice as an output", "give each output its own file name");
        }
        entries.put(p, new Entry(content.clone(), secret));
        return this;
    }

    public List<Path> paths() {
        return List.copyOf(entries.keySet());
    }

    /**
     * Checks that every file can be written (its directory exists and is writable, it does not exist
     * unless overwriting was asked for), without writing: for callers that must record something
     * before the files appear. {@link #commit()} checks again.
     */
    public OutputFiles check() {
        for (Path p : entries.keySet()) {
            Path dir = p.getParent();
            if (!Files.isDirectory(dir)) {
                throw new CertaException(ErrorKind.NOT_FOUND, "the directory " + dir + " does not exist",
                        "create it first, or choose another output path");
            }
            if (!Files.isWritable(dir)) {
                throw new CertaException(ErrorKind.IO, "the directory " + dir + " is not writable",
                        "choose a directory you can write to");
            }
            if (Files.exists(p) && !overwrite) {
                throw new CertaException(ErrorKind.ALREADY_EXISTS, p + " already exists; nothing was written",
                        "choose another name, or pass --force to replace it");
            }
            if (Files.isDirectory(p)) {
                throw new CertaException(ErrorKind.ALREADY_EXISTS, p + " is a directory", "choose a file name");
            }
        }
        return this;
    }

    /** Checks every target, then writes all files. Throws without writing anything if a check fails. */
    public List<Path> commit() {
        check();
        Map<Path, Path> temps = new LinkedHashMap<>();
        List<Path> placed = new ArrayList<>();
        try {
            for (var e : entries.entrySet()) {
                temps.put(e.getKey(), writeTemp(e.getKey(), e.getValue()));
            }
            for (var t : temps.entrySet()) {
                boolean existed = Files.exists(t.getKey());
                move(t.getValue(), t.getKey());
                if (!existed) {
                    placed.add(t.getKey());
                }
            }
            return paths();
        } catch (IOException e) {
            for (Path p : placed) {
                deleteQuietly(p);
            }
            throw new CertaException(ErrorKind.IO, "could not write " + describe(e) + "; nothing was written",
                    "check the permissions and free space of the output directory", e);
        } finally {
            for (Path t : temps.values()) {
                deleteQuietly(t);
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + " (permission denied)";
        }
        return String.valueOf(e.getMessage());
    }

    private static Path writeTemp(Path target, Entry entry) throws IOException {
        Path dir = target.getParent();
        String prefix = "." + target.getFileName() + ".";
        Path tmp;
        if (POSIX) {
            Set<PosixFilePermission> perms = PosixFilePermissions.fromString(entry.secret() ? "rw-------" : "rw-r--r--");
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(perms);
            tmp = Files.createTempFile(dir, prefix, ".tmp", attr);
            Files.setPosixFilePermissions(tmp, perms); // umask may have narrowed a public file
        } else {
            tmp = Files.createTempFile(dir, prefix, ".tmp");
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            var buf = java.nio.ByteBuffer.wrap(entry.content());
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        return tmp;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Reads a whole input file with errors that name it: the same bounded read as {@link InputFiles#read(Path)}. */
    public static byte[] read(Path path) {
        return InputFiles.read(path);
    }
}
