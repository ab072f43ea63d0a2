package dev.certa.server;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a started server tells its operator and clients.
 *
 * @param httpsUrl base URL of the signing API
 * @param httpUrl base URL of CRL, OCSP and CA certificates
 * @param root the root CA certificate clients must trust
 * @param rootFingerprint SHA-256 of the root, colon-separated hex (to pin it on first contact)
 * @param issuingCa the intermediate that signs
 * @param issuerId the store's and the URLs' id of the issuing CA
 * @param database where the data lives (no password)
 * @param created what this start created (empty on later starts)
 * @param provisioners names of the provisioners
 * @param adminTokenFile where the admin token is
 */
public record ServerInfo(URI httpsUrl, URI httpUrl, X509Certificate root, String rootFingerprint, X509Certificate issuingCa,
        String issuerId, String database, List<String> created, List<String> provisioners, Path adminTokenFile) {
    public ServerInfo {
        created = List.copyOf(created);
        provisioners = List.copyOf(provisioners);
    }
}
