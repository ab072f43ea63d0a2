package dev.certa.server.config;

import dev.certa.server.va.AddressPolicy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The ACME server's configuration (see {@link Settings}: {@code acme.*} and {@code validation.*}).
 *
 * @param baseUrl the URL in front of every node (a load balancer), no trailing slash; empty: this node's own HTTPS URL
 * @param policy profiles, External Account Binding, names and rate limits of the registration authority
 * @param caaIdentities the issuer domain names CAA records name this CA by (at least one)
 * @param caaRecheckAfter how old a CAA check may be when an order is finalized before it is done again
 * @param http01Port the port http-01 fetches from
 * @param tlsAlpn01Port the port tls-alpn-01 connects to (and https redirects of http-01 go to)
 * @param resolver the DNS server validation asks; empty: the system's
 * @param addresses which addresses validation may contact
 * @param validationRetries how many more times a validation is tried after a failure that may pass
 * @param validationRetryDelay the wait before each of those
 * @param validationSweepInterval how often this node looks for validations abandoned by a node that died
 */
public record AcmeConfig(boolean enabled, Optional<String> baseUrl, Optional<String> termsOfService, AcmePolicyConfig policy,
        List<String> caaIdentities, Duration caaRecheckAfter, int http01Port, int tlsAlpn01Port, Optional<InetSocketAddress> resolver,
        AddressPolicy addresses, int validationRetries, Duration validationRetryDelay, Duration validationSweepInterval) {
    public AcmeConfig {
        caaIdentities = List.copyOf(caaIdentities);
    }
}
