package dev.certa.core.revocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;

/**
 * Encodes and signs successful OCSP responses (RFC 6960 4.2.1):
 *
 * <pre>
 * OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED (0), responseBytes [0] EXPLICIT SEQUENCE {
 *     id-pkix-ocsp-basic, OCTET STRING (BasicOCSPResponse) } }
 * BasicOCSPResponse ::= SEQUENCE { tbsResponseData, signatureAlgorithm, signature BIT STRING,
 *     certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
 * ResponseData ::= SEQUENCE { responderID, producedAt GeneralizedTime, responses SEQUENCE OF SingleResponse,
 *     responseExtensions [1] EXPLICIT Extensions OPTIONAL }
 * SingleResponse ::= SEQUENCE { certID, certStatus, thisUpdate, nextUpdate [0] EXPLICIT OPTIONAL }
 * </pre>
 */
final class OcspResponses {
    private static final byte[] SUCCESSFUL = Der.enumerated(0);
    private static final byte[] BASIC = Der.encode(OCSPObjectIdentifiers.id_pkix_ocsp_basic);
    private static final byte[] NONCE = Der.encode(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    private static final byte[] GOOD = {(byte) 0x80, 0};
    private static final byte[] UNKNOWN = {(byte) 0x82, 0};

    private OcspResponses() {}

    /** One certificate's answer. */
    record Single(CertId id, CertStatus status) {}

    /** Signs a response stating {@code answers}, valid from {@code thisUpdate} to {@code nextUpdate}. */
    static byte[] sign(OcspIssuer issuer, List<Single> answers, Instant thisUpdate, Instant nextUpdate,
            Optional<OcspNonce> nonce) {
        byte[] thisTime = Der.generalizedTime(thisUpdate);
        byte[] nextTime = Der.tlv(0xa0, Der.generalizedTime(nextUpdate));
        List<byte[]> singles = new ArrayList<>(answers.size());
        for (Single a : answers) {
            singles.add(Der.tlv(Der.SEQUENCE, a.id().derShared(), status(a.status()), thisTime, nextTime));
        }
        List<byte[]> data = new ArrayList<>(4);
        data.add(issuer.responderId());
        data.add(thisTime); // producedAt
        data.add(Der.tlv(Der.SEQUENCE, singles));
        nonce.ifPresent(n -> data.add(Der.tlv(0xa1, Der.tlv(Der.SEQUENCE,
                Der.tlv(Der.SEQUENCE, NONCE, Der.tlv(Der.OCTET_STRING, n.shared()))))));
        byte[] tbs = Der.tlv(Der.SEQUENCE, data);
        byte[] signature = issuer.signer().sign(tbs);
        byte[] basic = Der.tlv(Der.SEQUENCE, tbs, issuer.signatureAlgorithm(), Der.bitString(signature), issuer.certs());
        byte[] responseBytes = Der.tlv(0xa0, Der.tlv(Der.SEQUENCE, BASIC, Der.tlv(Der.OCTET_STRING, basic)));
        return Der.tlv(Der.SEQUENCE, SUCCESSFUL, responseBytes);
    }

    private static byte[] status(CertStatus status) {
        return switch (status) {
            case CertStatus.Good g -> GOOD;
            case CertStatus.Unknown u -> UNKNOWN;
            case CertStatus.Revoked r -> r.reason().isStated()
                    ? Der.tlv(0xa1, Der.generalizedTime(r.revokedAt()), Der.tlv(0xa0, Der.enumerated(r.reason().code())))
                    : Der.tlv(0xa1, Der.generalizedTime(r.revokedAt()));
        };
    }
}
