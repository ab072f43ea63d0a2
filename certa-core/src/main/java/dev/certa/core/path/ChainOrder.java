package dev.certa.core.path;

import java.security.cert.X509Certificate;
import java.util.List;

/** Warnings about how a chain was sent: order, extras, a needless root. */
final class ChainOrder {
    private ChainOrder() {}

    static Verdict addWarnings(Verdict v, List<X509Certificate> presented, Purpose purpose) {
        return v;
    }
}
