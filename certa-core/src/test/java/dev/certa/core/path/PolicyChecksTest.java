package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyConstraints;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.junit.jupiter.api.Test;

/** A CA that requires an explicit policy only lets through certificates issued under a shared policy. */
class PolicyChecksTest {
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    private static final ASN1ObjectIdentifier GOLD = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.7.1");
    private static final ASN1ObjectIdentifier TIN = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.7.2");

    private final KeyPair rootKey = Forge.key();
    private final X509Certificate root = Forge.cert("CN=Policy Root", rootKey).ca().build();
    private final KeyPair caKey = Forge.key();
    private final X509Certificate strictCa = Forge.cert("CN=Policy CA", caKey).issuedBy(root, rootKey).ca()
            .extension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation(GOLD)))
            .extension(Extension.policyConstraints, true, new PolicyConstraints(BigInteger.ZERO, null)).build();

    private Verdict validate(X509Certificate leaf) {
        return new PathValidator().validate(leaf, List.of(strictCa), List.of(TrustStore.of("roots", List.of(root))),
                ValidationOptions.server(AT, "a.example").withMode(ValidationMode.RFC5280));
    }

    private Forge.Builder leaf() {
        return Forge.cert("CN=a.example", Forge.key()).issuedBy(strictCa, caKey).dns("a.example").serverAuth();
    }

    @Test
    void leafUnderTheRequiredPolicyIsTrusted() {
        X509Certificate gold = leaf().extension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation(GOLD))).build();

        assertThat(validate(gold).trusted()).isTrue();
    }

    @Test
    void leafWithoutPoliciesIsRefused() {
        Verdict v = validate(leaf().build());

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.POLICY);
            assertThat(f.position()).hasValue(0);
            assertThat(f.message()).isEqualTo("a CA above requires an explicit certificate policy, and this certificate"
                    + " shares none with the CAs above it");
        });
    }

    @Test
    void leafUnderAnotherPolicyIsRefused() {
        X509Certificate tin = leaf().extension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation(TIN))).build();

        assertThat(validate(tin).problems()).extracting(Finding::check).containsExactly(Check.POLICY);
    }
}
