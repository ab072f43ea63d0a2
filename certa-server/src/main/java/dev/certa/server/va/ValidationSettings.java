package dev.certa.server.va;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the validation authority reaches the Internet, and who this CA is in CAA records.
 *
 * @param http01Port the port http-01 fetches from (80; another one only in tests)
 * @param tlsAlpn01Port the port tls-alpn-01 connects to, which is also the only port an http-01
 *     redirect to {@code https://} is followed to (443; another one only in tests)
 * @param resolver the DNS server asked for A/AAAA, TXT and CAA records; empty: the system's
 * @param addresses which addresses may be contacted (public ones only by default: an attacker could
 *     otherwise point the CA at internal services)
 * @param caaIdentities the issuer domain names of this CA: a CAA {@code issue} record naming one of
 *     them lets it issue (RFC 8659)
 * @param timeout the limit of one whole validation (connect, redirects, reading, handshake, retries and
 *     their waits), and of each DNS query
 * @param maxRedirects how many redirects http-01 follows
 * @param maxBody the most bytes of an http-01 response read
 */
public record ValidationSettings(int http01Port, int tlsAlpn01Port, Optional<InetSocketAddress> resolver, AddressPolicy addresses,
        List<String> caaIdentities, Duration timeout, int maxRedirects, int maxBody) {

    public ValidationSettings {
        caaIdentities = List.copyOf(caaIdentities);
    }

    /** Settings with the usual limits: 10 s per validation, 10 redirects, 8 KiB of body. */
    public static ValidationSettings defaults(int http01Port, int tlsAlpn01Port, Optional<InetSocketAddress> resolver,
            AddressPolicy addresses, List<String> caaIdentities) {
        return new ValidationSettings(http01Port, tlsAlpn01Port, resolver, addresses, caaIdentities, Duration.ofSeconds(10), 10, 8192);
    }
}
