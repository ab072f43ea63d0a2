package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.path.PathValidator;
import dev.certa.core.path.TrustStore;
import dev.certa.core.path.ValidationOptions;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.testing.Tools;
import dev.certa.server.testing.TlsAlpnResponder;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Identifier;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.RevocationReason;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.challenge.TlsAlpn01Challenge;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * certa as a private Let's Encrypt, driven by a real ACME client (acme4j): account → order for two
 * names → http-01 for one, dns-01 for the other → finalize → download → the chain verifies with the
 * certa root → revoke → OCSP (asked by openssl) says revoked. Also tls-alpn-01, wildcards, key
 * rollover and account changes.
 */
class Acme4jEndToEndTest {
    @TempDir
    Path data;
    @TempDir
    Path work;
    private AcmeFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new AcmeFixture(data);
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    /** acme4j's generic provider, with an HTTP client that trusts the test CA's root. */
    static final class TrustingProvider extends GenericAcmeProvider {
        private final SSLContext ssl;

        TrustingProvider(SSLContext ssl) {
            this.ssl = ssl;
        }

        @Override
        public HttpClient createHttpClient(NetworkSettings settings) {
            return HttpClient.newBuilder().sslContext(ssl).connectTimeout(settings.getTimeout()).build();
        }
    }

    private Session session() throws Exception {
        return new Session(URI.create(fx.directory()), new TrustingProvider(fx.trustingSsl()));
    }

    static KeyPair p256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    @Test
    void accountOrderHttp01AndDns01FinalizeDownloadVerifyRevokeOcsp() throws Exception {
        fx.pointAtResponder("web.example.test");
        Account account = new AccountBuilder().addEmail("ops@example.test").agreeToTermsOfService().useKeyPair(p256())
                .create(session());
        assertThat(account.getStatus()).isEqualTo(Status.VALID);

        Order order = account.newOrder().domains("web.example.test", "dns.example.test").create();
        assertThat(order.getAuthorizations()).hasSize(2);
        for (Authorization auth : order.getAuthorizations()) {
            if (auth.getIdentifier().getDomain().equals("web.example.test")) {
                Http01Challenge c = auth.findChallenge(Http01Challenge.class).orElseThrow();
                fx.web.answer(c.getToken(), c.getAuthorization());
                c.trigger();
            } else {
                Dns01Challenge c = auth.findChallenge(Dns01Challenge.class).orElseThrow();
                fx.dns.txt(c.getRRName(auth.getIdentifier()), c.getDigest());
                c.trigger();
            }
        }
        assertThat(order.waitUntilReady(Duration.ofSeconds(30))).isEqualTo(Status.READY);

        KeyPair domainKey = p256();
        order.execute(domainKey);
        assertThat(order.waitForCompletion(Duration.ofSeconds(30))).isEqualTo(Status.VALID);
        Certificate certificate = order.getCertificate();
        certificate.download();
        List<X509Certificate> chain = certificate.getCertificateChain();
        X509Certificate leaf = chain.getFirst();
        assertThat(leaf.getPublicKey()).isEqualTo(domainKey.getPublic());
        assertThat(leaf.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList())
                .containsExactlyInAnyOrder("web.example.test", "dns.example.test");
        var verdict = new PathValidator().validateChain(chain,
                List.of(new TrustStore("certa", "certa root", List.of(fx.ca.info.root()))),
                ValidationOptions.server(Instant.now(), "dns.example.test"));
        assertThat(verdict.trusted()).as(verdict.toString()).isTrue();
        assertThat(chain).hasSize(2).doesNotContain(fx.ca.info.root());
        // the alternate chain (Link rel="alternate") is the same one ending with the root
        assertThat(certificate.getAlternates()).hasSize(1);
        List<X509Certificate> withRoot = certificate.getAlternateCertificates().getFirst().getCertificateChain();
        assertThat(withRoot).containsExactly(chain.get(0), chain.get(1), fx.ca.info.root());

        certificate.revoke(RevocationReason.KEY_COMPROMISE);
        assertThatThrownBy(() -> certificate.revoke(RevocationReason.KEY_COMPROMISE))
                .isInstanceOf(AcmeServerException.class).hasMessageContaining("already revoked");

        Path issuing = write(work.resolve("int.pem"), List.of(fx.ca.info.issuingCa()));
        Path full = write(work.resolve("chain.pem"), List.of(fx.ca.info.issuingCa(), fx.ca.info.root()));
        Path leafPem = write(work.resolve("leaf.pem"), List.of(leaf));
        String http = fx.ca.info.httpUrl().toString().replace("localhost", "127.0.0.1");
        Tools.Result ocsp = Tools.run(work, "openssl", "ocsp", "-issuer", issuing.toString(), "-cert", leafPem.toString(),
                "-url", http + "/ocsp", "-CAfile", full.toString(), "-timeout", "10");
        assertThat(ocsp.output()).as(ocsp.output()).contains("Response verify OK", "leaf.pem: revoked", "Reason: keyCompromise");
    }

