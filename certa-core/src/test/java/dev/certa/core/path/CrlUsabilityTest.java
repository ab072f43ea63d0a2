package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.path.revocation.Crl;
import dev.certa.core.path.revocation.RevocationChecker;
import dev.certa.core.path.revocation.RevocationPolicy;
import dev.certa.core.revocation.ClockSkew;
import dev.certa.core.testing.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Findings: CRLs that RFC 5280 says must not be used were used (no nextUpdate, a bad version, GeneralizedTime
 * before 2050: x509-limbo's pending CRL cases), and a CRL signed a moment ago by a CA whose clock is a little
 * ahead made a good certificate NOT TRUSTED ("issued after the instant checked"). The CRLs are made by Bouncy
 * Castle; where its builder cannot make the bad form, the to-be-signed list is edited as ASN.1 and signed again.
 */
class CrlUsabilityTest {
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    private static KeyPair rootKey;
    private static X509Certificate root;
    private static X500Name rootName;
    private static X509Certificate leaf;
    private static TrustStore store;
    private final PathValidator validator = new PathValidator();
    private final RevocationChecker checker = new RevocationChecker(Optional.empty(), TestPki.RANDOM);

    @BeforeAll
    static void pki() {
        rootKey = Forge.key();
        root = Forge.cert("CN=Crl Root", rootKey).ca().build();
        rootName = X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
        leaf = Forge.cert("CN=a.example", Forge.key()).issuedBy(root, rootKey).dns("a.example").serverAuth().build();
        store = TrustStore.of("roots", List.of(root));
    }

    /** A v2 CRL with a CRL number, listing nothing, by Bouncy Castle; {@code shape} adjusts the builder. */
    private static X509CRLHolder crl(Time thisUpdate, Optional<Time> nextUpdate) throws Exception {
        X509v2CRLBuilder b = new X509v2CRLBuilder(rootName, thisUpdate);
        nextUpdate.ifPresent(b::setNextUpdate);
        b.addCRLEntry(BigInteger.valueOf(999_999), Date.from(AT.minus(Duration.ofDays(2))), 0);
        b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
        return b.build(signer());
    }

    private static X509CRLHolder crl(Instant thisUpdate, Instant nextUpdate) throws Exception {
        return crl(new Time(Date.from(thisUpdate)), Optional.of(new Time(Date.from(nextUpdate))));
    }

    private static ContentSigner signer() throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(rootKey.getPrivate());
    }

    /** {@code good} with its TBSCertList elements edited, signed again by the root: forms BC's builder refuses. */
    private static X509CRLHolder edited(X509CRLHolder good, UnaryOperator<ASN1EncodableVector> edit) throws Exception {
        ASN1Sequence tbs = ASN1Sequence.getInstance(good.toASN1Structure().getTBSCertList().toASN1Primitive());
        ASN1EncodableVector v = new ASN1EncodableVector();
        tbs.forEach(v::add);
        DERSequence newTbs = new DERSequence(edit.apply(v));
        ContentSigner s = signer();
        try (var out = s.getOutputStream()) {
            out.write(newTbs.getEncoded(ASN1Encoding.DER));
        }
        AlgorithmIdentifier alg = s.getAlgorithmIdentifier();
        return new X509CRLHolder(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {newTbs, alg, new DERBitString(s.getSignature())})
                .getEncoded(ASN1Encoding.DER));
    }

    private Verdict checkWith(X509CRLHolder crl, Instant at) {
        Verdict v = validator.validateChain(List.of(leaf), List.of(store), ValidationOptions.server(at, "a.example"));
        assertThat(v.trusted()).as("%s", v.problems()).isTrue();
        return checker.check(v, RevocationPolicy.crls(List.of(new Crl("test.crl", crl))), at).verdict();
    }

    private static String onlyProblem(Verdict v) {
        assertThat(v.trusted()).isFalse();
        assertThat(v.problems()).hasSize(1);
        return v.problems().get(0).message();
    }

    @Test
    void aSoundCrlNotListingTheCertificateKeepsItTrusted() throws Exception {
        assertThat(checkWith(crl(AT.minus(Duration.ofHours(1)), AT.plus(Duration.ofDays(7))), AT).trusted()).isTrue();
    }

    @Test
    void aCrlWithoutNextUpdateIsNotUsed() throws Exception {
        X509CRLHolder noNext = crl(new Time(Date.from(AT.minus(Duration.ofHours(1)))), Optional.empty());

        assertThat(onlyProblem(checkWith(noNext, AT))).isEqualTo("its revocation status cannot be checked: the CRL test.crl is from its"
                + " issuer but cannot be used: it has no nextUpdate, so it would never go stale; RFC 5280 5.1.2.5 requires one");
    }

    @Test
    void aCrlWithAVersionOtherThanV1OrV2IsNotUsed() throws Exception {
        X509CRLHolder v3 = edited(crl(AT.minus(Duration.ofHours(1)), AT.plus(Duration.ofDays(7))), v -> {
            ASN1EncodableVector out = new ASN1EncodableVector();
            out.add(new ASN1Integer(2)); // "v3"
            for (int i = 1; i < v.size(); i++) {
                out.add(v.get(i));
            }
            return out;
        });

        assertThat(onlyProblem(checkWith(v3, AT))).endsWith("its version field is 2, but a CRL is v1 (field absent) or v2 (1) (RFC 5280 5.1.2.1)");
    }

    @Test
    void aVersion1CrlWithExtensionsIsNotUsed() throws Exception {
        X509CRLHolder v1 = edited(crl(AT.minus(Duration.ofHours(1)), AT.plus(Duration.ofDays(7))), v -> {
            ASN1EncodableVector out = new ASN1EncodableVector();
            for (int i = 1; i < v.size(); i++) { // the version field dropped, the CRL number kept
                out.add(v.get(i));
            }
            return out;
        });

        assertThat(onlyProblem(checkWith(v1, AT)))
                .endsWith("it is a version 1 CRL with extensions, which only version 2 CRLs may carry (RFC 5280 5.1.2.1)");
    }

    @Test
    void aThisUpdateBefore2050InGeneralizedTimeIsNotUsed() throws Exception {
        X509CRLHolder generalized = crl(new Time(new ASN1GeneralizedTime("20260531230000Z")),
                Optional.of(new Time(Date.from(AT.plus(Duration.ofDays(7))))));

        assertThat(onlyProblem(checkWith(generalized, AT))).endsWith("its thisUpdate (20260531230000Z) is encoded as GeneralizedTime,"
                + " but dates before 2050 must be UTCTime (RFC 5280 5.1.2.4)");
    }

    @Test
    void aNextUpdateBefore2050InGeneralizedTimeIsNotUsed() throws Exception {
        X509CRLHolder generalized = crl(new Time(Date.from(AT.minus(Duration.ofHours(1)))),
                Optional.of(new Time(new ASN1GeneralizedTime("20260608000000Z"))));

        assertThat(onlyProblem(checkWith(generalized, AT))).endsWith("its nextUpdate (20260608000000Z) is encoded as GeneralizedTime,"
                + " but dates before 2050 must be UTCTime (RFC 5280 5.1.2.5)");
    }

    @Test
    void aCrlSignedAMomentAgoByACaWhoseClockIsAheadIsUsed() throws Exception {
        Instant caNow = AT.plus(Duration.ofMinutes(2)); // the CA's clock runs two minutes ahead of ours

        Verdict v = checkWith(crl(caNow, caNow.plus(Duration.ofDays(7))), AT);

        assertThat(v.trusted()).as("%s", v.problems()).isTrue();
        assertThat(ClockSkew.REVOCATION_TIMES).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aCrlFromFurtherInTheFutureThanTheSkewIsStillNotUsed() throws Exception {
        Instant later = AT.plus(ClockSkew.REVOCATION_TIMES).plusSeconds(60);

        assertThat(onlyProblem(checkWith(crl(later, later.plus(Duration.ofDays(7))), AT))).endsWith("it was issued (thisUpdate"
                + " 2026-06-01 00:06 UTC) more than 5 minutes after the instant checked, 2026-06-01 00:00 UTC");
    }

    @Test
    void aCrlJustPastItsNextUpdateIsUsedWithinTheSkewAndStaleAfterIt() throws Exception {
        X509CRLHolder c = crl(AT.minus(Duration.ofDays(7)), AT.minus(Duration.ofMinutes(2)));

        assertThat(checkWith(c, AT).trusted()).isTrue();
        assertThat(onlyProblem(checkWith(c, AT.plus(Duration.ofMinutes(4))))).contains("it is stale: its nextUpdate");
    }
}
