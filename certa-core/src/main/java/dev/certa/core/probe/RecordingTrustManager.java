package dev.certa.core.probe;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Accepts any server certificate and records it with what the handshake had negotiated at that
 * point. Safe only because {@link TlsProbe} never sends application data over the connection: it
 * learns what the server presents and then judges it with certa's own path validation.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
    /** What was seen when the server's certificates arrived. */
    record Seen(List<X509Certificate> chain, String protocol, String cipherSuite, Optional<byte[]> stapledOcsp) {}

    private volatile Optional<Seen> seen = Optional.empty();

    Optional<Seen> seen() {
        return seen;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, @Nullable Socket socket) {
        String protocol = "";
        String cipher = "";
        Optional<byte[]> ocsp = Optional.empty();
        if (socket instanceof SSLSocket tls) {
            SSLSession session = tls.getHandshakeSession();
            if (session != null) {
                protocol = session.getProtocol();
                cipher = session.getCipherSuite();
                if (session instanceof ExtendedSSLSession ext && !ext.getStatusResponses().isEmpty()) {
                    byte[] first = ext.getStatusResponses().get(0);
                    ocsp = first.length > 0 ? Optional.of(first.clone()) : Optional.empty();
                }
            }
        }
        seen = Optional.of(new Seen(List.of(chain), protocol, cipher, ocsp));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        checkServerTrusted(chain, authType, (Socket) null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, @Nullable SSLEngine engine) {
        checkServerTrusted(chain, authType, (Socket) null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a probe is a client; it does not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
