package dev.certa.server.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The append-only audit log: one JSON object per line, each carrying the SHA-256 of the previous line's
 * hash and its own content, so a removed, inserted or altered line breaks the chain
 * ({@link AuditVerifier}, {@code certa audit verify}).
 *
 * <pre>{"seq":7,"time":"2026-11-23T10:00:00Z","node":"ca-1:8443","actor":"provisioner:ops","action":"issue",
 *  "serial":"5f…","names":["api.internal"],"outcome":"ok","detail":"","prev":"9a…","hash":"c4…"}</pre>
 *
 * <p>Each line is written with one {@code write} before the action's result is returned; the operating
 * system keeps it even when the process is killed ({@code kill -9}). Thread-safe.
 */
public final class AuditLog implements AutoCloseable {
    static final String GENESIS = "0".repeat(64);
    private final FileChannel channel;
    private final Clock clock;
    private final String node;
    private final JsonFactory json = new JsonFactory();
    private final @Nullable Checkpointer checkpointer;
    private long seq;
    private String prev;

    private AuditLog(FileChannel channel, Clock clock, String node, long seq, String prev, @Nullable Checkpointer checkpointer) {
        this.channel = channel;
        this.clock = clock;
        this.node = node;
        this.seq = seq;
        this.prev = prev;
        this.checkpointer = checkpointer;
    }

    /**
     * Opens (or creates) the log and continues its chain. A log whose last line is damaged is refused:
     * run {@code certa audit verify} to see where.
     */
    public static AuditLog open(Path file, Clock clock, String node) {
        return open(file, clock, node, null);
    }

    /** Opens the log, anchors its head now, and has {@code checkpointer} anchor it as it grows. */
    static AuditLog open(Path file, Clock clock, String node, @Nullable Checkpointer checkpointer) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            AuditVerifier.Result tail = AuditVerifier.verify(file);
            if (!tail.intact()) {
                throw new CertaException(ErrorKind.BAD_INPUT, "the audit log " + file + " is damaged: " + tail.problem(),
                        "keep the damaged file for investigation, move it aside, and start again (a new chain begins)");
            }
            FileChannel ch = openOwnerOnly(file);
            if (checkpointer != null) {
                try {
                    checkpointer.saveNow(tail.lines(), tail.lastHash());
                } catch (RuntimeException e) {
                    ch.close();
                    checkpointer.close();
                    throw e;
                }
            }
            return new AuditLog(ch, clock, node, tail.lines(), tail.lastHash(), checkpointer);
        } catch (IOException e) {
            throw new CertaException(ErrorKind.IO, "cannot open the audit log " + file + ": " + e.getMessage(),
                    "check that the directory exists and is writable", e);
        }
    }

    /** Opens for appending; a new log is created 0600, an existing one narrowed to 0600 (it names who did what). */
    private static FileChannel openOwnerOnly(Path file) throws IOException {
        boolean posix = Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix");
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (!posix) {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, ownerOnly);
        }
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                PosixFilePermissions.asFileAttribute(ownerOnly));
    }

    /** Appends one event; returns once the line is handed to the operating system. */
    public synchronized void append(AuditEvent event) {
        long n = seq + 1;
        String body = body(n, event);
        String hash = AuditVerifier.hash(prev, body);
        String line = body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}\n";
        try {
            ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            throw new CertaException(ErrorKind.IO, "cannot write the audit log: " + e.getMessage(),
                    "free disk space or fix the file's permissions; the CA refuses to act without its audit log", e);
        }
        seq = n;
        prev = hash;
        if (checkpointer != null) {
            checkpointer.advanced(n, hash);
        }
    }

    private String body(long n, AuditEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("seq", n);
            g.writeStringField("time", clock.instant().toString());
            g.writeStringField("node", node);
            g.writeStringField("actor", e.actor());
            g.writeStringField("action", e.action());
            if (e.serial().isPresent()) {
                g.writeStringField("serial", e.serial().get());
            }
            g.writeArrayFieldStart("names");
            for (String name : e.names()) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeStringField("outcome", e.outcome());
            g.writeStringField("detail", e.detail());
            g.writeStringField("prev", prev);
            g.writeEndObject();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        try {
            channel.force(true);
            channel.close();
        } catch (IOException e) {
            // closing at shutdown: nothing more to do
        }
        if (checkpointer != null) {
            checkpointer.close();
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
