package dev.certa.core.path;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A leaf and its chain in the order a server should send them (cfssl's "bundle").
 *
 * @param chain the leaf, then each intermediate up to (not including) the root: the content of
 *     fullchain.pem
 * @param root the trust anchor the chain ends at, when one was found; servers need not send it
 * @param extras certificates given that the chain does not use (decoys, old cross-signs, unrelated
 *     CAs), each once; a root given is in {@code root}, not here
 * @param verdict the validation behind the ordering; when not trusted, {@code chain} follows the path
 *     that came closest
 */
public record Bundle(List<X509Certificate> chain, Optional<X509Certificate> root, List<X509Certificate> extras, Verdict verdict) {

    public Bundle {
        chain = List.copyOf(chain);
        Objects.requireNonNull(root);
        extras = List.copyOf(extras);
        Objects.requireNonNull(verdict);
    }
}
