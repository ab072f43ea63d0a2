package dev.certa.core.probe;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Judges the client side of a mutual-TLS handshake. A server that asks for a client certificate may
 * still finish the handshake when it gets none, or one it will not accept: nginx with
 * {@code ssl_verify_client on} does, then answers every request with 400. So a completed handshake
 * proves nothing about the client; what the probe knows does: whether a certificate was sent, whether
 * it is meant for TLS client authentication (EKU clientAuth, RFC 5280 4.2.1.12), and whether it comes
 * from one of the CAs the server listed in its CertificateRequest (RFC 8446 4.2.4, RFC 5246 7.4.4).
 */
final class ClientCertificateJudge {
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_EKU = "2.5.29.37.0";
    private static final String MAY_REFUSE = "; the server may still refuse every request after the handshake"
            + " (nginx with ssl_verify_client on completes it, then answers 400)";

    private ClientCertificateJudge() {}

    /** Warnings about the client side; empty when the server did not ask, or when what was sent fits its request. */
    static List<Handshake.ClientWarning> judge(Optional<ClientCertificateRequest> request, Optional<ClientIdentity> identity) {
        if (request.isEmpty()) {
            return List.of();
        }
        ClientCertificateRequest r = request.get();
        List<Handshake.ClientWarning> out = new ArrayList<>();
        if (!r.certificateSent()) {
            String why = identity.isEmpty() ? "none was sent (no --cert was given)"
                    : "none was sent: the server did not ask for a " + identity.get().keyAlgorithm() + " key (it asked for "
                            + String.join(", ", r.keyTypes()) + ")";
            out.add(new Handshake.ClientWarning("the server asked for a client certificate and " + why + MAY_REFUSE,
                    "give a client certificate from one of the CAs the server lists with --cert FILE --key FILE"));
            return out;
        }
        List<X509Certificate> chain = identity.map(ClientIdentity::chain).orElse(List.of());
        if (chain.isEmpty()) {
            return out;
        }
        X509Certificate leaf = chain.get(0);
        String subject = leaf.getSubjectX500Principal().getName().isEmpty() ? "(no subject name)"
                : leaf.getSubjectX500Principal().getName();
        List<String> ekus = extendedKeyUsages(leaf);
        if (!ekus.isEmpty() && !ekus.contains(CLIENT_AUTH) && !ekus.contains(ANY_EKU)) {
            out.add(new Handshake.ClientWarning("the client certificate '" + subject + "' lacks the extended key usage "
                    + "clientAuth (TLS client authentication), so a server that checks it refuses it" + MAY_REFUSE,
                    "use a client certificate (certa cert create NAME --profile client, or certa sign --profile client)"));
        }
        if (!r.acceptedIssuers().isEmpty() && !fromListedCa(chain, r.acceptedIssuers())) {
            out.add(new Handshake.ClientWarning("the client certificate '" + subject + "' is not issued by a CA the server lists ("
                    + String.join("; ", r.acceptedIssuers().stream().map(X500Principal::getName).toList()) + ")" + MAY_REFUSE,
                    "use a client certificate issued under one of the listed CAs, and send its intermediates in the --cert file"));
        }
        return out;
    }

    /** True if some certificate of the chain sent is issued by, or is, a CA the server listed. */
    private static boolean fromListedCa(List<X509Certificate> chain, List<X500Principal> listed) {
        for (X509Certificate c : chain) {
            if (listed.contains(c.getIssuerX500Principal()) || listed.contains(c.getSubjectX500Principal())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> extendedKeyUsages(X509Certificate c) {
        try {
            List<String> ekus = c.getExtendedKeyUsage();
            return ekus == null ? List.of() : ekus;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
