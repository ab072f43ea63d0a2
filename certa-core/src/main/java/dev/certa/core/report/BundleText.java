package dev.certa.core.report;

import dev.certa.core.path.Bundle;
import dev.certa.core.path.Finding;
import dev.certa.core.path.Verdict;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A {@link Bundle} described for a person: the chain in the order to serve it, the root left out,
 * and each certificate that was given but is not on the path.
 *
 * <pre>
 * Chain, in the order to serve it (leaf first):
 *   [0] CN=api.example.com
 *   [1] CN=Example Intermediate CA
 * Root, not included (clients have it): CN=Example Root CA (trusted by roots.pem; it was among the
 *   certificates given, and servers need not send it)
 * Left out:
 *   - CN=Old Cross-Signed CA: not on the path to the root
 * </pre>
 */
public final class BundleText {
    private BundleText() {}

    /** {@code given}: every certificate handed to the bundler, leaf included, to say whether the root was among them. */
    public static String render(Bundle bundle, List<X509Certificate> given) {
        StringBuilder sb = new StringBuilder("Chain, in the order to serve it (leaf first):\n");
        List<X509Certificate> chain = bundle.chain();
        for (int i = 0; i < chain.size(); i++) {
            sb.append("  [").append(i).append("] ").append(CertificateLabels.of(chain.get(i))).append('\n');
        }
        Verdict v = bundle.verdict();
        if (bundle.root().isPresent()) {
            sb.append("Root, not included (clients have it): ").append(CertificateLabels.of(bundle.root().get()))
                    .append(v.trustedBy().map(s -> " (trusted by " + s).orElse(" (in no trust store searched"))
                    .append(given.contains(bundle.root().get()) ? "; it was among the certificates given, and servers need not send it)"
                            : ")")
                    .append('\n');
        } else {
            X509Certificate last = chain.get(chain.size() - 1);
            sb.append("Incomplete: no issuer was found for ").append(CertificateLabels.of(last)).append(" (issuer ")
                    .append(CertificateLabels.issuer(last)).append(")\n")
                    .append("  Fix: add the certificate of ").append(CertificateLabels.issuer(last))
                    .append(" to the files, or its root with --roots\n");
        }
        if (!bundle.extras().isEmpty()) {
            sb.append("Left out:\n");
            for (X509Certificate c : bundle.extras()) {
                sb.append("  - ").append(CertificateLabels.of(c)).append(": ").append(why(c)).append('\n');
            }
        }
        if (!v.trusted()) {
            sb.append("Not trusted as it stands:\n");
            for (Finding f : v.problems()) {
                sb.append("  - ").append(f.message()).append('\n').append("    Fix: ").append(f.fix()).append('\n');
            }
        }
        for (Finding w : v.warnings()) {
            sb.append("Warning: ").append(w.message()).append('\n');
        }
        return sb.toString();
    }

    private static String why(X509Certificate c) {
        if (CertificateLabels.selfIssued(c)) {
            return "a root that is not on the path";
        }
        return "not on the path to the root";
    }
}
