package dev.certa.server.acme;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** A tiny DNS server on 127.0.0.1 (UDP) that answers the A and TXT records a test sets. */
final class TestDnsServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Map<String, InetAddress> addresses = new ConcurrentHashMap<>();
    private final Map<String, String> txt = new ConcurrentHashMap<>();
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
        if (question.getType() == Type.A && addresses.containsKey(k)) {
            r.addRecord(new ARecord(name, DClass.IN, 60, addresses.get(k)), Section.ANSWER);
        } else if (question.getType() == Type.TXT && txt.containsKey(k)) {
            r.addRecord(new TXTRecord(name, DClass.IN, 60, txt.get(k)), Section.ANSWER);
        } else if (!addresses.containsKey(k) && !txt.containsKey(k)) {
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
