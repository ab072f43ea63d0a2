package dev.certa.core.path;

import static dev.certa.core.path.TestCerts.cert;

import java.util.Optional;
import org.bouncycastle.asn1.x509.GeneralSubtree;

/** One CA, "CN=Constrained CA", with name constraints, and leaves issued below it. */
final class ConstrainedCa {
    private ConstrainedCa() {}

    /** The state below the CA when it permits only {@code trees}. */
    static NameConstraintsState permitting(GeneralSubtree... trees) throws NameConstraintException {
        return NameConstraintsState.unconstrained().apply(cert("CN=Constrained CA").permits(trees).build());
    }

    /** The state below the CA when it excludes {@code trees}. */
    static NameConstraintsState excluding(GeneralSubtree... trees) throws NameConstraintException {
        return NameConstraintsState.unconstrained().apply(cert("CN=Constrained CA").excludes(trees).build());
    }

    /** The verdict on a leaf (issued by the CA) under {@code state}. */
    static Optional<String> leaf(NameConstraintsState state, TestCerts.Builder b) {
        return state.violation(b.issuer("CN=Constrained CA").build(), true);
    }

    static TestCerts.Builder leafFor(String... dns) {
        return cert("CN=leaf").dns(dns);
    }
}
