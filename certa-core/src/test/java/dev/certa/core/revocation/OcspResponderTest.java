package dev.certa.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.crypto.Signatures;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.testing.TestPki;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The responder's answers, signatures, nonces and cache, read back with Bouncy Castle. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcspResponderTest {
    private static final Instant START = Instant.parse("2026-05-01T08:00:00.400Z");
    private static final Duration VALIDITY = Duration.ofHours(24);

    private RevocationPki pki;
    private X509Certificate ca;
    private final BigInteger good = BigInteger.valueOf(0x1001);
    private final BigInteger revoked = BigInteger.valueOf(0x1002);
    private final BigInteger unknown = BigInteger.valueOf(0x1003);
    private final Map<BigInteger, CertStatus> store = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private MutableClock clock;
    private OcspResponseCache cache;
    private OcspResponder responder;

    @BeforeAll
    void ca() {
        pki = new RevocationPki("OCSP responder");
        ca = pki.ca.certificate();
    }

    @BeforeEach
    void responder() {
        store.clear();
        store.put(good, CertStatus.good());
        store.put(revoked, CertStatus.revoked(START.minus(Duration.ofDays(2)), RevocationReason.KEY_COMPROMISE));
        lookups.set(0);
        clock = new MutableClock(START);
        cache = new OcspResponseCache(1000);
        responder = new OcspResponder(List.of(OcspIssuer.of(pki.ca)), this::lookup, clock, VALIDITY, cache);
    }

    private CertStatus lookup(X509Certificate issuer, BigInteger serial) {
        assertThat(issuer).isEqualTo(ca);
        lookups.incrementAndGet();
        return store.getOrDefault(serial, CertStatus.unknown());
    }

    @Test
    void answersGoodRevokedAndUnknownSignedByTheCa() throws Exception {
        BasicOCSPResp good = basic(responder.respond(Requests.of(ca, this.good)));
        BasicOCSPResp revoked = basic(responder.respond(Requests.of(ca, this.revoked)));
        BasicOCSPResp unknown = basic(responder.respond(Requests.of(ca, this.unknown)));

        for (BasicOCSPResp r : List.of(good, revoked, unknown)) {
            assertThat(r.isSignatureValid(Signatures.verifierProvider(ca.getPublicKey()))).isTrue();
            assertThat(r.getCerts()).isEmpty();
            assertThat(r.getResponderId().toASN1Primitive().getKeyHash()).isEqualTo(keyHash(ca));
            assertThat(r.getProducedAt().toInstant()).isEqualTo(Instant.parse("2026-05-01T08:00:00Z"));
            SingleResp single = r.getResponses()[0];
            assertThat(single.getThisUpdate().toInstant()).isEqualTo(Instant.parse("2026-05-01T08:00:00Z"));
            assertThat(single.getNextUpdate().toInstant()).isEqualTo(Instant.parse("2026-05-02T08:00:00Z"));
        }
        assertThat(good.getResponses()[0].getCertStatus()).isNull(); // BC's "good"
        assertThat(unknown.getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
        RevokedStatus status = (RevokedStatus) revoked.getResponses()[0].getCertStatus();
        assertThat(status.getRevocationTime().toInstant()).isEqualTo(Instant.parse("2026-04-29T08:00:00Z"));
        assertThat(status.getRevocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE.code());
        assertThat(revoked.getResponses()[0].getCertID().getSerialNumber()).isEqualTo(this.revoked);
    }

    @Test
    void anUnspecifiedRevocationCarriesNoReason() throws Exception {
        store.put(good, CertStatus.revoked(START, RevocationReason.UNSPECIFIED));

        RevokedStatus status = (RevokedStatus) basic(responder.respond(Requests.of(ca, good))).getResponses()[0].getCertStatus();

        assertThat(status.hasRevocationReason()).isFalse();
    }

    @Test
    void aSha256CertIdIsAnsweredWithTheSameCertId() throws Exception {
        var id = Requests.certId(OcspHash.SHA256, ca, revoked);

        BasicOCSPResp r = basic(responder.respond(Requests.of(List.of(id), null)));

        assertThat(r.getResponses()[0].getCertID().toASN1Primitive()).isEqualTo(id);
        assertThat(r.getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
    }

    @Test
    void aNonceIsEchoedAndTheResponseSignedForThatRequestOnly() throws Exception {
        byte[] nonce = new byte[32];
        TestPki.RANDOM.nextBytes(nonce);

        OcspReply first = responder.respond(Requests.withNonce(ca, good, nonce));
        OcspReply second = responder.respond(Requests.withNonce(ca, good, nonce));

        byte[] echoed = basic(first).getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets();
        assertThat(echoed).isEqualTo(new org.bouncycastle.asn1.DEROctetString(nonce).getEncoded());
        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isFalse();
        assertThat(lookups).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aRequestWithoutNonceIsServedFromTheCacheUntilHalfItsValidity() throws Exception {
        OcspReply first = responder.respond(Requests.of(ca, good));
        clock.advance(VALIDITY.dividedBy(2).minusSeconds(1));
        OcspReply cached = responder.respond(Requests.of(ca, good));
        clock.advance(Duration.ofSeconds(1));
        OcspReply renewed = responder.respond(Requests.of(ca, good));

        assertThat(first.fromCache()).isFalse();
        assertThat(cached.fromCache()).isTrue();
        assertThat(cached.der()).isEqualTo(first.der());
        assertThat(cached.thisUpdate()).isEqualTo(first.thisUpdate());
        assertThat(renewed.fromCache()).isFalse();
        assertThat(renewed.thisUpdate().orElseThrow()).isEqualTo(Instant.parse("2026-05-01T20:00:00Z"));
        assertThat(lookups).hasValue(2);
    }

    @Test
    void invalidatingASerialMakesTheNextAnswerStateTheNewStatus() throws Exception {
        responder.respond(Requests.of(ca, good));
        responder.respond(Requests.of(ca, revoked));
        long generation = cache.generation();

        store.put(good, CertStatus.revoked(START, RevocationReason.SUPERSEDED)); // the store first...
        cache.invalidate(good);                                               // ...then the cache
        OcspReply after = responder.respond(Requests.of(ca, good));

        assertThat(cache.generation()).isGreaterThan(generation);
        assertThat(after.fromCache()).isFalse();
        assertThat(((RevokedStatus) basic(after).getResponses()[0].getCertStatus()).getRevocationReason())
                .isEqualTo(RevocationReason.SUPERSEDED.code());
        assertThat(responder.respond(Requests.of(ca, revoked)).fromCache()).isTrue();
        cache.invalidateAll();
        assertThat(responder.respond(Requests.of(ca, revoked)).fromCache()).isFalse();
    }

    @Test
    void aResponseSignedWhileTheStatusChangesIsNotCached() throws Exception {
        StatusLookup racing = (issuer, serial) -> {
            CertStatus before = store.get(serial);
            store.put(serial, CertStatus.revoked(START, RevocationReason.KEY_COMPROMISE)); // revoked meanwhile...
            cache.invalidate(serial);                                                   // ...and invalidated
            return before;
        };
        OcspResponder racy = new OcspResponder(List.of(OcspIssuer.of(pki.ca)), racing, clock, VALIDITY, cache);

        OcspReply stale = racy.respond(Requests.of(ca, good));

        assertThat(basic(stale).getResponses()[0].getCertStatus()).isNull();
        assertThat(cache.size()).isZero();
        assertThat(basic(responder.respond(Requests.of(ca, good))).getResponses()[0].getCertStatus())
                .isInstanceOf(RevokedStatus.class);
    }

    @Test
    void unknownSerialsAskedByAnyoneAreAnsweredButNeverCached() throws Exception {
        for (int i = 0; i < 50; i++) {
            OcspReply r = responder.respond(Requests.of(ca, BigInteger.valueOf(0x7000 + i)));
            assertThat(basic(r).getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
        }
        OcspReply again = responder.respond(Requests.of(ca, BigInteger.valueOf(0x7000)));

        assertThat(cache.size()).isZero();
        assertThat(again.fromCache()).isFalse();
        responder.respond(Requests.of(ca, good));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void theCacheKeepsAtMostItsLimitOfSerials() {
        OcspResponseCache small = new OcspResponseCache(2);
        OcspResponder r = new OcspResponder(List.of(OcspIssuer.of(pki.ca)), this::lookup, clock, VALIDITY, small);
        for (int i = 0; i < 5; i++) {
            store.put(BigInteger.valueOf(100 + i), CertStatus.good());
            r.respond(Requests.of(ca, BigInteger.valueOf(100 + i)));
        }
        assertThat(small.size()).isEqualTo(2);
        OcspResponseCache none = new OcspResponseCache(0);
        OcspResponder uncached = new OcspResponder(List.of(OcspIssuer.of(pki.ca)), this::lookup, clock, VALIDITY, none);
        uncached.respond(Requests.of(ca, good));
        assertThat(uncached.respond(Requests.of(ca, good)).fromCache()).isFalse();
    }

    @Test
    void anotherCasCertificateIsUnauthorizedAndGarbageMalformed() throws Exception {
        TestPki other = new TestPki(KeyType.EC_P256, "Other");
        X509Certificate otherCa = other.intermediate.certificate();

        OcspReply foreign = responder.respond(Requests.of(otherCa, good));
        OcspReply mixed = responder.respond(Requests.of(List.of(Requests.certId(OcspHash.SHA1, ca, good),
                Requests.certId(OcspHash.SHA1, otherCa, good)), null));
        OcspReply garbage = responder.respond(new byte[] {1, 2, 3});
        OcspReply badGet = responder.respondToGet("/%%%");

        assertThat(foreign.status()).isEqualTo(OcspResponseStatus.UNAUTHORIZED);
        assertThat(new OCSPResp(foreign.der()).getStatus()).isEqualTo(6);
        assertThat(mixed.status()).isEqualTo(OcspResponseStatus.UNAUTHORIZED);
        assertThat(garbage.status()).isEqualTo(OcspResponseStatus.MALFORMED_REQUEST);
        assertThat(garbage.problem()).contains(OcspRequestException.Problem.MALFORMED);
        assertThat(new OCSPResp(garbage.der()).getStatus()).isEqualTo(1);
        assertThat(badGet.problem()).contains(OcspRequestException.Problem.NOT_BASE64);
        assertThat(lookups).hasValue(0);
    }

    @Test
    void aDelegatedResponderSignsAndTravelsInTheResponse() throws Exception {
        RevocationPki.Responder delegate = pki.delegatedResponder();
        OcspResponder delegated = new OcspResponder(
                List.of(OcspIssuer.delegated(ca, delegate.certificate(), delegate.signer())), this::lookup, clock,
                VALIDITY, new OcspResponseCache(10));

        BasicOCSPResp r = basic(delegated.respond(Requests.of(ca, revoked)));

        assertThat(r.isSignatureValid(Signatures.verifierProvider(delegate.certificate().getPublicKey()))).isTrue();
        assertThat(r.getCerts()).hasSize(1);
        assertThat(r.getCerts()[0].getEncoded()).isEqualTo(delegate.certificate().getEncoded());
        assertThat(r.getResponderId().toASN1Primitive().getKeyHash()).isEqualTo(keyHash(delegate.certificate()));
    }

    @Test
    void refusesADelegateThatMayNotSignForTheCa() throws Exception {
        RevocationPki.Responder delegate = pki.delegatedResponder();
        X509Certificate serverLeaf = pki.leaf("not-a-responder.example.com");
        TestPki other = new TestPki(KeyType.EC_P256, "Other delegate");

        assertThatThrownBy(() -> OcspIssuer.delegated(ca, serverLeaf, delegate.signer()))
                .hasMessageContaining("lacks extended key usage OCSPSigning");
        assertThatThrownBy(() -> OcspIssuer.delegated(other.intermediate.certificate(), delegate.certificate(),
                delegate.signer())).hasMessageContaining("was not issued by CA");
        assertThatThrownBy(() -> OcspIssuer.delegated(ca, delegate.certificate(),
                SoftwareSigner.of(KeyType.EC_P256.generate(TestPki.RANDOM))))
                .isInstanceOfSatisfying(CertaException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.KEY_MISMATCH));
    }

    @Test
    void aFailingStoreReachesTheCaller() {
        OcspResponder broken = new OcspResponder(List.of(OcspIssuer.of(pki.ca)), (i, s) -> {
            throw new IllegalStateException("database down");
        }, clock, VALIDITY, cache);

        assertThatThrownBy(() -> broken.respond(Requests.of(ca, good))).hasMessage("database down");
        assertThat(OcspResponseStatus.TRY_LATER.bareResponse()).containsExactly(0x30, 0x03, 0x0a, 0x01, 0x03);
    }

    private static BasicOCSPResp basic(OcspReply reply) throws Exception {
        assertThat(reply.status()).isEqualTo(OcspResponseStatus.SUCCESSFUL);
        OCSPResp resp = new OCSPResp(reply.der());
        assertThat(resp.getStatus()).isZero();
        return (BasicOCSPResp) resp.getResponseObject();
    }

    private static byte[] keyHash(X509Certificate cert) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(
                SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded()).getPublicKeyData().getBytes());
    }
}
