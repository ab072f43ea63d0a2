package dev.certa.core.revocation;

import dev.certa.core.revocation.OcspRequestException.Problem;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPRequest;
import org.bouncycastle.asn1.ocsp.Request;
import org.bouncycastle.asn1.ocsp.TBSRequest;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;

/**
 * Decodes OCSP requests (RFC 6960 4.1) as they arrive over HTTP (RFC 6960 appendix A): the body of
 * a POST, or the base64 in a GET's path. Anything that is not a request certa can answer is refused
 * with an {@link OcspRequestException} naming the {@link Problem}; nothing else escapes, whatever
 * the bytes, so garbage never becomes a server error.
 *
 * <pre>{@code
 * OcspRequest post = OcspRequests.parse(body);                     // POST /ocsp, application/ocsp-request
 * OcspRequest get = OcspRequests.parseGet("MEMwQTA%2FMD0wOzAJ...");  // GET /ocsp/MEMwQTA%2FMD0wOzAJ...
 * }</pre>
 */
public final class OcspRequests {
    /** At most this many certificates per request; clients ask about one, a few batch a chain. */
    public static final int MAX_CERT_IDS = 8;
    /** At most this many bytes per request: room for a signed request that carries its certificates. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024;
    /** RFC 9654: a nonce is 1 to 128 octets. */
    static final int MAX_NONCE = 128;

    private OcspRequests() {}

    /** Decodes a DER OCSPRequest, e.g. a POST body. */
    public static OcspRequest parse(byte[] der) {
        if (der.length == 0) {
            throw new OcspRequestException(Problem.EMPTY, "the request is empty");
        }
        if (der.length > MAX_REQUEST_BYTES) {
            throw new OcspRequestException(Problem.TOO_LARGE,
                    "the request has " + der.length + " bytes, more than " + MAX_REQUEST_BYTES);
        }
        TBSRequest tbs = decode(der);
        ASN1Sequence list = tbs.getRequestList();
        if (list.size() == 0) {
            throw new OcspRequestException(Problem.NO_CERT_IDS, "the request asks about no certificate");
        }
        if (list.size() > MAX_CERT_IDS) {
            throw new OcspRequestException(Problem.TOO_MANY_CERT_IDS,
                    "the request asks about " + list.size() + " certificates, more than " + MAX_CERT_IDS);
        }
        List<CertId> ids = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            ids.add(certId(list, i));
        }
        return new OcspRequest(ids, nonce(tbs.getRequestExtensions()));
    }

    /**
     * Decodes the GET form: {@code path} is what follows the responder's URL, the DER request in base64,
     * URL-encoded ({@code %2B}, {@code %2F}, {@code %3D}). A leading {@code /} is skipped. Proxies that
     * turn an unencoded {@code +} into a space are forgiven, and base64url is accepted as well.
     */
    public static OcspRequest parseGet(String path) {
        String s = path;
        while (s.startsWith("/")) {
            s = s.substring(1); // base64 of a DER request starts with 'M', never '/'
        }
        if (s.isEmpty()) {
            throw new OcspRequestException(Problem.EMPTY, "the GET path holds no request");
        }
        if (s.length() > 4 * MAX_REQUEST_BYTES) {
            throw new OcspRequestException(Problem.TOO_LARGE, "the GET path has " + s.length() + " characters");
        }
        byte[] der;
        try {
            String decoded = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)
                    .replace(' ', '+').replace('-', '+').replace('_', '/');
            der = Base64.getDecoder().decode(decoded);
        } catch (IllegalArgumentException e) {
            throw new OcspRequestException(Problem.NOT_BASE64, "the GET path is not URL-encoded base64");
        }
        return parse(der);
    }

    private static TBSRequest decode(byte[] der) {
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            ASN1Primitive p = in.readObject();
            if (p == null || in.available() > 0) {
                throw malformed(p == null ? "it holds no ASN.1 value" : "bytes follow the request");
            }
            TBSRequest tbs = OCSPRequest.getInstance(p).getTbsRequest();
            if (tbs.getVersion().getValue().signum() != 0) {
                throw malformed("its version is " + tbs.getVersion().getValue() + ", not v1 (0)");
            }
            return tbs;
        } catch (IOException | RuntimeException e) {
            if (e instanceof OcspRequestException o) {
                throw o;
            }
            throw malformed("it is not a DER OCSPRequest (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static CertId certId(ASN1Sequence list, int index) {
        CertID id;
        byte[] der;
        try {
            id = Request.getInstance(list.getObjectAt(index)).getReqCert();
            der = id.getEncoded(ASN1Encoding.DER);
        } catch (IOException | RuntimeException e) {
            throw malformed("request " + (index + 1) + " holds no valid CertID");
        }
        OcspHash hash = OcspHash.of(id.getHashAlgorithm().getAlgorithm()).orElseThrow(() ->
                new OcspRequestException(Problem.UNSUPPORTED_HASH, "request " + (index + 1)
                        + " hashes the issuer with " + id.getHashAlgorithm().getAlgorithm().getId()
                        + ", not SHA-1, SHA-256, SHA-384 or SHA-512"));
        byte[] nameHash = id.getIssuerNameHash().getOctets();
        byte[] keyHash = id.getIssuerKeyHash().getOctets();
        if (nameHash.length != hash.length() || keyHash.length != hash.length()) {
            throw malformed("request " + (index + 1) + " has issuer hashes of " + nameHash.length + " and "
                    + keyHash.length + " octets; " + hash + " makes " + hash.length());
        }
        BigInteger serial = id.getSerialNumber().getValue();
        return new CertId(hash, nameHash, keyHash, serial, der);
    }

    private static Optional<OcspNonce> nonce(Extensions extensions) {
        if (extensions == null) {
            return Optional.empty();
        }
        Extension nonce = extensions.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce == null) {
            return Optional.empty();
        }
        byte[] value = nonce.getExtnValue().getOctets();
        int length = nonceLength(value);
        if (length < 1 || length > MAX_NONCE) {
            throw new OcspRequestException(Problem.BAD_NONCE, "the nonce has " + length + " octets");
        }
        return Optional.of(new OcspNonce(value));
    }

    /**
     * The nonce's length: RFC 9654 wraps it in an OCTET STRING inside extnValue; clients written
     * before it put the bare bytes there, which are taken as they are.
     */
    private static int nonceLength(byte[] value) {
        if (value.length >= 2 && value[0] == Der.OCTET_STRING && (value[1] & 0x80) == 0 && value[1] == value.length - 2) {
            return value[1];
        }
        if (value.length >= 3 && value[0] == Der.OCTET_STRING && value[1] == (byte) 0x81
                && (value[2] & 0xff) == value.length - 3) {
            return value[2] & 0xff;
        }
        return value.length;
    }

    private static OcspRequestException malformed(String why) {
        return new OcspRequestException(Problem.MALFORMED, "the request is malformed: " + why);
    }
}
