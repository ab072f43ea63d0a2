package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a person sees when a chain fails or merely worries: one test per diagnosis. */
class PathValidatorDiagnosisTest {
    private static final Instant ISSUED = Instant.parse("2026-01-10T12:00:00Z");
    private static final Instant NOW = ISSUED.plus(Duration.ofDays(10));

    private final TestPki pki = new TestPki(KeyType.EC_P256, "Example", Clock.fixed(ISSUED, ZoneOffset.UTC));
    private final TrustStore roots = TrustStore.of("test-roots", List.of(pki.root.certificate()));
    private final IssuedCertificate leaf = pki.leaf(new Profile.TlsServer(), "a.example", "b.example").issued();
    private final PathValidator validator = new PathValidator();

    private Verdict validate(List<X509Certificate> chain, ValidationOptions options) {
        return validator.validateChain(chain, List.of(roots), options);
    }

    private static ValidationOptions server(String host) {
        return ValidationOptions.server(NOW, host);
    }

    @Test
    void aCompleteChainIsTrustedAndShowsItsPath() {
        Verdict v = validate(leaf.fullChain(), server("a.example"));

        assertThat(v.trusted()).as(v.summary()).isTrue();
        assertThat(v.trustedBy()).contains("test-roots");
        assertThat(v.problems()).isEmpty();
        assertThat(v.warnings()).isEmpty();
        assertThat(v.path()).extracting(PathLink::role)
                .containsExactly(PathLink.Role.LEAF, PathLink.Role.INTERMEDIATE, PathLink.Role.ANCHOR);
        assertThat(v.path()).extracting(PathLink::status).containsOnly(PathLink.Status.OK);
        assertThat(v.path().get(1).subject()).isEqualTo("CN=Example Intermediate CA,O=certa tests");
        assertThat(v.path().get(2).store()).contains("test-roots");
        assertThat(v.summary()).isEqualTo("trusted by test-roots (3 certificates)");
    }

    @Test
    void missingIntermediateSaysTheServerSentNoneAndWhatToServe() {
        Verdict v = validate(List.of(leaf.certificate()), server("a.example"));

        assertThat(v.trusted()).isFalse();
        Finding f = v.problems().get(0);
        assertThat(f.check()).isEqualTo(Check.CHAIN);
        assertThat(f.position()).hasValue(0);
        assertThat(f.message()).isEqualTo("the server sent no intermediate certificate; the chain stops at "
                + "'CN=Example Intermediate CA,O=certa tests', which issued this certificate but is not in any trusted store");
        assertThat(f.fix()).isEqualTo("serve the full chain (fullchain.pem) or install the intermediate "
                + "'CN=Example Intermediate CA,O=certa tests'");
        assertThat(v.path()).extracting(PathLink::role).containsExactly(PathLink.Role.LEAF);
    }

