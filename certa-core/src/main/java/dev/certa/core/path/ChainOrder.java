package dev.certa.core.path;

import static dev.certa.core.path.Texts.q;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Warnings about how a peer sent its chain, judged against the path found: the root sent along
 * (needless bytes on every handshake), certificates the path does not use (told apart from
 * cross-certificates, which other clients may need), and intermediates out of order (RFC 8446
 * tolerates it, but older clients do not).
 */
final class ChainOrder {
    private ChainOrder() {}

    static Verdict addWarnings(Verdict v, List<X509Certificate> presented, Purpose purpose) {
        if (v.path().isEmpty()) {
            return v;
        }
        List<Finding> extra = new ArrayList<>();
        List<X509Certificate> sent = presented.subList(1, presented.size());
        PathLink last = v.path().get(v.path().size() - 1);
        List<byte[]> used = new ArrayList<>();
        for (PathLink l : v.path()) {
            used.add(TrustStore.der(l.certificate()));
        }
        List<byte[]> sentUsed = new ArrayList<>();
        for (X509Certificate c : sent) {
            byte[] der = TrustStore.der(c);
            boolean isAnchor = last.role() == PathLink.Role.ANCHOR && Arrays.equals(der, used.get(used.size() - 1));
            if (isAnchor) {
                extra.add(Finding.warning(Check.CHAIN_ORDER, last.position(), last.subject(), "this root was sent in the chain;"
                        + " clients already have it, so sending it only costs bytes on every connection",
                        "serve the chain without the root (fullchain.pem holds the certificate and intermediates only)"));
                sentUsed.add(der);
            } else if (indexOf(used, der) < 0) {
                String subject = c.getSubjectX500Principal().getName();
                Optional<PathLink> same = sameCa(c, v.path());
                if (same.isPresent()) {
                    extra.add(crossCertificate(c, same.get()));
                } else {
                    extra.add(Finding.chainWarning(Check.CHAIN_ORDER, q(subject) + " was sent but is not part of the path to the root",
                            "remove it from the chain file"));
                }
            } else if (indexOf(sentUsed, der) < 0) {
                sentUsed.add(der);
            }
        }
        if (!inPathOrder(sentUsed, used)) {
            extra.add(Finding.chainWarning(Check.CHAIN_ORDER, purpose.sender() + " sent the chain in the wrong order: each certificate"
                    + " should be followed by the one that issued it", "serve the certificate first, then each issuer in turn"
                            + " (the order of fullchain.pem)"));
        }
        if (extra.isEmpty()) {
            return v;
        }
        List<Finding> warnings = new ArrayList<>(v.warnings());
        warnings.addAll(extra);
        return new Verdict(v.trusted(), v.trustedBy(), v.storesSearched(), v.path(), v.problems(), warnings);
    }

    /**
     * A cross-certificate: the same CA (same subject name and key) as a certificate on the path, issued by
     * another CA. It is how a newer root reaches clients that only trust an older one (root E cross-signed
     * by root F); the path found did not need it, but clients with other trust stores may.
     */
    private static Finding crossCertificate(X509Certificate cross, PathLink same) {
        String subject = cross.getSubjectX500Principal().getName();
        String issuer = cross.getIssuerX500Principal().getName();
        String role = same.role() == PathLink.Role.ANCHOR ? "the trusted root" : "the CA on the path";
        return Finding.chainWarning(Check.CHAIN_ORDER, q(subject) + " was sent as a cross-certificate: the same CA (name and key) as "
                        + role + ", issued by " + q(issuer) + "; this path did not need it, but clients that trust only "
                        + q(issuer) + " need it to reach a root",
                "keep it while any client may trust only " + q(issuer) + " and not " + q(subject)
                        + "; remove it only when every client has " + q(subject) + " as a root");
    }

    /** The path certificate that is the same CA as {@code c} (same subject and key) under another issuer, if any. */
    private static Optional<PathLink> sameCa(X509Certificate c, List<PathLink> path) {
        if (c.getIssuerX500Principal().equals(c.getSubjectX500Principal())) {
            return Optional.empty();
        }
        byte[] key = c.getPublicKey().getEncoded();
        for (PathLink l : path) {
            X509Certificate p = l.certificate();
            if (p.getSubjectX500Principal().equals(c.getSubjectX500Principal()) && Arrays.equals(p.getPublicKey().getEncoded(), key)
                    && !p.getIssuerX500Principal().equals(c.getIssuerX500Principal())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** True when the path's certificates that were sent (the root included) come in path order, right after the leaf. */
    private static boolean inPathOrder(List<byte[]> sentUsed, List<byte[]> used) {
        int expected = 1;
        for (byte[] der : sentUsed) {
            if (expected >= used.size() || !Arrays.equals(used.get(expected), der)) {
                return false;
            }
            expected++;
        }
        return true;
    }

    private static int indexOf(List<byte[]> list, byte[] der) {
        for (int i = 0; i < list.size(); i++) {
            if (Arrays.equals(list.get(i), der)) {
                return i;
            }
        }
        return -1;
    }
}
