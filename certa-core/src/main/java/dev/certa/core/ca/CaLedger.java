package dev.certa.core.ca;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.revocation.RevocationReason;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An offline CA's record of what it issued and revoked: {@code ledger.jsonl} in the CA directory,
 * beside the keys, mode 0600. It is append-only, one {@link LedgerLines checksummed JSON line} per
 * record, and every append is flushed to disk ({@code fsync}) before the command that made it reports
 * success. A crash in the middle of a write leaves a last line that is cut short or fails its checksum:
 * readers ignore it and say so ({@link LedgerState#damage()}), the next write cuts it off. A damaged
 * line that is followed by good ones is not a crash but damage to the file, and the ledger refuses to
 * be read until it is restored. Writers, in this process or others, take turns under a file lock.
 *
 * <p>This is how {@code certa revoke --dir}, {@code certa crl --dir} and {@code certa certs --dir}
 * know what an offline CA did, as {@code openssl ca} keeps its {@code index.txt}.
 */
public final class CaLedger {
    public static final String FILE = "ledger.jsonl";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final long LOCK_WAIT_MILLIS = 30_000;

    private final Path file;

    public CaLedger(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /** A change to make under the lock: the records to append, and what to tell the caller. */
    public record Change<T>(List<LedgerRecord> append, T result) {
        public Change {
            append = List.copyOf(append);
        }
    }

    /** What {@link #revoke} did: revoked now, or found the certificate already revoked (the first revocation stands). */
    public record Revocation(LedgerCertificate certificate, LedgerRevocation standing, boolean alreadyRevoked) {}

    /** The ledger as it is on disk now; an empty ledger if there is no file yet. */
    public LedgerState read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            bytes = new byte[0];
        } catch (IOException e) {
            throw new CertaException(ErrorKind.IO, file + " cannot be read (" + e.getMessage() + ")",
                    "check its permissions: the CA's owner must be able to read it", e);
        }
        return parse(bytes);
    }

    /** Appends one record and flushes it to disk. */
    public void record(LedgerRecord r) {
        transact(state -> new Change<>(List.of(r), Boolean.TRUE));
    }

    /** Revokes the certificate with {@code serial} at {@code at}, unless it is revoked already. */
    public Revocation revoke(BigInteger serial, RevocationReason reason, Instant at) {
        return transact(state -> {
            LedgerCertificate c = state.certificate(serial).orElseThrow(() -> new CertaException(ErrorKind.NOT_FOUND,
                    "the CA in " + file.getParent() + " has no record of a certificate with serial " + serial.toString(16),
                    "check the serial with 'certa certs --dir " + file.getParent() + "'; only certificates this CA issued "
                            + "(and recorded) can be revoked here"));
            Optional<LedgerRevocation> earlier = state.revocation(serial);
            if (earlier.isPresent()) {
                return new Change<>(List.of(), new Revocation(c, earlier.get(), true));
            }
            LedgerRevocation v = new LedgerRevocation(serial, c.issuerKey(), at, reason);
            return new Change<>(List.of(v), new Revocation(c, v, false));
        });
    }

    /**
     * Reads the ledger and appends what {@code decide} returns, holding the ledger's lock throughout so
     * that the decision is made on the state the records are appended to. Nothing is written if
     * {@code decide} throws. Returns once the records are on disk.
     */
    public <T> T transact(Function<LedgerState, Change<T>> decide) {
        boolean created = !Files.exists(file);
        try (FileChannel ch = open(); FileLock lock = lock(ch)) {
            byte[] bytes = readAll(ch);
            LedgerState state = parse(bytes);
            Change<T> change = decide.apply(state);
            if (!change.append().isEmpty()) {
                StringBuilder lines = new StringBuilder();
                for (LedgerRecord r : change.append()) {
                    lines.append(LedgerLines.encode(r)).append('\n');
                }
                if (state.validLength() < bytes.length) {
                    ch.truncate(state.validLength()); // the torn last line of an interrupted write
                }
                ByteBuffer buf = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
                long pos = state.validLength();
                while (buf.hasRemaining()) {
                    pos += ch.write(buf, pos);
                }
                ch.force(true);
                if (created) {
                    syncDirectory();
                }
            }
            return change.result();
        } catch (IOException e) {
            throw new CertaException(ErrorKind.IO, "could not write " + file + " (" + e.getMessage() + "); nothing was recorded",
                    "check the permissions and free space of the CA directory", e);
        }
    }

    private FileChannel open() throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (POSIX) {
            FileAttribute<?> secret = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return FileChannel.open(file, options, secret);
        }
        return FileChannel.open(file, options);
    }

    /** The file lock keeps other processes out; a second writer in this process waits its turn too. */
    private FileLock lock(FileChannel ch) throws IOException {
        long waited = 0;
        while (true) {
            try {
                return ch.lock();
            } catch (OverlappingFileLockException busy) {
                if (waited >= LOCK_WAIT_MILLIS) {
                    throw new CertaException(ErrorKind.IO, file + " stayed locked by another writer for "
                            + LOCK_WAIT_MILLIS / 1000 + " s", "try again when the other certa command has finished");
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CertaException(ErrorKind.IO, "interrupted while waiting for " + file, null);
                }
                waited += 5;
            }
        }
    }

    private static byte[] readAll(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new CertaException(ErrorKind.IO, "the ledger is larger than certa can read (" + size + " bytes)", null);
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        long pos = 0;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
        return buf.array();
    }

    private LedgerState parse(byte[] bytes) {
        List<LedgerRecord> records = new ArrayList<>();
        Optional<String> damage = Optional.empty();
        long valid = 0;
        int pos = 0;
        int line = 0;
        while (pos < bytes.length) {
            line++;
            int end = indexOf(bytes, pos);
            if (end < 0) {
                damage = Optional.of("its last line (" + line + ") is incomplete: a write was interrupted before it "
                        + "finished, so that record was never made; it is ignored and cut off by the next write");
                break;
            }
            try {
                records.add(LedgerLines.decode(new String(bytes, pos, end - pos, StandardCharsets.UTF_8)));
                valid = end + 1L;
            } catch (LedgerLines.Damaged d) {
                if (end + 1 < bytes.length) {
                    throw new CertaException(ErrorKind.BAD_INPUT, file + " is damaged: line " + line + " is not a valid record ("
                            + d.getMessage() + ") and records follow it, so certa will not guess what this CA issued or revoked",
                            "restore " + file.getFileName() + " from a backup");
                }
                damage = Optional.of("its last line (" + line + ") is damaged (" + d.getMessage() + "): a write was "
                        + "interrupted, so that record was never made; it is ignored and cut off by the next write");
                break;
            }
            pos = end + 1;
        }
        return LedgerState.of(records, damage, valid);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot sync a directory; the file itself is on disk
        }
    }
}
