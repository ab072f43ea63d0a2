package dev.certa.core.path;

import java.util.Optional;

/** A certificate on a path being built; {@code store} is set for trust anchors. */
record Node(CertificateFacts facts, Optional<String> store) {
    boolean isAnchor() {
        return store.isPresent();
    }
}
