package dev.certa.server.va;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
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
 * A lookup that gets no answer in time, or an answer other than NOERROR/NXDOMAIN (SERVFAIL, REFUSED),
 * is a {@link DnsFailure}, never an empty result: CAA must fail closed.
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

    /** One CAA property (RFC 8659): {@code 0 issue "ca.example; accounturi=…"} is flags 0, tag issue, value {@code ca.example; accounturi=…}. */
    record Caa(int flags, String tag, String value) {
        /** The critical flag (bit 0, value 128): a CA that does not understand the tag must not issue. */
        boolean critical() {
            return (flags & 128) != 0;
        }

        @Override
        public String toString() {
            return flags + " " + tag + " \"" + value + "\"";
        }
    }

    /**
     * The CAA record set at {@code name} (after any CNAME the recursive server followed); empty when
     * there is none or the name does not exist. Values are read byte for byte from the wire.
     */
    List<Caa> caa(String name) throws DnsFailure {
        List<Caa> out = new ArrayList<>();
        for (Record r : query(name, Type.CAA)) {
            byte[] rdata = r.rdataToWireCanonical();
            if (rdata.length < 2 || rdata.length < 2 + (rdata[1] & 0xff)) {
                throw new DnsFailure("the DNS server sent a malformed CAA record for " + name);
            }
            int tagLength = rdata[1] & 0xff;
            out.add(new Caa(rdata[0] & 0xff, new String(rdata, 2, tagLength, StandardCharsets.ISO_8859_1),
                    new String(rdata, 2 + tagLength, rdata.length - 2 - tagLength, StandardCharsets.ISO_8859_1)));
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
            throw new DnsFailure("the DNS server did not answer for " + Type.string(type) + " " + name + ": " + e.getMessage(), true);
        }
        int rcode = answer.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            throw new DnsFailure("the DNS server answered " + Rcode.string(rcode) + " for " + Type.string(type) + " " + name,
                    rcode == Rcode.SERVFAIL);
        }
        return answer.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
    }

    /** A lookup that failed (as opposed to one that found nothing). */
    static final class DnsFailure extends Exception {
        private final boolean retryable;

        DnsFailure(String message) {
            this(message, false);
        }

        DnsFailure(String message, boolean retryable) {
            super(message, null, false, false);
            this.retryable = retryable;
        }

        /** No answer in time, or SERVFAIL: the DNS server may answer later. */
        boolean retryable() {
            return retryable;
        }
    }
}
