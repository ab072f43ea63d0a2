package dev.certa.core.path.revocation;

import static dev.certa.core.path.revocation.CrlCheck.TIME;

import dev.certa.core.revocation.ClockSkew;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * OCSP (RFC 6960) for one certificate: the request (its issuer's name and key hashes and its serial,
 * with a nonce), and the response judged: successful, signed by the issuer or by a responder
 * certificate the issuer issued with id-kp-OCSPSigning, the nonce echoed if any, fresh at the
 * validation instant, and the certificate's status.
 */
final class OcspCheck {
    static final String REQUEST_TYPE = "application/ocsp-request";
    /** Clocks differ; responders pre-date their answers a little too. */
    private static final Duration SKEW = ClockSkew.REVOCATION_TIMES;
    /** A response without nextUpdate is accepted this long after its thisUpdate. */
    private static final Duration NO_NEXT_UPDATE_AGE = Duration.ofDays(7);

    private OcspCheck() {}

    /** The request's identity of {@code cert}: SHA-1 hashes of its issuer's name and key (what responders expect), and its serial. */
    static CertificateID id(X509Certificate cert, X509Certificate issuer) throws OCSPException {
        try {
            return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
        } catch (org.bouncycastle.operator.OperatorCreationException | CertificateEncodingException e) {
            throw new OCSPException("cannot identify the certificate: " + e.getMessage(), e);
        }
    }

    /** The DER OCSP request for {@code id} with {@code nonce}. */
    static byte[] request(CertificateID id, byte[] nonce) throws OCSPException, IOException {
        OCSPReqBuilder b = new OCSPReqBuilder().addRequest(id);
        b.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(new DEROctetString(nonce).getEncoded()))));
        return b.build().getEncoded();
    }

    /**
     * What the DER {@code response} says about {@code id}; {@code nonce}, when given, must be echoed
     * if the responder includes one. Never throws: an unusable response is {@link Outcome.Unknown}.
     */
    static Outcome judge(byte[] response, CertificateID id, Optional<byte[]> nonce, X509Certificate issuer, Instant at, String source) {
        BasicOCSPResp basic;
        try {
            OCSPResp resp = new OCSPResp(response);
            if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
                return new Outcome.Unknown(source, "it answered with the error status " + status(resp.getStatus()));
            }
            if (!(resp.getResponseObject() instanceof BasicOCSPResp b)) {
                return new Outcome.Unknown(source, "its answer is not a basic OCSP response");
            }
            basic = b;
        } catch (IOException | OCSPException | RuntimeException e) {
            return new Outcome.Unknown(source, "its answer is not an OCSP response");
        }
        String signer = signer(basic, issuer, at);
        if (signer == null) {
            return new Outcome.Unknown(source, "its answer is not signed by the issuer '" + issuer.getSubjectX500Principal().getName()
                    + "' nor by a responder certificate the issuer issued for OCSP signing");
        }
        if (nonce.isPresent()) {
            Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (echoed != null && !nonceMatches(echoed, nonce.get())) {
                return new Outcome.Unknown(source, "its answer carries another request's nonce (a replayed answer?)");
            }
        }
        SingleResp single = null;
        for (SingleResp r : basic.getResponses()) {
            if (r.getCertID().equals(id)) {
                single = r;
            }
        }
        if (single == null) {
            return new Outcome.Unknown(source, "its answer is not about this certificate");
        }
        Instant thisUpdate = single.getThisUpdate().toInstant();
        Date next = single.getNextUpdate();
        if (thisUpdate.isAfter(at.plus(SKEW))) {
            return new Outcome.Unknown(source, "its answer was made (thisUpdate " + TIME.format(thisUpdate) + ") after the instant checked");
        }
        if (next != null ? next.toInstant().isBefore(at.minus(SKEW)) : thisUpdate.plus(NO_NEXT_UPDATE_AGE).isBefore(at)) {
            return new Outcome.Unknown(source, "its answer is stale (thisUpdate " + TIME.format(thisUpdate)
                    + (next == null ? ", no nextUpdate" : ", nextUpdate " + TIME.format(next.toInstant())) + ")");
        }
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return new Outcome.Good(source, source + " says good (signed by " + signer + ", thisUpdate " + TIME.format(thisUpdate) + ")");
        }
        if (status instanceof RevokedStatus r) {
            return new Outcome.Revoked(source, r.getRevocationTime().toInstant(),
                    r.hasRevocationReason() ? Optional.of(Reasons.name(r.getRevocationReason())) : Optional.empty());
        }
        if (status instanceof UnknownStatus) {
            return new Outcome.Unknown(source, "the responder says it does not know this certificate (status unknown)");
        }
        return new Outcome.Unknown(source, "its answer has a status certa does not know");
    }

    /** "the issuer" or "the delegated responder 'CN=…'" when the response verifies; null when it does not. */
    private static @Nullable String signer(BasicOCSPResp basic, X509Certificate issuer, Instant at) {
        try {
            ContentVerifierProvider byIssuer = new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey());
            if (basic.isSignatureValid(byIssuer)) {
                return "the issuer";
            }
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            for (X509CertificateHolder responder : basic.getCerts()) {
                if (responder.getIssuer().equals(issuerHolder.getSubject()) && responder.isSignatureValid(byIssuer)
                        && ocspSigning(responder) && responder.isValidOn(Date.from(at))
                        && basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))) {
                    return "the delegated responder '" + dev.certa.core.name.DistinguishedNames.display(responder.getSubject()) + "'";
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    private static boolean ocspSigning(X509CertificateHolder h) {
        Extension e = h.getExtension(Extension.extendedKeyUsage);
        return e != null && ExtendedKeyUsage.getInstance(e.getParsedValue()).hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
    }

    private static boolean nonceMatches(Extension echoed, byte[] nonce) {
        byte[] value = echoed.getExtnValue().getOctets();
        try {
            return Arrays.equals(value, new DEROctetString(nonce).getEncoded()) || Arrays.equals(value, nonce);
        } catch (IOException e) {
            return false;
        }
    }

    private static String status(int s) {
        return switch (s) {
            case 1 -> "malformedRequest";
            case 2 -> "internalError";
            case 3 -> "tryLater";
            case 5 -> "sigRequired";
            case 6 -> "unauthorized";
            default -> String.valueOf(s);
        };
    }

    static String serialHex(BigInteger serial) {
        return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
    }
}
