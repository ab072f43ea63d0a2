package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.pem.PemWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input: loops, thousands of look-alike issuers, endless chains, absurd name
 * constraints, damaged certificates and files. Each ends in a finding or a clear error: the work is
 * bounded by counts (candidates, depth, names), which the findings show; how long it takes is not asserted.
 */
class PathValidatorBadInputTest {
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    private static final ForgedRoot ROOT = ForgedRoot.named("CN=Bad Input Root");
    private final PathValidator validator = new PathValidator();

    private static ValidationOptions options() {
        return ValidationOptions.server(AT, "a.example");
    }

    @Test
    void issuersThatLoopEndInAFinding() {
        KeyPair a = Forge.key();
        KeyPair b = Forge.key();
        X509Certificate caA = Forge.cert("CN=Loop A", a).issuedBy("CN=Loop B", b).ca().build();
        X509Certificate caB = Forge.cert("CN=Loop B", b).issuedBy("CN=Loop A", a).ca().build();
        X509Certificate leaf = Forge.cert("CN=a.example", Forge.key()).issuedBy(caA, a).dns("a.example").serverAuth().build();

        Verdict v = validator.validateChain(List.of(leaf, caA, caB), List.of(ROOT.store()), options());

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems().get(0).check()).isEqualTo(Check.CHAIN);
        assertThat(v.problems().get(0).message())
                .isEqualTo("the issuers loop back: the issuer of this certificate, 'CN=Loop A', is already on the path, and no trusted store holds it");
    }

    @Test
    void twoThousandLookAlikeIssuersAreBoundedWork() {
        KeyPair lookAlikeKey = Forge.key();
        List<X509Certificate> pile = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            pile.add(Forge.cert("CN=Popular CA", lookAlikeKey).issuedBy(ROOT.certificate(), ROOT.key()).ca().withoutKeyIds().build());
        }
        KeyPair realKey = Forge.key();
        X509Certificate leaf = Forge.cert("CN=a.example", Forge.key()).issuedBy("CN=Popular CA", realKey).withoutKeyIds()
                .dns("a.example").serverAuth().build();

        Verdict v = validator.validate(leaf, pile, List.of(ROOT.store()),
                options().withMode(ValidationMode.RFC5280));

        assertThat(v.trusted()).isFalse();
        // the cut-off is the reason, not the signatures of the 64 look-alikes that were tried
        assertThat(v.problems().get(0).check()).isEqualTo(Check.LIMITS);
        assertThat(v.problems().get(0).message()).isEqualTo("the search for the issuer of 'CN=a.example' stopped after 64"
                + " candidates: 2000 certificates could have issued it, and the right one may be among the 1936 not tried");
    }

    @Test
    void issuerSearchCutOffAfter64CandidatesIsReportedAsTheCutOffNotAsABadSignature() {
        KeyPair realKey = Forge.key();
        X509Certificate real = Forge.cert("CN=Popular CA", realKey).issuedBy(ROOT.certificate(), ROOT.key()).ca().withoutKeyIds()
                .validity(Forge.NOT_BEFORE, Forge.NOT_AFTER).build();
        List<X509Certificate> pile = new ArrayList<>();
        KeyPair lookAlikeKey = Forge.key();
        for (int i = 0; i < 70; i++) {
            // newer than the real issuer, so tried first
            pile.add(Forge.cert("CN=Popular CA", lookAlikeKey).issuedBy(ROOT.certificate(), ROOT.key()).ca().withoutKeyIds()
                    .validity(Forge.NOT_BEFORE.plusSeconds(3600 + i), Forge.NOT_AFTER).build());
        }
        pile.add(real);
        X509Certificate leaf = Forge.cert("CN=a.example", Forge.key()).issuedBy(real, realKey).withoutKeyIds()
                .dns("a.example").serverAuth().build();

        Verdict v = validator.validate(leaf, pile, List.of(ROOT.store()), options().withMode(ValidationMode.RFC5280));

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems().get(0).check()).isEqualTo(Check.LIMITS);
        assertThat(v.problems().get(0).message()).startsWith("the search for the issuer of 'CN=a.example' stopped after 64"
                + " candidates: 71 certificates could have issued it");
        assertThat(v.problems().get(0).fix()).contains("send only the intermediates the chain needs");
    }

    @Test
    void signatureBudgetStopsTheSearch() {
        KeyPair lookAlikeKey = Forge.key();
        List<X509Certificate> pile = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pile.add(Forge.cert("CN=Popular CA", lookAlikeKey).issuedBy(ROOT.certificate(), ROOT.key()).ca().withoutKeyIds().build());
        }
        X509Certificate leaf = Forge.cert("CN=a.example", Forge.key()).issuedBy("CN=Popular CA", Forge.key()).withoutKeyIds()
                .dns("a.example").serverAuth().build();
        ValidationOptions tight = options().withLimits(new ValidationLimits(12, 10, 64, 1 << 20));

        Verdict v = validator.validate(leaf, pile, List.of(ROOT.store()), tight);

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems().get(0).check()).isEqualTo(Check.LIMITS);
        assertThat(v.problems().get(0).message()).startsWith("path building stopped after 10 signature checks without finding a trusted path");
    }

    @Test
    void aHundredIntermediatesExceedThePathLimit() {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate issuer = ROOT.certificate();
        KeyPair issuerKey = ROOT.key();
        for (int i = 0; i < 100; i++) {
            KeyPair k = Forge.key();
            issuer = Forge.cert("CN=Level " + i, k).issuedBy(issuer, issuerKey).ca().build();
            issuerKey = k;
            chain.add(0, issuer);
        }
        X509Certificate leaf = Forge.cert("CN=a.example", Forge.key()).issuedBy(issuer, issuerKey).dns("a.example").serverAuth().build();

        Verdict v = validator.validate(leaf, chain, List.of(ROOT.store()), options());

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems()).extracting(Finding::message).contains("no trusted root was reached within 12 certificates");
    }

    @Test
    void absurdNameConstraintsAreRefusedNotGrinded() {
        List<GeneralSubtree> permitted = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            permitted.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, "n" + i + ".example")));
        }
        KeyPair caKey = Forge.key();
        X509Certificate ca = Forge.cert("CN=Constrained CA", caKey).issuedBy(ROOT.certificate(), ROOT.key()).ca()
                .extension(Extension.nameConstraints, true, new NameConstraints(permitted.toArray(GeneralSubtree[]::new), null)).build();
        String[] names = new String[1_000];
        for (int i = 0; i < names.length; i++) {
            names[i] = "n" + i + ".example";
        }
        X509Certificate leaf = Forge.cert("CN=n0.example", Forge.key()).issuedBy(ca, caKey).dns(names).serverAuth().build();

        Verdict v = validator.validate(leaf, List.of(ca), List.of(ROOT.store()),
                ValidationOptions.server(AT, "n0.example").withMode(ValidationMode.RFC5280));

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems().get(0).check()).isEqualTo(Check.NAME_CONSTRAINTS);
        assertThat(v.problems().get(0).message()).isEqualTo(
                "checking its 1002 names against the 1500 name constraints above it would take too long (1503000 comparisons)");
    }

    @Test
    void malformedExtensionIsAnEncodingFinding() {
        X509Certificate leaf = Forge.cert("CN=a.example", Forge.key()).issuedBy(ROOT.certificate(), ROOT.key()).serverAuth()
                .rawExtension(Extension.subjectAlternativeName, false, new byte[] {0x30, 0x05, (byte) 0x82, 0x01}).build();

        Verdict v = validator.validate(leaf, List.of(), List.of(ROOT.store()), options());

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems()).extracting(Finding::check).contains(Check.ENCODING);
        assertThat(v.problems()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("the subject alternative name extension is malformed"));
    }

    @Test
    void unknownCriticalExtensionIsRefused() {
        X509Certificate leaf = Forge.cert("CN=a.example", Forge.key()).issuedBy(ROOT.certificate(), ROOT.key()).dns("a.example").serverAuth()
                .extension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"), true, new DERSequence(new DERIA5String("x"))).build();

        Verdict v = validator.validate(leaf, List.of(), List.of(ROOT.store()), options());

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.CRITICAL_EXTENSION);
            assertThat(f.message()).isEqualTo("it carries the critical extension 1.3.6.1.4.1.55555.1, which certa does not"
                    + " understand (RFC 5280 requires refusing such a certificate)");
        });
    }

    @Test
    void garbageTruncatedAndOversizedFilesAreClearErrors() {
        assertThatThrownBy(() -> TrustStores.fromPem("hello, world".getBytes(StandardCharsets.US_ASCII), "roots.pem"))
                .isInstanceOfSatisfying(CertaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.reason()).startsWith("roots.pem: this is neither PEM nor DER");
                });
        String pem = PemWriter.certificate(ROOT.certificate());
        String truncated = pem.substring(0, pem.length() / 2) + "\n-----END CERTIFICATE-----\n";
        assertThatThrownBy(() -> TrustStores.fromPem(truncated.getBytes(StandardCharsets.US_ASCII), "cut.pem"))
                .isInstanceOfSatisfying(CertaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.reason()).startsWith("cut.pem");
                });
        assertThatThrownBy(() -> TrustStores.fromPem(new byte[17 * 1024 * 1024], "huge.pem"))
                .isInstanceOfSatisfying(CertaException.class, e -> assertThat(e.reason()).contains("too large"));
    }
}
