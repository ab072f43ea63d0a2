package dev.certa.server.config;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The ACME server's configuration (see {@link Settings}: {@code acme.*} and {@code validation.*}).
 *
 * @param baseUrl the URL in front of every node (a load balancer), no trailing slash; empty: this node's own HTTPS URL
 * @param policy profiles, External Account Binding and the other rules of the registration authority
 * @param resolver the DNS server validation asks; empty: the system's
 */
public record AcmeConfig(boolean enabled, Optional<String> baseUrl, Optional<String> termsOfService, AcmePolicyConfig policy, int http01Port,
        Optional<InetSocketAddress> resolver, boolean allowPrivateAddresses) {}
