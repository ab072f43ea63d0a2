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
 * @param clientWarnings what is wrong with the client side although the handshake finished: no
 *     certificate sent to a server that asked, one without clientAuth, or one from a CA the server did not list
 */
public record Handshake(
        ProbeTarget target,
        String protocol,
        String cipherSuite,
        Optional<String> alpn,
        List<X509Certificate> certificates,
        Optional<byte[]> stapledOcsp,
        Optional<ClientCertificateRequest> clientCertificateRequest,
        Optional<Refusal> refusal,
        List<ClientWarning> clientWarnings) {

    public Handshake {
        certificates = List.copyOf(certificates);
        stapledOcsp = stapledOcsp.map(byte[]::clone);
        clientWarnings = List.copyOf(clientWarnings);
    }

    /** A handshake without client-side warnings. */
    public Handshake(ProbeTarget target, String protocol, String cipherSuite, Optional<String> alpn,
            List<X509Certificate> certificates, Optional<byte[]> stapledOcsp,
            Optional<ClientCertificateRequest> clientCertificateRequest, Optional<Refusal> refusal) {
        this(target, protocol, cipherSuite, alpn, certificates, stapledOcsp, clientCertificateRequest, refusal, List.of());
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

    /** Something about the client certificate (or its absence) that a server may refuse after the handshake. */
    public record ClientWarning(String reason, String fix) {}
}
