package dev.certa.server.acme;

import dev.certa.server.testing.RunningCa;
import dev.certa.server.testing.TlsAlpnResponder;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certa with ACME on, whose validation asks this test's DNS server, fetches http-01 from this
 * test's web responder and makes tls-alpn-01 handshakes with this test's TLS responder, all on
 * loopback. Private addresses stay forbidden, as in production, except loopback itself
 * ({@code validation.allowed-private-networks}), where the responders are. CAA names this CA
 * {@code certa.test}.
 */
final class AcmeFixture implements AutoCloseable {
    static final String CAA_IDENTITY = "certa.test";
    final TestDnsServer dns;
    final ChallengeResponder web;
    final TlsAlpnResponder alpn;
    final RunningCa ca;

    AcmeFixture(Path data) throws Exception {
        this(data, Map.of());
    }

    AcmeFixture(Path data, Clock clock) throws Exception {
        this(data, Map.of(), clock);
    }

    /** With {@code extra} configuration lines (e.g. {@code acme.eab = required}). */
    AcmeFixture(Path data, Map<String, String> extra) throws Exception {
        this(data, extra, Clock.systemUTC());
    }

    /** With {@code extra} configuration lines, on {@code clock}. */
    AcmeFixture(Path data, Map<String, String> extra, Clock clock) throws Exception {
        dns = new TestDnsServer();
        web = new ChallengeResponder();
        alpn = new TlsAlpnResponder();
        Map<String, String> conf = new HashMap<>(Map.of("validation.http-01-port", String.valueOf(web.port()),
                "validation.tls-alpn-01-port", String.valueOf(alpn.port()), "validation.dns-resolver", "127.0.0.1:" + dns.port(),
                "validation.allowed-private-networks", "127.0.0.1/32, ::1/128", "acme.caa-identities", CAA_IDENTITY));
        conf.putAll(extra);
        ca = RunningCa.start(data, conf, clock);
    }

    /** Makes {@code name} resolve to loopback, where the responder listens. */
    void pointAtResponder(String name) {
        dns.address(name, InetAddress.getLoopbackAddress());
    }

    String directory() {
        return ca.https("/acme/directory").toString();
    }

    /** TLS that trusts this CA's root (and nothing else). */
    SSLContext trustingSsl() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", ca.info.root());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Override
    public void close() throws Exception {
        ca.close();
        web.close();
        alpn.close();
        dns.close();
    }
}
