package dev.certa.server.http;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** OCSP requests as a client builds them (one SHA-1 CertID, no nonce: what stapling servers send), and answers read back. */
final class OcspRequestsForTests {
    private OcspRequestsForTests() {}

    /** The base64 of a nonce-less request about {@code serial} of {@code issuer}: the RFC 6960 A.1 GET path before URL-encoding. */
    static String base64(X509Certificate issuer, BigInteger serial) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), serial);
        return Base64.getEncoder().encodeToString(new OCSPReqBuilder().addRequest(id).build().getEncoded());
    }

    /** The one answer of a successful response. */
    static SingleResp single(byte[] der) throws Exception {
        OCSPResp resp = new OCSPResp(der);
        if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
            throw new AssertionError("OCSP response status " + resp.getStatus());
        }
        return ((BasicOCSPResp) resp.getResponseObject()).getResponses()[0];
    }
}
