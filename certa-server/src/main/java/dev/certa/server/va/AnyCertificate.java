package dev.certa.server.va;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A TLS client that accepts whatever certificate the server sends. Right for validation and only
 * there: tls-alpn-01 proves control through the acmeIdentifier extension of a self-signed
 * certificate (RFC 8737), and an http-01 redirect to https proves it through the body (the server's
 * certificate for a name is often what is being obtained). Extended, so JSSE adds no checks of its own.
 */
final class AnyCertificate extends X509ExtendedTrustManager {

    /**
     * A fresh TLS context trusting anything. Fresh so no TLS session is ever resumed: a resumed
     * session would skip the server's certificate, which is the proof tls-alpn-01 asks for.
     */
    static SSLContext freshContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new AnyCertificate()}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no TLS", e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
