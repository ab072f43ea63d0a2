package dev.certa.store.sqlite;

import dev.certa.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * The one process that uses a SQLite database: an operating-system lock on {@code FILE.lock}, taken
 * before anything else and held while the store is open, released by the system if the process dies.
 * The store relies on being alone (used nonces, orders and authorizations are kept in memory), so a
 * second process, such as a second {@code certa serve} on the same data directory, is refused with a
 * reason instead of silently accepting a replayed nonce. A second store within the same process
 * (tests, and tools reading beside a store this process opened) shares the process's lock, and, as
 * POSIX locks go with any descriptor of the file, closing it releases that lock: the server opens one.
 */
final class OwnerLock implements AutoCloseable {
    private final @Nullable FileChannel channel;

    private OwnerLock(@Nullable FileChannel channel) {
        this.channel = channel;
    }

    static OwnerLock take(Path database) {
        Path real;
        try { // one lock for every path to the file (symbolic links, ..), so resolved as far as it exists
            real = java.nio.file.Files.exists(database) ? database.toRealPath()
                    : database.getParent().toRealPath().resolve(database.getFileName());
        } catch (IOException e) {
            real = database;
        }
        Path file = real.resolveSibling(real.getFileName() + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("cannot create the lock file " + file + " beside the SQLite database (" + e.getMessage()
                    + "). Give certa's user write access to its directory.", e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new StoreException("the SQLite database " + database + " is in use by another process (another certa serve"
                        + " on the same data directory?). A SQLite store belongs to one process: stop the other one, or, to run"
                        + " several nodes, give them one PostgreSQL database (database.url).", null);
            }
            return new OwnerLock(channel);
        } catch (OverlappingFileLockException e) {
            // this process holds the lock already (its lock, not this store's: closing this channel later may
            // release it, as POSIX locks go with any descriptor of the file; that only concerns such second stores)
            return new OwnerLock(channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot lock " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock attempt failed already; that is what is reported
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close(); // releases the lock
        }
    }
}
