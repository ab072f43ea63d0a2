package dev.certa.core.path;

import static dev.certa.core.path.Texts.q;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Warnings about how a peer sent its chain, judged against the path found: the root sent along
 * (needless bytes on every handshake), certificates the path does not use, and intermediates out of
 * order (RFC 8446 tolerates it, but older clients do not).
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
                extra.add(Finding.chainWarning(Check.CHAIN_ORDER, q(subject) + " was sent but is not part of the path to the root",
                        "remove it from the chain file"));
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