    @Test
    void expiredLeafSaysHowLongAgo() {
        Instant later = leaf.certificate().getNotAfter().toInstant().plus(Duration.ofDays(3)).plusSeconds(60);

        Verdict v = validate(leaf.fullChain(), ValidationOptions.server(later, "a.example"));

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems()).hasSize(1);
        Finding f = v.problems().get(0);
        assertThat(f.check()).isEqualTo(Check.VALIDITY);
        assertThat(f.position()).hasValue(0);
        assertThat(f.message()).isEqualTo("expired 3 days ago (notAfter " + leaf.certificate().getNotAfter().toInstant() + ")");
        assertThat(f.fix()).isEqualTo("renew the certificate and install the new one");
        assertThat(v.path().get(0).status()).isEqualTo(PathLink.Status.FAILED);
        assertThat(v.path().get(1).status()).isEqualTo(PathLink.Status.OK);
    }

    @Test
    void notYetValidSaysWhen() {
        Verdict v = validate(leaf.fullChain(), ValidationOptions.server(ISSUED.minus(Duration.ofDays(2)), "a.example"));

        assertThat(v.problems()).extracting(Finding::check).contains(Check.VALIDITY);
        assertThat(v.problems().get(0).message()).startsWith("not valid yet: valid from ");
    }

    @Test
    void wrongHostListsTheNamesItIsValidFor() {
        Verdict v = validate(leaf.fullChain(), server("c.example"));

        assertThat(v.trusted()).isFalse();
        Finding f = v.problems().get(0);
        assertThat(f.check()).isEqualTo(Check.PEER_NAME);
        assertThat(f.message()).isEqualTo("valid for a.example, b.example, not for c.example");
        assertThat(f.fix()).contains("c.example");
    }

    @Test
    void wildcardCoversOneLabelOnly() {
        IssuedCertificate wild = pki.leaf(new Profile.TlsServer(), "*.example.com").issued();

        assertThat(validate(wild.fullChain(), server("www.example.com")).trusted()).isTrue();
        assertThat(validate(wild.fullChain(), server("a.b.example.com")).problems()).extracting(Finding::check)
                .containsExactly(Check.PEER_NAME);
    }

    @Test
    void ipAddressesMatchOnlyIpNames() {
        IssuedCertificate ip = pki.leaf(new Profile.TlsServer(), "ip:192.0.2.7", "dns:host.example").issued();

        assertThat(validate(ip.fullChain(), server("192.0.2.7")).trusted()).isTrue();
        assertThat(validate(ip.fullChain(), server("192.0.2.8")).trusted()).isFalse();
    }

    @Test
    void rootNotInAnyStoreIsNamed() {
        TestPki other = new TestPki(KeyType.EC_P256, "Other", Clock.fixed(ISSUED, ZoneOffset.UTC));
        List<X509Certificate> sent = List.of(leaf.certificate(), pki.intermediate.certificate(), pki.root.certificate());

        Verdict v = validator.validateChain(sent, List.of(TrustStore.of("corp", List.of(other.root.certificate()))), server("a.example"));

        assertThat(v.trusted()).isFalse();
        Finding f = v.problems().get(0);
        assertThat(f.check()).isEqualTo(Check.TRUST);
        assertThat(f.position()).hasValue(2);
        assertThat(f.subject()).contains("CN=Example Root CA,O=certa tests");
        assertThat(f.message()).isEqualTo("the chain ends at this root, which is not in any trusted store (the trust store corp was searched)");
        assertThat(v.path()).extracting(PathLink::role)
                .containsExactly(PathLink.Role.LEAF, PathLink.Role.INTERMEDIATE, PathLink.Role.UNTRUSTED_END);
    }

    @Test
    void selfSignedLeafIsCalledSo() {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        X509Certificate self = pki.issuer.issueSelfSigned(IssuanceRequest.forKey(key.getPublic(),
                DistinguishedNames.parse("CN=dev box"), List.of(SubjectAltName.dns("dev.example")), new Profile.SelfSignedLeaf()),
                SoftwareSigner.of(key)).certificate();

        Verdict v = validate(List.of(self), server("dev.example"));

        assertThat(v.trusted()).isFalse();
        Finding f = v.problems().get(0);
        assertThat(f.check()).isEqualTo(Check.TRUST);
        assertThat(f.message()).isEqualTo("self-signed and not in any trusted store (the trust store test-roots was searched)");
        assertThat(f.fix()).startsWith("if you mean to trust this certificate, add it to a trust store");
        // trusting it directly works
        assertThat(validator.validateChain(List.of(self), List.of(TrustStore.of("mine", List.of(self))),
                server("dev.example").withMode(ValidationMode.RFC5280)).trusted()).isTrue();
    }

    @Test
    void intermediateWithoutCaFlagIsRefused() {
        KeyPair notCaKey = Forge.key();
        X509Certificate notCa = Forge.cert("CN=Not A CA", notCaKey).issuedBy(pki.root.certificate(), pki.rootKey).build();
        X509Certificate leafBelow = Forge.cert("CN=a.example", Forge.key()).issuedBy(notCa, notCaKey).dns("a.example").serverAuth().build();

        Verdict v = validate(List.of(leafBelow, notCa), server("a.example"));

        assertThat(v.trusted()).isFalse();
        Finding f = v.problems().get(0);
        assertThat(f.check()).isEqualTo(Check.BASIC_CONSTRAINTS);
        assertThat(f.position()).hasValue(1);
        assertThat(f.message()).isEqualTo("the intermediate has no CA flag (CA:FALSE), so it may not issue certificates");
        assertThat(f.fix()).contains("serve the right intermediate");
    }

    @Test
    void serverCertificateUsedAsClientCertificate() {
        Verdict v = validate(leaf.fullChain(), ValidationOptions.client(NOW));

        assertThat(v.trusted()).isFalse();
        Finding f = v.problems().get(0);
        assertThat(f.check()).isEqualTo(Check.EXTENDED_KEY_USAGE);
        assertThat(f.message()).isEqualTo("its extended key usage (serverAuth) does not allow TLS client authentication");
        assertThat(f.fix()).isEqualTo("re-issue it with extended key usage clientAuth");
    }

    @Test
    void clientCertificateIsTrustedForClients() {
        IssuedCertificate client = pki.leaf(new Profile.TlsClient(), "alice@example.com").issued();

        assertThat(validate(client.fullChain(), ValidationOptions.client(NOW)).trusted()).isTrue();
    }

    @Test
    void wrongOrderAndNeedlessRootAreWarningsOnly() {
        List<X509Certificate> sent = List.of(leaf.certificate(), pki.root.certificate(), pki.intermediate.certificate());

        Verdict v = validate(sent, server("a.example"));

        assertThat(v.trusted()).isTrue();
        assertThat(v.warnings()).extracting(Finding::check).containsOnly(Check.CHAIN_ORDER);
        assertThat(v.warnings()).extracting(Finding::message).containsExactlyInAnyOrder(
                "this root was sent in the chain; clients already have it, so sending it only costs bytes on every connection",
                "the server sent the chain in the wrong order: each certificate should be followed by the one that issued it");
    }

    @Test
    void unrelatedExtraCertificateIsFlagged() {
        TestPki other = new TestPki(KeyType.EC_P256, "Other", Clock.fixed(ISSUED, ZoneOffset.UTC));
        List<X509Certificate> sent = List.of(leaf.certificate(), pki.intermediate.certificate(), other.intermediate.certificate());

        Verdict v = validate(sent, server("a.example"));

        assertThat(v.trusted()).isTrue();
        assertThat(v.warnings()).extracting(Finding::message)
                .containsExactly("'CN=Other Intermediate CA,O=certa tests' was sent but is not part of the path to the root");
    }

    @Test
    void expiringSoonIsAWarning() {
        Instant late = leaf.certificate().getNotAfter().toInstant().minus(Duration.ofDays(10)).minusSeconds(30);

        Verdict v = validate(leaf.fullChain(), ValidationOptions.server(late, "a.example"));

        assertThat(v.trusted()).isTrue();
        assertThat(v.warnings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.VALIDITY);
            assertThat(f.position()).hasValue(0);
            assertThat(f.message()).startsWith("expires in 10 days (notAfter ");
        });
        assertThat(v.path().get(0).status()).isEqualTo(PathLink.Status.WARNING);
    }

    @Test
    void sha1IsAWarningUnderRfc5280AndAnErrorOnTheWeb() {
        KeyPair intermediateKey = Forge.key();
        X509Certificate sha1Intermediate = Forge.cert("CN=SHA-1 Intermediate", intermediateKey)
                .issuedBy(pki.root.certificate(), pki.rootKey).ca().signedWith("SHA1withECDSA").build();
        X509Certificate below = Forge.cert("CN=a.example", Forge.key()).issuedBy(sha1Intermediate, intermediateKey)
                .dns("a.example").serverAuth().build();
        List<X509Certificate> chain = List.of(below, sha1Intermediate);

        Verdict rfc = validate(chain, server("a.example").withMode(ValidationMode.RFC5280));
        Verdict web = validate(chain, server("a.example"));

        assertThat(rfc.trusted()).isTrue();
        assertThat(rfc.warnings()).extracting(Finding::message)
                .containsExactly("it is signed with ECDSA with SHA-1; browsers refuse SHA-1 signatures");
        assertThat(web.trusted()).isFalse();
        assertThat(web.problems()).extracting(Finding::check).containsExactly(Check.SIGNATURE_ALGORITHM);
    }

    @Test
    void smallRsaKeyIsAWarningUnderRfc5280() throws Exception {
        var gen = java.security.KeyPairGenerator.getInstance("RSA");
        gen.initialize(1024);
        X509Certificate weak = Forge.cert("CN=a.example", gen.generateKeyPair()).issuedBy(pki.intermediate.certificate(), pki.intermediateKey)
                .dns("a.example").serverAuth().build();

        Verdict v = validate(List.of(weak, pki.intermediate.certificate()), server("a.example").withMode(ValidationMode.RFC5280));

        assertThat(v.trusted()).isTrue();
        assertThat(v.warnings()).extracting(Finding::message).containsExactly("its RSA 1024 key is weak (2048 bits is the minimum today)");
    }

    @Test
    void eachStoreGetsItsOwnVerdict() {
        TestPki other = new TestPki(KeyType.EC_P256, "Other", Clock.fixed(ISSUED, ZoneOffset.UTC));
        TrustStore otherStore = TrustStore.of("other", List.of(other.root.certificate()));

        List<Verdict> each = validator.validateEach(leaf.fullChain(), List.of(otherStore, roots), server("a.example"));

        assertThat(each).extracting(Verdict::trusted).containsExactly(false, true);
        assertThat(each).extracting(Verdict::storesSearched).containsExactly(List.of("other"), List.of("test-roots"));
        Verdict both = validator.validateChain(leaf.fullChain(), List.of(otherStore, roots), server("a.example"));
        assertThat(both.trustedBy()).contains("test-roots");
    }

    @Test
    void tamperedSignatureIsReported() {
        KeyPair wrongKey = Forge.key();
        X509Certificate forged = Forge.cert("CN=a.example", Forge.key()).issuedBy(pki.intermediate.certificate(), wrongKey)
                .dns("a.example").serverAuth().build();

        Verdict v = validate(List.of(forged, pki.intermediate.certificate()), server("a.example"));

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems().get(0).check()).isEqualTo(Check.SIGNATURE);
        assertThat(v.problems().get(0).message())
                .isEqualTo("its signature does not verify with the key of 'CN=Example Intermediate CA,O=certa tests'");
    }

    @Test
    void maxIntermediatesIsHonoured() {
        Verdict v = validate(leaf.fullChain(), server("a.example").withMaxIntermediates(0));

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems().get(0).check()).isEqualTo(Check.PATH_LENGTH);
        assertThat(v.problems().get(0).message()).isEqualTo("the path has 1 intermediate CA, more than the 0 allowed");
    }
}
