package dev.certa.core.path;

import java.security.cert.X509Certificate;
import java.util.Optional;

/** TEMPORARY stand-in until helper/names is merged (replaced by that branch's class); checks nothing. */
public final class NameConstraintsState {
    private static final NameConstraintsState UNCONSTRAINED = new NameConstraintsState();

    public static NameConstraintsState unconstrained() {
        return UNCONSTRAINED;
    }

    public NameConstraintsState apply(X509Certificate caCert) throws NameConstraintException {
        return this;
    }

    public Optional<String> violation(X509Certificate cert, boolean isLeaf) {
        return Optional.empty();
    }
}
