package dev.certa.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * What a web server does for tls-alpn-01 (RFC 8737), on 127.0.0.1 at a free port: for a TLS client
 * naming a served name in SNI (and offering ALPN {@code acme-tls/1}), it answers with that name's
 * validation certificate. It also records the SNI names clients asked for. With {@code alpn} empty it
 * ignores ALPN, like a server that was never set up for the challenge.
 */
public final class TlsAlpnResponder implements AutoCloseable {
    public static final String ACME_TLS_1 = "acme-tls/1";
    private static final String ACME_IDENTIFIER = "1.3.6.1.5.5.7.1.31";
    private final Map<String, Served> served = new ConcurrentHashMap<>();
    private final List<String> requestedNames = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final SSLContext tls;
    private final Optional<String> alpn;
    private final Thread acceptor;

    private record Served(PrivateKey key, X509Certificate[] chain) {}

    public TlsAlpnResponder() throws Exception {
        this(Optional.of(ACME_TLS_1));
    }

    public TlsAlpnResponder(Optional<String> alpn) throws Exception {
        this.alpn = alpn;
        this.tls = SSLContext.getInstance("TLS");
        tls.init(new javax.net.ssl.KeyManager[] {new BySni()}, new TrustManager[0], null);
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon(true).name("test-tls-alpn").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Answers a client sending SNI {@code sni} with {@code chain} (the validation certificate first). */
    public void serve(String sni, KeyPair key, X509Certificate... chain) {
        served.put(sni.toLowerCase(java.util.Locale.ROOT), new Served(key.getPrivate(), chain.clone()));
    }

    /** The SNI names clients sent, in order. */
    public List<String> requestedNames() {
        return List.copyOf(requestedNames);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket plain = server.accept();
                Thread.ofVirtual().start(() -> handle(plain));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void handle(Socket plain) {
        try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), true)) {
            s.setUseClientMode(false);
            s.setSoTimeout(10_000);
            SSLParameters p = s.getSSLParameters();
            alpn.ifPresent(a -> p.setApplicationProtocols(new String[] {a}));
            s.setSSLParameters(p);
            s.startHandshake();
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // the validator only looks at the handshake; wait for it to hang up
            }
        } catch (IOException e) {
            // a failed handshake is the validator's to report
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        acceptor.join(2000);
    }

    /** Chooses the certificate by the SNI name of the handshake. */
    private final class BySni extends X509ExtendedKeyManager {
        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            if (!(socket instanceof SSLSocket s) || !(s.getHandshakeSession() instanceof ExtendedSSLSession session)) {
                return null;
            }
            for (SNIServerName n : session.getRequestedServerNames()) {
                if (n instanceof SNIHostName host) {
                    String name = host.getAsciiName().toLowerCase(java.util.Locale.ROOT);
                    if (!requestedNames.contains(name)) {
                        requestedNames.add(name);
                    }
                    Served x = served.get(name);
                    if (x != null && x.key().getAlgorithm().equals(keyType)) {
                        return name;
                    }
                }
            }
            return null;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            Served x = served.get(alias);
            return x == null ? null : x.chain().clone();
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            Served x = served.get(alias);
            return x == null ? null : x.key();
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return served.keySet().toArray(new String[0]);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    /** An RSA key: acme4j's validation certificates are signed SHA256withRSA. */
    public static KeyPair rsa2048() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    public static KeyPair p256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /**
     * A self-signed certificate for {@code key}, as a tls-alpn-01 responder would make one, but with
     * what a test chooses: its subjectAltNames and an acmeIdentifier extension holding {@code digest}
     * (as a DER OCTET STRING, critical or not), or none when {@code digest} is empty.
     */
    public static X509Certificate certificate(KeyPair key, List<GeneralName> sans, Optional<byte[]> digest, boolean critical)
            throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=acme.invalid"), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=acme.invalid"),
                key.getPublic());
        if (!sans.isEmpty()) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])));
        }
        if (digest.isPresent()) {
            b.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier(ACME_IDENTIFIER), critical, new DEROctetString(digest.get()));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    }

    /** The SHA-256 digest of a key authorization: what the acmeIdentifier extension must hold. */
    public static byte[] digest(String keyAuthorization) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(keyAuthorization.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** A plain TCP port that accepts and then says nothing: a TLS handshake there never ends. */
    public static ServerSocket silent() throws IOException {
        ServerSocket s = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        List<Socket> held = new ArrayList<>();
        Thread.ofPlatform().daemon(true).name("test-silent").start(() -> {
            while (!s.isClosed()) {
                try {
                    held.add(s.accept());
                } catch (IOException e) {
                    // closed
                }
            }
        });
        return s;
    }
}
