package dev.certa.core.bundle;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Ordering helpers for chains read from files. */
public final class Chains {
    private Chains() {}

    /** True when the certificate is self-signed (subject equals issuer and its own key verifies it). */
    public static boolean isSelfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The chain without any self-signed root: what a server should send after its own certificate. */
    public static List<X509Certificate> withoutRoots(List<X509Certificate> chain) {
        List<X509Certificate> out = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (!isSelfSigned(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
