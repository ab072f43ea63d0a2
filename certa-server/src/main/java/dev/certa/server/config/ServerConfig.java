package dev.certa.server.config;

import dev.certa.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code certa serve} was configured with, resolved and checked ({@link ConfigLoader}).
 * See {@link Settings} for what each value means and its default.
 *
 * @param tokenCaUrl the URL a token's audience must name ({@code tokens.ca-url}); empty: this node's own HTTPS URL
 */
public record ServerConfig(
        Path dataDir,
        String listen,
        int httpsPort,
        int httpPort,
        String publicHost,
        Path caDir,
        String caName,
        Optional<Path> caPasswordFile,
        StoreConfig store,
        Duration tokenMaxLifetime,
        Optional<String> tokenCaUrl,
        Duration crlInterval,
        Duration crlLifetime,
        Duration ocspLifetime,
        boolean delegatedOcsp,
        int maxBody,
        Path auditLog,
        Path adminTokenFile,
        Duration renewAfterExpiry,
        List<ProvisionerConfig> provisioners,
        AcmeConfig acme) {

    public ServerConfig {
        provisioners = List.copyOf(provisioners);
    }

    public ServerConfig withPorts(int https, int http) {
        return new ServerConfig(dataDir, listen, https, http, publicHost, caDir, caName, caPasswordFile, store,
                tokenMaxLifetime, tokenCaUrl, crlInterval, crlLifetime, ocspLifetime, delegatedOcsp, maxBody, auditLog, adminTokenFile,
                renewAfterExpiry, provisioners, acme);
    }

    public ServerConfig withProvisioners(List<ProvisionerConfig> p) {
        return new ServerConfig(dataDir, listen, httpsPort, httpPort, publicHost, caDir, caName, caPasswordFile, store,
                tokenMaxLifetime, tokenCaUrl, crlInterval, crlLifetime, ocspLifetime, delegatedOcsp, maxBody, auditLog, adminTokenFile,
                renewAfterExpiry, p, acme);
    }
}
