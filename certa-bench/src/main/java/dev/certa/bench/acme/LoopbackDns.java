package dev.certa.bench.acme;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A DNS server on 127.0.0.1 (UDP) for the ACME benchmark: every name under one suffix (e.g.
 * {@code bench.test}) has the A record 127.0.0.1 and no other record; every other name in the suffix's
 * parents (CAA climbs to the TLD) exists with no records; anything else is NXDOMAIN. So both CAs
 * resolve each benchmark name to the benchmark's http-01 responder and find no CAA record. A worker
 * answering dns-01 publishes one TXT record at {@code _acme-challenge.NAME} for the time of its validation.
 *
 * <p>It reads the question straight from the packet and writes the answer by hand (one A record with
 * a compression pointer to the question): the benchmark's client shares two cores with the CA, so the
 * responder should cost next to nothing.
 */
final class LoopbackDns implements AutoCloseable {
    private static final int TYPE_A = 1;
    private static final int TYPE_TXT = 16;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    private final DatagramSocket socket;
    private final String suffix;
    private final Thread thread;
    private volatile long queries;
    private final Map<String, Txt> txt = new ConcurrentHashMap<>();

    /** A published TXT record, and a latch released by the first query for it. */
    static final class Txt {
        private final byte[] value;
        private final CountDownLatch asked = new CountDownLatch(1);

        Txt(String value) {
            this.value = value.getBytes(StandardCharsets.US_ASCII);
        }

        /** Waits until someone asked for it; false after {@code millis}. */
        boolean awaitQuery(long millis) throws InterruptedException {
            return asked.await(millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Publishes the TXT record {@code value} (at most 255 characters) at {@code name}, replacing any. */
    Txt publishTxt(String name, String value) {
        Txt t = new Txt(value);
        txt.put(name.toLowerCase(Locale.ROOT), t);
        return t;
    }

    void withdrawTxt(String name) {
        txt.remove(name.toLowerCase(Locale.ROOT));
    }

    /** Listens on 127.0.0.1:{@code port} (0: a free one) and answers for names ending in {@code suffix}. */
    LoopbackDns(int port, String suffix) throws IOException {
        this.suffix = suffix.toLowerCase(Locale.ROOT);
        socket = new DatagramSocket(null);
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        thread = Thread.ofPlatform().daemon(true).name("bench-dns").start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    long queries() {
        return queries;
    }

    private void serve() {
        byte[] in = new byte[1500];
        byte[] out = new byte[1500];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(in, in.length);
            try {
                socket.receive(p);
                int n = answer(in, p.getLength(), out);
                if (n > 0) {
                    socket.send(new DatagramPacket(out, n, p.getSocketAddress()));
                    queries++;
                }
            } catch (IOException | RuntimeException e) {
                // closed, or a packet this server does not understand: go on
            }
        }
    }

    /** Writes the answer to the query in {@code q[0..len)} into {@code out}; returns its length (0: no answer). */
    int answer(byte[] q, int len, byte[] out) {
        if (len < 12 || (q[2] & 0x80) != 0 || u16(q, 4) != 1) {
            return 0; // not a query with one question
        }
        // the question: labels, then type and class
        int at = 12;
        StringBuilder name = new StringBuilder();
        while (at < len && q[at] != 0) {
            int l = q[at] & 0xff;
            if (l > 63 || at + 1 + l > len) {
                return 0;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(new String(q, at + 1, l, StandardCharsets.US_ASCII));
            at += 1 + l;
        }
        if (at + 5 > len) {
            return 0;
        }
        int questionEnd = at + 5;
        int type = u16(q, at + 1);
        String n = name.toString().toLowerCase(Locale.ROOT);
        boolean under = n.endsWith("." + suffix);
        boolean exists = under || n.equals(suffix) || suffix.endsWith("." + n) || n.isEmpty();
        System.arraycopy(q, 0, out, 0, questionEnd);
        out[2] = (byte) (0x84 | (q[2] & 0x79)); // QR, AA, the query's opcode and RD
        out[3] = (byte) (0x80 | (exists ? 0 : 3)); // RA; NOERROR or NXDOMAIN
        boolean a = under && type == TYPE_A;
        Txt t = under && type == TYPE_TXT ? txt.get(n) : null;
        out[6] = 0;
        out[7] = (byte) (a || t != null ? 1 : 0); // ANCOUNT
        out[8] = out[9] = out[10] = out[11] = 0; // no authority, no additional (an EDNS OPT is dropped)
        if (t != null) {
            byte[] rdata = new byte[t.value.length + 1];
            rdata[0] = (byte) t.value.length; // one character-string
            System.arraycopy(t.value, 0, rdata, 1, t.value.length);
            t.asked.countDown();
            return record(out, questionEnd, TYPE_TXT, 0, rdata); // TTL 0: asked again for every validation
        }
        return a ? record(out, questionEnd, TYPE_A, 60, LOOPBACK) : questionEnd;
    }

    /** Writes one answer record for the question's name at {@code o}; returns the end of the message. */
    private static int record(byte[] out, int o, int type, int ttl, byte[] rdata) {
        out[o++] = (byte) 0xc0; // a pointer to the name at offset 12
        out[o++] = 12;
        out[o++] = 0;
        out[o++] = (byte) type;
        out[o++] = 0;
        out[o++] = 1; // IN
        out[o++] = 0;
        out[o++] = 0;
        out[o++] = 0;
        out[o++] = (byte) ttl;
        out[o++] = 0;
        out[o++] = (byte) rdata.length;
        System.arraycopy(rdata, 0, out, o, rdata.length);
        return o + rdata.length;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
