package dev.certa.core.path.limbo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A case's certificates decoded once with the JDK's X.509 factory and shared by both verifiers. A
 * trusted or untrusted certificate the JDK cannot decode is left out (for both); a peer certificate it
 * cannot decode is an automatic reject (for both).
 */
record ParsedCase(LimboCase limbo, Optional<X509Certificate> peer, String peerError, List<X509Certificate> trusted,
        List<X509Certificate> untrusted) {

    static ParsedCase of(LimboCase c, CertificateFactory factory) {
        X509Certificate peer = null;
        String error = "";
        try {
            peer = parse(c.peer(), factory);
        } catch (CertificateException | RuntimeException e) {
            error = "the peer certificate cannot be decoded: " + e.getMessage();
        }
        return new ParsedCase(c, Optional.ofNullable(peer), error, parseAll(c.trusted(), factory), parseAll(c.untrusted(), factory));
    }

    private static List<X509Certificate> parseAll(List<String> pems, CertificateFactory factory) {
        List<X509Certificate> out = new ArrayList<>();
        for (String pem : pems) {
            try {
                out.add(parse(pem, factory));
            } catch (CertificateException | RuntimeException e) {
                // left out for both verifiers
            }
        }
        return out;
    }

    private static X509Certificate parse(String pem, CertificateFactory factory) throws CertificateException {
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
