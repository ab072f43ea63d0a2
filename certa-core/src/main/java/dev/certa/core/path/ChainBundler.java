package dev.certa.core.path;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Puts a leaf and a pile of certificates (any order, duplicates, the root, unrelated CAs) into the
 * order a server should send: leaf, then intermediates up to the root, root left out. It builds the
 * path with {@link PathValidator}, so the order is one a client can verify, and flags what was left
 * over.
 */
public final class ChainBundler {
    private final PathValidator validator;

    public ChainBundler(PathValidator validator) {
        this.validator = validator;
    }

    public ChainBundler() {
        this(new PathValidator());
    }

    /**
     * Bundles {@code leaf} with the certificates of {@code pile} that lead to an anchor of
     * {@code stores}. When no trusted path exists, the bundle follows the path that came closest and its
     * verdict says why.
     */
    public Bundle bundle(X509Certificate leaf, List<X509Certificate> pile, List<TrustStore> stores, ValidationOptions options) {
        Verdict verdict = validator.validate(leaf, pile, stores, options);
        List<X509Certificate> chain = new ArrayList<>();
        Optional<X509Certificate> root = Optional.empty();
        for (PathLink link : verdict.path()) {
            if (link.role() == PathLink.Role.ANCHOR) {
                root = Optional.of(link.certificate());
            } else if (link.role() == PathLink.Role.UNTRUSTED_END && link.position() > 0
                    && link.certificate().getSubjectX500Principal().equals(link.certificate().getIssuerX500Principal())) {
                root = Optional.of(link.certificate()); // a self-signed root nobody trusts: still not sent
            } else {
                chain.add(link.certificate());
            }
        }
        List<X509Certificate> extras = new ArrayList<>();
        List<X509Certificate> used = new ArrayList<>(chain);
        root.ifPresent(used::add);
        for (X509Certificate c : pile) {
            if (!containsEncoding(used, c) && !containsEncoding(extras, c)) {
                extras.add(c);
            }
        }
        return new Bundle(chain, root, extras, verdict);
    }

    private static boolean containsEncoding(List<X509Certificate> list, X509Certificate c) {
        byte[] der = TrustStore.der(c);
        for (X509Certificate x : list) {
            if (Arrays.equals(TrustStore.der(x), der)) {
                return true;
            }
        }
        return false;
    }
}
