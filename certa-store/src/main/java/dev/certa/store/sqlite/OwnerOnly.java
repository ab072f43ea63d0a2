package dev.certa.store.sqlite;

import dev.certa.store.StoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The database holds secrets (EAB MAC keys, ACME account data), so only certa's user may read it. SQLite
 * gives its -wal and -shm files the database file's mode, so creating that file 0600 before SQLite opens
 * it is enough; a database made by an older certa is narrowed to 0600, with its -wal and -shm.
 */
final class OwnerOnly {
    private static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    static void database(Path file) {
        try {
            if (!Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                return;
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(MODE));
            } catch (FileAlreadyExistsException e) {
                Files.setPosixFilePermissions(file, MODE);
            }
            for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(companion)) {
                    Files.setPosixFilePermissions(companion, MODE);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot make the SQLite database " + file + " readable by certa's user only (" + e.getMessage()
                    + "). Run certa as the owner of the data directory.", e);
        }
    }
}
