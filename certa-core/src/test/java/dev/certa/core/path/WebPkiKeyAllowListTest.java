package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.key.KeyType;
import dev.certa.core.testing.TestPki;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finding: a chain with an Ed25519 leaf key or an Ed25519 intermediate was TRUSTED under the default web-pki
 * rules, though the CA/Browser Forum Baseline Requirements allow only RSA and ECDSA P-256/P-384/P-521 (with
 * SHA-256/384/512) and Chromium and NSS refuse such chains. RFC 5280 rules stay permissive.
 */
class WebPkiKeyAllowListTest {
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    private static final ForgedRoot ROOT = ForgedRoot.named("CN=Allow List Root");
    private final PathValidator validator = new PathValidator();

    private static ValidationOptions web() {
        return ValidationOptions.server(AT, "ed.example");
    }

    @Test
    void anEd25519LeafKeyIsRefusedUnderWebPkiNamingChromiumAndNss() {
        X509Certificate leaf = Forge.cert("CN=ed.example", KeyType.ED25519.generate(TestPki.RANDOM)).issuedBy(ROOT.certificate(), ROOT.key())
                .dns("ed.example").serverAuth().build();

        Verdict v = validator.validateChain(List.of(leaf), List.of(ROOT.store()), web());

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems()).hasSize(1);
        Finding f = v.problems().get(0);
        assertThat(f.check()).isEqualTo(Check.KEY_STRENGTH);
        assertThat(f.position()).hasValue(0);
        assertThat(f.message()).isEqualTo("its key is an Ed25519 key, which the CA/Browser Forum Baseline Requirements (6.1.5)"
                + " do not allow in the web PKI: Chromium and NSS (Firefox) refuse it");
        assertThat(f.fix()).contains("ECDSA P-256 or RSA 2048+");
    }

    @Test
    void anEd25519IntermediateIsRefusedUnderWebPkiForItsKeyAndItsSignature() {
        KeyPair caKey = KeyType.ED25519.generate(TestPki.RANDOM);
        X509Certificate ca = Forge.cert("CN=Ed Intermediate", caKey).issuedBy(ROOT.certificate(), ROOT.key()).ca().build();
        X509Certificate leaf = Forge.cert("CN=ed.example", Forge.key()).issuedBy(ca, caKey).signedWith("Ed25519")
                .dns("ed.example").serverAuth().build();

        Verdict v = validator.validateChain(List.of(leaf, ca), List.of(ROOT.store()), web());

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems()).extracting(Finding::message).containsExactlyInAnyOrder(
                "it is signed with Ed25519, which the CA/Browser Forum Baseline Requirements (7.1.3.2) do not allow in the web PKI:"
                        + " Chromium and NSS (Firefox) refuse it",
                "its key is an Ed25519 key, which the CA/Browser Forum Baseline Requirements (6.1.5) do not allow in the web PKI:"
                        + " Chromium and NSS (Firefox) refuse it");
    }

    @Test
    void ed25519StaysAcceptedUnderRfc5280Rules() {
        KeyPair caKey = KeyType.ED25519.generate(TestPki.RANDOM);
        X509Certificate ca = Forge.cert("CN=Ed Intermediate", caKey).issuedBy(ROOT.certificate(), ROOT.key()).ca().build();
        X509Certificate leaf = Forge.cert("CN=ed.example", KeyType.ED25519.generate(TestPki.RANDOM)).issuedBy(ca, caKey)
                .signedWith("Ed25519").dns("ed.example").serverAuth().build();

        Verdict v = validator.validateChain(List.of(leaf, ca), List.of(ROOT.store()), web().withMode(ValidationMode.RFC5280));

        assertThat(v.trusted()).as("%s", v.problems()).isTrue();
    }

    @Test
    void theWebPkiAllowListIsRsaAndEcdsaWithSha2Only() {
        assertThat(ValidationOptions.defaultSignatures(ValidationMode.WEB_PKI)).containsExactlyInAnyOrder(
                SignatureAlgorithm.RSA_PKCS1_SHA256, SignatureAlgorithm.RSA_PKCS1_SHA384, SignatureAlgorithm.RSA_PKCS1_SHA512,
                SignatureAlgorithm.RSA_PSS_SHA256, SignatureAlgorithm.RSA_PSS_SHA384, SignatureAlgorithm.RSA_PSS_SHA512,
                SignatureAlgorithm.ECDSA_SHA256, SignatureAlgorithm.ECDSA_SHA384, SignatureAlgorithm.ECDSA_SHA512);
    }
}