    @Test
    void tlsAlpn01ProvesANameAndAnIpAddressAndTheChainVerifies() throws Exception {
        fx.pointAtResponder("alpn.example.test");
        Account account = new AccountBuilder().agreeToTermsOfService().useKeyPair(p256()).create(session());
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        Order order = account.newOrder().identifiers(List.of(Identifier.dns("alpn.example.test"), Identifier.ip(loopback))).create();

        for (Authorization auth : order.getAuthorizations()) {
            TlsAlpn01Challenge c = auth.findChallenge(TlsAlpn01Challenge.class).orElseThrow();
            KeyPair validationKey = TlsAlpnResponder.rsa2048(); // acme4j signs it SHA256withRSA
            X509Certificate validation = c.createCertificate(validationKey, auth.getIdentifier());
            String sni = auth.getIdentifier().getType().equals("ip") ? "1.0.0.127.in-addr.arpa" : auth.getIdentifier().getDomain();
            fx.alpn.serve(sni, validationKey, validation);
            c.trigger();
        }
        assertThat(order.waitUntilReady(Duration.ofSeconds(30))).isEqualTo(Status.READY);
        assertThat(fx.alpn.requestedNames()).containsExactlyInAnyOrder("alpn.example.test", "1.0.0.127.in-addr.arpa");

        KeyPair domainKey = p256();
        order.execute(domainKey);
        assertThat(order.waitForCompletion(Duration.ofSeconds(30))).isEqualTo(Status.VALID);
        List<X509Certificate> chain = order.getCertificate().getCertificateChain();
        assertThat(chain.getFirst().getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList())
                .containsExactlyInAnyOrder("alpn.example.test", "127.0.0.1");
        var verdict = new PathValidator().validateChain(chain,
                List.of(new TrustStore("certa", "certa root", List.of(fx.ca.info.root()))),
                ValidationOptions.server(Instant.now(), "alpn.example.test"));
        assertThat(verdict.trusted()).as(verdict.toString()).isTrue();
    }

    @Test
    void aWildcardIsProvenByDns01OnlyAndRevokedByTheCertificatesKey() throws Exception {
        Account account = new AccountBuilder().agreeToTermsOfService().useKeyPair(p256()).create(session());
        Order order = account.newOrder().domains("*.wild.example.test").create();
        Authorization auth = order.getAuthorizations().getFirst();
        assertThat(auth.isWildcard()).isTrue();
        assertThat(auth.getIdentifier().getDomain()).isEqualTo("wild.example.test");
        assertThat(auth.findChallenge(Http01Challenge.class)).isEmpty();
        assertThat(auth.findChallenge(TlsAlpn01Challenge.class)).isEmpty();
        Dns01Challenge c = auth.findChallenge(Dns01Challenge.class).orElseThrow();
        fx.dns.txt(c.getRRName(auth.getIdentifier()), c.getDigest());
        c.trigger();
        assertThat(order.waitUntilReady(Duration.ofSeconds(30))).isEqualTo(Status.READY);

        KeyPair certKey = p256();
        order.execute(certKey);
        assertThat(order.waitForCompletion(Duration.ofSeconds(30))).isEqualTo(Status.VALID);
        X509Certificate leaf = order.getCertificate().getCertificate();
        assertThat(leaf.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList())
                .containsExactly("*.wild.example.test");

        // revocation by the certificate's own key (no account): only that key will do
        assertThatThrownBy(() -> Certificate.revoke(session(), p256(), leaf, RevocationReason.SUPERSEDED))
                .isInstanceOf(AcmeServerException.class).hasMessageContaining("certificate's key");
        Certificate.revoke(session(), certKey, leaf, RevocationReason.SUPERSEDED);
        assertThatThrownBy(() -> Certificate.revoke(session(), certKey, leaf, RevocationReason.SUPERSEDED))
                .isInstanceOf(AcmeServerException.class).hasMessageContaining("already revoked");
    }

    @Test
    void theAccountKeyIsRolledOverAndTheOldOneNoLongerWorks() throws Exception {
        KeyPair oldKey = p256();
        KeyPair newKey = p256();
        Account account = new AccountBuilder().useKeyPair(oldKey).create(session());

        account.changeKey(newKey);

        Account found = new AccountBuilder().onlyExisting().useKeyPair(newKey).create(session());
        assertThat(found.getLocation()).isEqualTo(account.getLocation());
        assertThat(found.newOrder().domains("after.example.test").create().getStatus()).isEqualTo(Status.PENDING);
        assertThatThrownBy(() -> new AccountBuilder().onlyExisting().useKeyPair(oldKey).create(session()))
                .isInstanceOf(AcmeServerException.class).hasMessageContaining("no account");
        Account other = new AccountBuilder().useKeyPair(p256()).create(session());
        assertThatThrownBy(() -> other.changeKey(newKey)).isInstanceOf(org.shredzone.acme4j.exception.AcmeException.class);
    }

    @Test
    void anAccountIsFoundByItsKeyAndCanBeDeactivated() throws Exception {
        KeyPair key = p256();
        assertThatThrownBy(() -> new AccountBuilder().onlyExisting().useKeyPair(key).create(session()))
                .isInstanceOf(AcmeServerException.class).hasMessageContaining("no account");
        Account created = new AccountBuilder().addEmail("a@example.test").useKeyPair(key).create(session());
        Account found = new AccountBuilder().onlyExisting().useKeyPair(key).create(session());
        assertThat(found.getLocation()).isEqualTo(created.getLocation());

        found.modify().addEmail("b@example.test").commit();
        assertThat(found.getContacts()).extracting(URI::toString).containsExactly("mailto:a@example.test", "mailto:b@example.test");

        found.deactivate();
        assertThat(found.getStatus()).isEqualTo(Status.DEACTIVATED);
        assertThatThrownBy(() -> found.newOrder().domains("x.example.test").create())
                .isInstanceOf(AcmeServerException.class).hasMessageContaining("deactivated");
    }

    private static Path write(Path p, List<X509Certificate> certs) throws Exception {
        Files.writeString(p, PemWriter.certificates(certs));
        return p;
    }
}
