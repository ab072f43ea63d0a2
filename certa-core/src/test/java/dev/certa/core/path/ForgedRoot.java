package dev.certa.core.path;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

/** A self-signed root made by {@link Forge}, its key, and a trust store holding it: what a path test starts from. */
record ForgedRoot(KeyPair key, X509Certificate certificate, TrustStore store) {
    static ForgedRoot named(String subject) {
        KeyPair key = Forge.key();
        X509Certificate root = Forge.cert(subject, key).ca().build();
        return new ForgedRoot(key, root, TrustStore.of("roots", List.of(root)));
    }
}
