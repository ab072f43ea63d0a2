package dev.certa.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A JSSE TLS server on 127.0.0.1 (ephemeral port) that presents exactly the certificate list it is
 * given, in that order, even a broken one (missing intermediate, wrong order, expired), as a
 * misconfigured real server would. It serves connections one after another: handshake, then it
 * reads until the client closes. Optionally it requires a client certificate from the given CAs.
 * Every read is bounded; {@link #close()} stops the accept loop and waits for it.
 */
public final class TlsTestServer implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final String ALIAS = "server";

    private final SSLServerSocket socket;
    private final Thread loop;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private TlsTestServer(SSLServerSocket socket) {
        this.socket = socket;
        this.loop = new Thread(this::serve, "tls-test-server-" + socket.getLocalPort());
        loop.setDaemon(true);
        loop.start();
    }

    /** A server presenting {@code chain} (sent as given) for {@code key}. */
    public static TlsTestServer start(PrivateKey key, List<X509Certificate> chain) throws IOException, GeneralSecurityException {
        return start(key, chain, List.of());
    }

    /**
     * As {@link #start(PrivateKey, List)}; when {@code clientCas} is not empty the server requires a
     * client certificate issued under one of them and names them in its request.
     */
    public static TlsTestServer start(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> clientCas)
            throws IOException, GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        TrustManager[] trust = null;
        if (!clientCas.isEmpty()) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load((InputStream) null, null);
            for (int i = 0; i < clientCas.size(); i++) {
                ks.setCertificateEntry("ca" + i, clientCas.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            trust = tmf.getTrustManagers();
        }
        ctx.init(new KeyManager[] {new FixedKeyManager(key, chain)}, trust, null);
        SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        s.setNeedClientAuth(!clientCas.isEmpty());
        return new TlsTestServer(s);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** What ended the server's side of connections, e.g. a refused client certificate. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (SSLSocket s = (SSLSocket) socket.accept()) {
                s.setSoTimeout(TIMEOUT_MILLIS);
                try {
                    s.startHandshake();
                    s.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException e) {
                    failures.add(e);
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                failures.add(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            loop.join(TimeUnit.SECONDS.toMillis(TIMEOUT_MILLIS / 1000 + 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Presents the one key and chain, in the order given, for any key type the client asks about that fits the key. */
    private static final class FixedKeyManager extends X509ExtendedKeyManager {
        private final PrivateKey key;
        private final X509Certificate[] chain;

        FixedKeyManager(PrivateKey key, List<X509Certificate> chain) {
            this.key = key;
            this.chain = chain.toArray(X509Certificate[]::new);
        }

        private String aliasFor(String keyType) {
            return keyType.equals(key.getAlgorithm()) ? ALIAS : null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return aliasFor(keyType);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return aliasFor(keyType);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return chain.clone();
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }
    }
}
