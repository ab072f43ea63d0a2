package dev.certa.server.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/** The server's TLS context: its own certificate, and client certificates asked for but judged by the application. */
public final class TlsContexts {
    private TlsContexts() {}

    /**
     * An SSL context serving {@code chain} with {@code key}. Client certificates are requested (not
     * required) naming {@code clientCas} as acceptable issuers, and let through the handshake
     * unjudged: the endpoints that use them ({@code /renew}, {@code /revoke}) accept only a certificate
     * whose exact encoding this CA recorded, and give a problem document saying why otherwise — clearer
     * than a TLS alert.
     */
    public static SSLContext server(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> clientCas) {
        try {
            char[] pw = "certa".toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("certa", key, pw, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), new javax.net.ssl.TrustManager[] {new ApplicationJudged(clientCas)}, null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Accepts any client chain at the TLS layer; the application decides. Never used for server certificates. */
    private static final class ApplicationJudged extends X509ExtendedTrustManager {
        private final X509Certificate[] issuers;

        ApplicationJudged(List<X509Certificate> issuers) {
            this.issuers = issuers.toArray(new X509Certificate[0]);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // judged by the endpoint (see TlsContexts#server)
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // judged by the endpoint
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // judged by the endpoint
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("this trust manager only serves a TLS server");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws java.security.cert.CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws java.security.cert.CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return issuers.clone();
        }
    }
}
