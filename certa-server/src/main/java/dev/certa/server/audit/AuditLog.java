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
import java.time.Clock;
import java.util.HexFormat;

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
    private long seq;
    private String prev;

    private AuditLog(FileChannel channel, Clock clock, String node, long seq, String prev) {
        this.channel = channel;
        this.clock = clock;
        this.node = node;
        this.seq = seq;
        this.prev = prev;
    }

    /**
     * Opens (or creates) the log and continues its chain. A log whose last line is damaged is refused:
     * run {@code certa audit verify} to see where.
     */
    public static AuditLog open(Path file, Clock clock, String node) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            AuditVerifier.Result tail = AuditVerifier.verify(file);
            if (!tail.intact()) {
                throw new CertaException(ErrorKind.BAD_INPUT, "the audit log " + file + " is damaged: " + tail.problem(),
                        "keep the damaged file for investigation, move it aside, and start again (a new chain begins)");
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new AuditLog(ch, clock, node, tail.lines(), tail.lastHash());
        } catch (IOException e) {
            throw new CertaException(ErrorKind.IO, "cannot open the audit log " + file + ": " + e.getMessage(),
                    "check that the directory exists and is writable", e);
        }
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
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
