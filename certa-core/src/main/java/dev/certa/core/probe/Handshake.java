package dev.certa.core.probe;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What a TLS server presented during one handshake, recorded whether or not it can be trusted.
 *
 * <p>The server sends its certificate first and, after it, the intermediate CA certificates a
 * client needs to reach a root it trusts. The list is kept exactly as sent, so that a missing
 * intermediate, a wrong order or a needlessly sent root are visible.
 *
 * @param target where the handshake went and which server name was asked for
 * @param protocol the negotiated version, e.g. "TLSv1.3"
 * @param cipherSuite the negotiated cipher suite, e.g. "TLS_AES_128_GCM_SHA256"
 * @param alpn the application protocol the server chose (e.g. "h2"), if it chose one
 * @param certificates the certificate list in the order the server sent it
 * @param stapledOcsp the DER OCSP response the server stapled for its certificate, if any
 * @param clientCertificateRequest the server's request for a client certificate, if it made one
 * @param refusal why the handshake did not finish, or why the server refused the client after it
 *     finished (e.g. it required a client certificate); empty when the server accepted the client
 */
public record Handshake(
        ProbeTarget target,
        String protocol,
        String cipherSuite,
        Optional<String> alpn,
        List<X509Certificate> certificates,
        Optional<byte[]> stapledOcsp,
        Optional<ClientCertificateRequest> clientCertificateRequest,
        Optional<Refusal> refusal) {

    public Handshake {
        certificates = List.copyOf(certificates);
        stapledOcsp = stapledOcsp.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> stapledOcsp() {
        return stapledOcsp.map(byte[]::clone);
    }

    /**
     * The server ended the connection instead of accepting the client: the TLS alert it sent (e.g.
     * "certificate_required"), if any, and the explanation.
     */
    public record Refusal(Optional<String> alert, String reason, String fix) {}
}
