package dev.certa.core.path;

import dev.certa.core.error.CertaException;
import dev.certa.core.pem.PemReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

/**
 * The certificates in what an AIA caIssuers URL served: one certificate in DER (what RFC 5280 4.2.2.1
 * asks for, {@code application/pkix-cert}), PEM (common in practice), or a "certs-only" PKCS#7
 * {@code .p7c} bundle ({@code application/pkcs7-mime}), DER or PEM.
 */
final class IssuerDownloads {
    private static final String PKCS7_BEGIN = "-----BEGIN PKCS7-----";
    private static final String PKCS7_END = "-----END PKCS7-----";

    private IssuerDownloads() {}

    /** The certificates in {@code body}; a CertaException (BAD_INPUT) naming {@code source} when there are none. */
    static List<X509Certificate> parse(byte[] body, String source) {
        String text = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.US_ASCII).strip();
        if (text.startsWith(PKCS7_BEGIN)) {
            String all = new String(body, StandardCharsets.US_ASCII);
            int end = all.indexOf(PKCS7_END);
            String b64 = all.substring(all.indexOf(PKCS7_BEGIN) + PKCS7_BEGIN.length(), end < 0 ? all.length() : end);
            try {
                return pkcs7(Base64.getMimeDecoder().decode(b64), source);
            } catch (IllegalArgumentException e) {
                throw CertaException.badInput(source + ": the PKCS#7 block is not valid base64", "serve the certificate in DER");
            }
        }
        try {
            return PemReader.readCertificates(body, source);
        } catch (CertaException notCertificates) {
            if (body.length > 0 && (body[0] & 0xff) == 0x30) {
                try {
                    return pkcs7(body, source);
                } catch (CertaException alsoNotPkcs7) {
                    throw notCertificates;
                }
            }
            throw notCertificates;
        }
    }

    private static List<X509Certificate> pkcs7(byte[] der, String source) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            for (X509CertificateHolder h : new CMSSignedData(der).getCertificates().getMatches(null)) {
                out.add((X509Certificate) f.generateCertificate(new ByteArrayInputStream(h.getEncoded())));
            }
        } catch (CMSException | CertificateException | java.io.IOException | RuntimeException e) {
            throw CertaException.badInput(source + ": neither a certificate nor a PKCS#7 bundle of certificates",
                    "serve the issuer's certificate in DER (application/pkix-cert)", e);
        }
        if (out.isEmpty()) {
            throw CertaException.badInput(source + ": the PKCS#7 bundle holds no certificate", "serve the issuer's certificate");
        }
        return out;
    }
}
