package dev.certa.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A provisioner as configured: a named key whose one-time tokens let a machine get certificates
 * within limits.
 *
 * <pre>
 * provisioner.ops.key = provisioners/ops.pub.pem     # its public key (PEM); the private key mints tokens
 * provisioner.ops.names = *.svc.internal, api.example.com
 * provisioner.ops.profiles = server, client
 * provisioner.ops.max-validity = 30d
 * </pre>
 *
 * @param name the provisioner's name (the {@code iss} of its tokens)
 * @param publicKey the PEM file with its public key
 * @param names allowed names: exact names, {@code *.domain} (any name below the domain) or IP addresses;
 *     empty: any name
 * @param profiles certificate profiles it may ask for ({@code server}, {@code client}, {@code server-client})
 * @param maxValidity the longest validity it may ask for (and the default)
 */
public record ProvisionerConfig(String name, Path publicKey, List<String> names, Set<String> profiles, Duration maxValidity) {
    public ProvisionerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publicKey, "publicKey");
        names = List.copyOf(names);
        profiles = Set.copyOf(profiles);
        Objects.requireNonNull(maxValidity, "maxValidity");
    }
}
