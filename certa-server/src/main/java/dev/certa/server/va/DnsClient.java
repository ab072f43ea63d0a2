package dev.certa.server.va;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks one recursive DNS server (the configured one, or the system's) directly, with no cache shared
 * across the process: every validation sees the answer of now. CNAME chains are followed by the
 * recursive server; the answer section's records of the asked type are taken whatever their owner.
 */
final class DnsClient {
    private final SimpleResolver resolver;

    DnsClient(Optional<InetSocketAddress> server, Duration timeout) {
        try {
            this.resolver = server.isPresent() ? new SimpleResolver(server.get()) : new SimpleResolver();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("no DNS resolver: " + e.getMessage(), e);
        }
        resolver.setTimeout(timeout);
    }

    /** The TXT strings at {@code name}. */
    List<String> txt(String name) throws DnsFailure {
        List<String> out = new ArrayList<>();
        for (Record r : query(name, Type.TXT)) {
            if (r instanceof TXTRecord t) {
                out.add(String.join("", t.getStrings()));
            }
        }
        return out;
    }

    /** The A and AAAA addresses of {@code name}, IPv4 first. */
    List<InetAddress> addresses(String name) throws DnsFailure {
        List<InetAddress> out = new ArrayList<>();
        for (Record r : query(name, Type.A)) {
            if (r instanceof ARecord a) {
                out.add(a.getAddress());
            }
        }
        try {
            for (Record r : query(name, Type.AAAA)) {
                if (r instanceof AAAARecord a) {
                    out.add(a.getAddress());
                }
            }
        } catch (DnsFailure e) {
            if (out.isEmpty()) {
                throw e;
            }
        }
        return out;
    }

    private List<Record> query(String name, int type) throws DnsFailure {
        Name n;
        try {
            n = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new DnsFailure("'" + name + "' is not a DNS name");
        }
        Message answer;
        try {
            answer = resolver.send(Message.newQuery(Record.newRecord(n, type, DClass.IN)));
        } catch (IOException e) {
            throw new DnsFailure("the DNS server did not answer for " + Type.string(type) + " " + name + ": " + e.getMessage());
        }
        int rcode = answer.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            throw new DnsFailure("the DNS server answered " + Rcode.string(rcode) + " for " + Type.string(type) + " " + name);
        }
        return answer.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
    }

    /** A lookup that failed (as opposed to one that found nothing). */
    static final class DnsFailure extends Exception {
        DnsFailure(String message) {
            super(message, null, false, false);
        }
    }
}
