package dev.certa.core.interop;

import dev.certa.core.bundle.Keystores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * JSSE endpoints configured only from what certa writes: the local key as a PKCS#12 key entry
 * ({@link Keystores#withKey}) and the trusted roots as a PKCS#12 truststore ({@link Keystores#truststore}),
 * loaded the way a Java application loads them.
 */
final class Jsse {
    static final char[] PASSWORD = "changeit".toCharArray();
    static final String ALIAS = "tls";
    /** Bound for every connect, read and handshake. */
    static final int TIMEOUT_MILLIS = 10_000;

    private Jsse() {}

    /** A PKCS#12 keystore holding {@code key} with {@code chain} (leaf first). */
    static byte[] keyEntry(KeyPair key, List<X509Certificate> chain) {
        return Keystores.withKey(Keystores.Format.PKCS12, ALIAS, key.getPrivate(), chain, PASSWORD);
    }

    /**
     * A TLS context with the JDK's standard key and trust managers. {@code keystore} may be null (no
     * own certificate); {@code trustedRoots} empty means the JDK's default trust store.
     */
    static SSLContext context(byte[] keystore, List<X509Certificate> trustedRoots) throws GeneralSecurityException {
        return context(keystore == null ? null : standardKeyManagers(keystore), trustedRoots);
    }

    /**
     * A client context that presents its key entry whatever CAs the server says it accepts, as
     * {@code openssl s_client -cert} and {@code curl --cert} do. The JDK's own key manager would
     * silently send no certificate when the issuer is not in the server's list, and the test would
     * then not show the server rejecting the certificate itself.
     */
    static SSLContext presentingContext(byte[] keystore, List<X509Certificate> trustedRoots)
            throws GeneralSecurityException {
        // SunX509 names entries by their keystore alias; the PKIX manager adds generated prefixes.
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(load(keystore), PASSWORD);
        X509KeyManager keys = (X509KeyManager) kmf.getKeyManagers()[0];
        return context(new KeyManager[] {new PresentingKeyManager(keys)}, trustedRoots);
    }

    private static SSLContext context(KeyManager[] keyManagers, List<X509Certificate> trustedRoots)
            throws GeneralSecurityException {
        TrustManager[] trustManagers = null;
        if (!trustedRoots.isEmpty()) {
            byte[] truststore = Keystores.truststore(Keystores.Format.PKCS12, trustedRoots, PASSWORD);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(load(truststore));
            trustManagers = tmf.getTrustManagers();
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keyManagers, trustManagers, null);
        return ctx;
    }

    private static KeyManager[] standardKeyManagers(byte[] keystore) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(load(keystore), PASSWORD);
        return kmf.getKeyManagers();
    }

    static KeyStore load(byte[] pkcs12) throws GeneralSecurityException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(pkcs12), PASSWORD);
            return ks;
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /**
     * Connects to 127.0.0.1:{@code port} as a client that believes it is talking to {@code host}
     * (SNI and HTTPS hostname verification use that name), sends {@code request} and returns
     * everything the server sends until it closes the connection.
     */
    static String exchange(SSLContext ctx, String host, int port, String request) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            plain.setSoTimeout(TIMEOUT_MILLIS);
            try (SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true)) {
                SSLParameters params = tls.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(params);
                tls.startHandshake();
                OutputStream out = tls.getOutputStream();
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return new String(tls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Every message in a throwable's cause chain, one per line: what a person reads in a log. */
    static String messages(Throwable t) {
        List<String> out = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            out.add(c.getClass().getName() + ": " + c.getMessage());
        }
        return String.join("\n", out);
    }

    private static final class PresentingKeyManager extends X509ExtendedKeyManager {
        private final X509KeyManager keys;

        PresentingKeyManager(X509KeyManager keys) {
            this.keys = keys;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }
}
