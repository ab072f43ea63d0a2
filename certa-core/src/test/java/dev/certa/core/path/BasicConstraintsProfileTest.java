package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Finding: a leaf with cA=FALSE and a pathLenConstraint was accepted under both rule sets, though RFC 5280
 * 4.2.1.9 forbids the combination ("CAs MUST NOT include the pathLenConstraint field unless the cA boolean is
 * asserted") and {@code openssl verify -x509_strict} rejects it. And the choice for a CA certificate without
 * key usage: refused under web-pki, accepted with a warning under rfc5280 (RFC 5280 6.1.4 (n)).
 */
class BasicConstraintsProfileTest {
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    /** BasicConstraints ::= SEQUENCE { pathLenConstraint 0 }: cA absent, so FALSE. */
    private static final byte[] NOT_CA_WITH_PATHLEN_0 = {0x30, 0x03, 0x02, 0x01, 0x00};
    private static final ForgedRoot ROOT = ForgedRoot.named("CN=Basic Constraints Root");
    private final PathValidator validator = new PathValidator();

    @ParameterizedTest
    @EnumSource(ValidationMode.class)
    void aLeafWithCaFalseAndAPathLengthIsRefusedUnderBothRuleSets(ValidationMode mode) {
        X509Certificate leaf = Forge.cert("CN=a.example", Forge.key()).issuedBy(ROOT.certificate(), ROOT.key()).basicConstraintsDer(NOT_CA_WITH_PATHLEN_0)
                .dns("a.example").serverAuth().build();

        Verdict v = validator.validateChain(List.of(leaf), List.of(ROOT.store()), ValidationOptions.server(AT, "a.example").withMode(mode));

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems()).hasSize(1);
        assertThat(v.problems().get(0).check()).isEqualTo(Check.BASIC_CONSTRAINTS);
        assertThat(v.problems().get(0).message())
                .isEqualTo("its basic constraints set a path length (0) but it is not a CA (CA:FALSE), which RFC 5280 (4.2.1.9) forbids");
    }

    @Test
    void anIntermediateWithoutKeyUsageIsAcceptedWithAWarningUnderRfc5280AndRefusedUnderWebPki() {
        KeyPair caKey = Forge.key();
        X509Certificate ca = Forge.cert("CN=No KU Intermediate", caKey).issuedBy(ROOT.certificate(), ROOT.key()).ca().withoutKeyUsage().build();
        X509Certificate leaf = Forge.cert("CN=a.example", Forge.key()).issuedBy(ca, caKey).dns("a.example").serverAuth().build();

        Verdict rfc = validator.validateChain(List.of(leaf, ca), List.of(ROOT.store()),
                ValidationOptions.server(AT, "a.example").withMode(ValidationMode.RFC5280));
        Verdict web = validator.validateChain(List.of(leaf, ca), List.of(ROOT.store()), ValidationOptions.server(AT, "a.example"));

        assertThat(rfc.trusted()).as("%s", rfc.problems()).isTrue();
        assertThat(rfc.warnings()).extracting(Finding::message).contains("it is a CA certificate without key usage, which RFC 5280"
                + " (4.2.1.3) tells CAs to include; path validation accepts it (6.1.4 (n)), browsers do not");
        assertThat(web.trusted()).isFalse();
        assertThat(web.problems()).extracting(Finding::message)
                .containsExactly("it is a CA certificate without key usage; the web PKI requires keyCertSign");
    }
}
