package dev.certa.core.probe;

import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * A server's request for a client certificate (mutual TLS). The server lists the CAs whose
 * certificates it accepts; a client with no certificate from one of them has nothing to send and,
 * if the server requires one, is refused.
 *
 * @param acceptedIssuers the CA names the server listed, in its order; empty when it listed none
 *     (then any certificate the server can verify may be sent)
 * @param keyTypes the key types the client was asked about, e.g. "EC", "RSA"
 * @param certificateSent whether a client certificate was sent in answer
 */
public record ClientCertificateRequest(List<X500Principal> acceptedIssuers, List<String> keyTypes, boolean certificateSent) {
    public ClientCertificateRequest {
        acceptedIssuers = List.copyOf(acceptedIssuers);
        keyTypes = List.copyOf(keyTypes);
    }
}
