package dev.certa.server.acme;

import dev.certa.server.testing.RunningCa;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certa with ACME on, whose validation asks this test's DNS server and fetches http-01 from this
 * test's responder, both on loopback (so private addresses are allowed).
 */
final class AcmeFixture implements AutoCloseable {
    final TestDnsServer dns;
    final ChallengeResponder web;
    final RunningCa ca;

    AcmeFixture(Path data) throws Exception {
        this(data, Map.of());
    }

    /** With {@code extra} configuration lines (e.g. {@code acme.eab = required}). */
    AcmeFixture(Path data, Map<String, String> extra) throws Exception {
        this(data, extra, Clock.systemUTC());
    }

    /** With {@code extra} configuration lines, on {@code clock}. */
    AcmeFixture(Path data, Map<String, String> extra, Clock clock) throws Exception {
        dns = new TestDnsServer();
        web = new ChallengeResponder();
        Map<String, String> conf = new HashMap<>(Map.of("validation.http-01-port", String.valueOf(web.port()),
                "validation.dns-resolver", "127.0.0.1:" + dns.port(), "validation.allow-private-addresses", "true"));
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
        dns.close();
    }
}
