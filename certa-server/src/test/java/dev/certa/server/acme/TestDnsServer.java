package dev.certa.server.acme;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A tiny DNS server on 127.0.0.1 (UDP) that answers the A, TXT and CAA records a test sets, and
 * SERVFAIL for the names a test breaks.
 */
final class TestDnsServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Map<String, InetAddress> addresses = new ConcurrentHashMap<>();
    private final Map<String, String> txt = new ConcurrentHashMap<>();
    private final Map<String, List<Caa>> caa = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Thread thread;

    TestDnsServer() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = Thread.ofPlatform().daemon(true).name("test-dns").start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    void address(String name, InetAddress a) {
        addresses.put(key(name), a);
    }

    void txt(String name, String value) {
        txt.put(key(name), value);
    }

    /** One CAA property: {@code 0 issue "certa.test"}. */
    record Caa(int flags, String tag, String value) {}

    /** Replaces the CAA records at {@code name} (none: removes them). */
    void caa(String name, Caa... records) {
        if (records.length == 0) {
            caa.remove(key(name));
        } else {
            caa.put(key(name), List.of(records));
        }
    }

    /** Every query for {@code name} gets SERVFAIL, as from a broken authoritative server. */
    void servfail(String name) {
        failing.add(key(name));
    }

    private static String key(String name) {
        return name.endsWith(".") ? name.toLowerCase() : name.toLowerCase() + ".";
    }

    private void serve() {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                byte[] answer = answer(q).toWire();
                socket.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a garbage packet: go on
            }
        }
    }

    private Message answer(Message q) throws IOException {
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.AA);
        r.getHeader().setFlag(Flags.RA);
        Record question = q.getQuestion();
        r.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        String k = name.toString().toLowerCase();
        if (failing.contains(k)) {
            r.getHeader().setRcode(Rcode.SERVFAIL);
        } else if (question.getType() == Type.A && addresses.containsKey(k)) {
            r.addRecord(new ARecord(name, DClass.IN, 60, addresses.get(k)), Section.ANSWER);
        } else if (question.getType() == Type.TXT && txt.containsKey(k)) {
            r.addRecord(new TXTRecord(name, DClass.IN, 60, txt.get(k)), Section.ANSWER);
        } else if (question.getType() == Type.CAA && caa.containsKey(k)) {
            for (Caa c : caa.get(k)) {
                r.addRecord(new CAARecord(name, DClass.IN, 60, c.flags(), c.tag(), c.value()), Section.ANSWER);
            }
        } else if (!addresses.containsKey(k) && !txt.containsKey(k) && !caa.containsKey(k)) {
            r.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        return r;
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
