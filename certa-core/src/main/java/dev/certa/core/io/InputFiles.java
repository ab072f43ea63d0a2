package dev.certa.core.io;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one way certa reads a file a person names: certificates, roots, CRLs, keys, CSRs, keystores,
 * password files, tokens and configuration. The read is a stream cut off at {@link #MAX_BYTES}, so a
 * device or pipe that never ends ({@code /dev/zero}, a FIFO, {@code <(yes)}) is refused with the file
 * name and the limit instead of filling the heap. The file's size as the file system reports it is not
 * trusted: it is 0 for devices and pipes. A pipe that does end (process substitution) reads normally.
 */
public final class InputFiles {
    /** The most certa reads from any one input file: 64 MiB. No certificate, key, CSR, CRL or keystore is that large. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private InputFiles() {}

    /** The whole file, at most {@link #MAX_BYTES}; errors name the file. */
    public static byte[] read(Path path) {
        return read(path, MAX_BYTES);
    }

    /** The whole file, at most {@code limit} bytes; a longer file (or an endless stream) is refused. */
    public static byte[] read(Path path, int limit) {
        if (Files.isDirectory(path)) {
            throw new CertaException(ErrorKind.BAD_INPUT, path + " is a directory, not a file", "name a file inside it");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] data = in.readNBytes(limit);
            if (data.length == limit && in.read() != -1) {
                throw CertaException.badInput(path + ": certa stopped reading after " + describeLimit(limit)
                        + " (its limit for one input file); no certificate, key, CSR, CRL or keystore is that large",
                        "check that this is the right file; a device or pipe that never ends (such as /dev/zero) cannot be read");
            }
            return data;
        } catch (NoSuchFileException e) {
            throw new CertaException(ErrorKind.NOT_FOUND, path + ": no such file", "check the path");
        } catch (AccessDeniedException e) {
            throw new CertaException(ErrorKind.IO, path + ": permission denied", "check the file's permissions", e);
        } catch (IOException e) {
            throw new CertaException(ErrorKind.IO, path + ": cannot be read (" + e.getMessage() + ")", "check the file", e);
        }
    }

    static String describeLimit(int limit) {
        if (limit % (1024 * 1024) == 0) {
            return limit / (1024 * 1024) + " MiB";
        }
        if (limit % 1024 == 0) {
            return limit / 1024 + " KiB";
        }
        return limit + " bytes";
    }
}
