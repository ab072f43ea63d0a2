package dev.certa.server.va;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where validation connects for a host: the address itself for an IP literal, else the first A/AAAA
 * address the configured DNS server gives (never the JVM's resolver or its cache), and only if the
 * {@link AddressPolicy} lets the CA contact it.
 */
final class Targets {
    private final DnsClient dns;
    private final AddressPolicy policy;

    Targets(DnsClient dns, AddressPolicy policy) {
        this.dns = dns;
        this.policy = policy;
    }

    /**
     * The address to contact for {@code host}.
     *
     * @param refusedType the error type when the address is one this CA does not contact
     *     ({@code rejectedIdentifier} for the identifier itself, {@code connection} for a redirect)
     */
    InetAddress resolve(String host, String refusedType) throws Refusal {
        List<InetAddress> found;
        if (isIpLiteral(host)) {
            try {
                found = List.of(InetAddress.getByName(host.replace("[", "").replace("]", "")));
            } catch (UnknownHostException e) {
                throw new Refusal("malformed", "'" + host + "' is not an address");
            }
        } else {
            try {
                found = dns.addresses(host);
            } catch (DnsClient.DnsFailure e) {
                throw new Refusal("dns", e.getMessage(), e.retryable());
            }
        }
        if (found.isEmpty()) {
            throw new Refusal("dns", "no A or AAAA record for " + host);
        }
        InetAddress a = found.getFirst();
        Optional<String> refused = policy.refusal(a);
        if (refused.isPresent()) {
            throw new Refusal(refusedType, (isIpLiteral(host) ? host + " is " : host + " resolves to " + a.getHostAddress() + ", ")
                    + "a private or local address this CA does not contact (" + refused.get() + ")");
        }
        return a;
    }

    /**
     * Whether {@code e} says the peer could not be reached in time (refused, reset, no route, timed
     * out): a failure that may pass, unlike a peer that answered wrongly.
     */
    static boolean unreachable(IOException e, Deadline deadline) {
        return deadline.passed() || e instanceof SocketException || e instanceof SocketTimeoutException;
    }

    static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }
}
