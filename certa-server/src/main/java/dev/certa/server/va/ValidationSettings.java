package dev.certa.server.va;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * How the validation authority reaches the Internet.
 *
 * @param http01Port the port http-01 fetches from (80; another one only in tests)
 * @param resolver the DNS server asked for A/AAAA and TXT records; empty: the system's
 * @param allowPrivateAddresses whether loopback, private and link-local targets may be contacted (off:
 *     an attacker could otherwise point the CA at internal services)
 * @param timeout the limit of one whole validation (connect, redirects, reading)
 * @param maxRedirects how many redirects http-01 follows
 * @param maxBody the most bytes of an http-01 response read
 */
public record ValidationSettings(int http01Port, Optional<InetSocketAddress> resolver, boolean allowPrivateAddresses,
        Duration timeout, int maxRedirects, int maxBody) {

    public static ValidationSettings defaults(int http01Port, Optional<InetSocketAddress> resolver, boolean allowPrivate) {
        return new ValidationSettings(http01Port, resolver, allowPrivate, Duration.ofSeconds(10), 10, 8192);
    }
}
