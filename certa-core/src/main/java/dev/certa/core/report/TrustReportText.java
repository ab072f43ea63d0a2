package dev.certa.core.report;

import dev.certa.core.path.Finding;
import dev.certa.core.path.PathLink;
import dev.certa.core.path.ValidationMode;
import dev.certa.core.path.Verdict;
import dev.certa.core.path.revocation.RevocationStatus;
import dev.certa.core.probe.ClientCertificateRequest;
import dev.certa.core.probe.Handshake;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link TrustReport} as text for a terminal, plain ASCII:
 *
 * <pre>
 * api.example.com: NOT TRUSTED
 *   [0] CN=api.example.com            leaf          expired 3 days ago (notAfter 2026-11-19 10:00 UTC)
 *   [1] CN=Example Intermediate CA    intermediate  ok
 *   [2] CN=Example Root CA            root          trusted (store: roots.pem)
 * Problems:
 *   - [0] CN=api.example.com: expired 3 days ago (notAfter 2026-11-19 10:00 UTC)
 *     Fix: renew the certificate
 * Checked at 2026-11-22 10:00 UTC for TLS server authentication of api.example.com (rules: web-pki);
 * trust stores: roots.pem
 * </pre>
 *
 * A probe adds the connection (version, cipher suite, ALPN, stapled OCSP), the certificates in the
 * order the server sent them, and what happened about a client certificate.
 */
public final class TrustReportText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int MAX_LABEL = 48;

    private TrustReportText() {}

    public static String render(TrustReport report) {
        StringBuilder sb = new StringBuilder();
        Verdict v = report.verdict();
        sb.append(report.name()).append(": ").append(v.trusted() ? "TRUSTED" : "NOT TRUSTED").append('\n');
        path(sb, v);
        findings(sb, "Problems:", v.problems(), v);
        findings(sb, "Warnings:", v.warnings(), v);
        revocation(sb, report.revocation());
        sb.append("Checked at ").append(TIME.format(report.at())).append(" for ").append(report.options().purpose().description());
        if (!report.options().expectedNames().isEmpty()) {
            sb.append(" of ").append(report.options().expectedNames().stream().map(n -> n.value()).collect(Collectors.joining(", ")));
        }
        sb.append(" (rules: ").append(rules(report.options().mode())).append("); trust stores: ")
                .append(v.storesSearched().isEmpty() ? "none" : String.join(", ", v.storesSearched())).append('\n');
        report.handshake().ifPresent(h -> handshake(sb, h));
        return sb.toString();
    }

    /** The rule book as the --rules option names it. */
    static String rules(ValidationMode mode) {
        return switch (mode) {
            case WEB_PKI -> "web-pki";
            case RFC5280 -> "rfc5280";
        };
    }

    private static void path(StringBuilder sb, Verdict v) {
        int width = 0;
        for (PathLink l : v.path()) {
            width = Math.max(width, Math.min(MAX_LABEL, CertificateLabels.of(l.certificate()).length()));
        }
        for (PathLink l : v.path()) {
            String label = CertificateLabels.of(l.certificate());
            sb.append("  [").append(l.position()).append("] ").append(pad(label, width)).append("  ")
                    .append(pad(role(l), 12)).append("  ").append(status(l, v)).append('\n');
        }
    }

    /** "leaf", "intermediate", "root", "anchor" (a trusted CA that is not self-signed). */
    static String role(PathLink l) {
        boolean selfIssued = CertificateLabels.selfIssued(l.certificate());
        return switch (l.role()) {
            case LEAF -> "leaf";
            case INTERMEDIATE -> "intermediate";
            case ANCHOR -> selfIssued ? "root" : "anchor";
            case UNTRUSTED_END -> l.position() == 0 ? "leaf" : selfIssued ? "root" : "intermediate";
        };
    }

    /** The first problem (or warning) found at the link's position, or how it fared. */
    static String status(PathLink l, Verdict v) {
        List<Finding> errors = at(v.problems(), l.position());
        List<Finding> warnings = at(v.warnings(), l.position());
        if (!errors.isEmpty()) {
            return errors.get(0).message() + (errors.size() > 1 ? " (+" + (errors.size() - 1) + " more)" : "");
        }
        if (l.role() == PathLink.Role.ANCHOR) {
            return "trusted (store: " + l.store().orElse("?") + ")"
                    + (warnings.isEmpty() ? "" : "; " + warnings.get(0).message());
        }
        if (!warnings.isEmpty()) {
            return "ok; " + warnings.get(0).message();
        }
        if (l.role() == PathLink.Role.UNTRUSTED_END) {
            return "not trusted: in no trust store searched";
        }
        return l.status() == PathLink.Status.FAILED ? "failed" : "ok";
    }

    static List<Finding> at(List<Finding> findings, int position) {
        return findings.stream().filter(f -> f.position().isPresent() && f.position().getAsInt() == position).toList();
    }

    private static void findings(StringBuilder sb, String title, List<Finding> findings, Verdict v) {
        if (findings.isEmpty()) {
            return;
        }
        sb.append(title).append('\n');
        for (Finding f : findings) {
            sb.append("  - ");
            if (f.position().isPresent()) {
                int p = f.position().getAsInt();
                String who = p < v.path().size() ? CertificateLabels.of(v.path().get(p).certificate()) : f.subject().orElse("");
                sb.append('[').append(p).append("] ").append(who).append(": ");
            }
            sb.append(f.message()).append('\n');
            sb.append("    Fix: ").append(f.fix()).append('\n');
        }
    }

    private static void revocation(StringBuilder sb, List<RevocationStatus> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        sb.append("Revocation:\n");
        for (RevocationStatus s : statuses) {
            sb.append("  [").append(s.position()).append("] ").append(s.subject()).append(" (serial ").append(s.serialHex()).append("): ");
            switch (s.state()) {
                case GOOD -> sb.append("good");
                case REVOKED -> sb.append("REVOKED on ").append(TIME.format(s.revokedAt().orElseThrow()))
                        .append(s.reason().map(r -> " (" + r + ")").orElse(""));
                case UNUSABLE -> sb.append("cannot be checked");
                case UNKNOWN -> sb.append("unknown");
            }
            if (!s.sources().isEmpty()) {
                sb.append(" - ").append(String.join("; ", s.sources()));
            }
            sb.append('\n');
        }
    }

    private static void handshake(StringBuilder sb, Handshake h) {
        sb.append("Connection: ").append(h.target().address());
        h.target().serverName().ifPresent(n -> sb.append(" (SNI ").append(n).append(')'));
        sb.append(", ").append(h.protocol().isEmpty() ? "version unknown" : h.protocol())
                .append(", ").append(h.cipherSuite().isEmpty() ? "cipher suite unknown" : h.cipherSuite())
                .append(", ALPN ").append(h.alpn().orElse("none"))
                .append(", ").append(h.stapledOcsp().map(b -> "stapled OCSP response (" + b.length + " bytes)")
                        .orElse("no stapled OCSP response"))
                .append('\n');
        sb.append("Sent by the server, in this order:\n");
        for (int i = 0; i < h.certificates().size(); i++) {
            X509Certificate c = h.certificates().get(i);
            sb.append("  #").append(i).append(' ').append(CertificateLabels.of(c));
            sb.append(CertificateLabels.selfIssued(c) ? "  (self-signed)" : "  (issuer " + CertificateLabels.issuer(c) + ")");
            sb.append('\n');
        }
        h.clientCertificateRequest().ifPresent(r -> clientCertificate(sb, r));
        for (Handshake.ClientWarning w : h.clientWarnings()) {
            sb.append("Warning: ").append(w.reason()).append('\n');
            sb.append("  Fix: ").append(w.fix()).append('\n');
        }
        h.refusal().ifPresent(r -> {
            sb.append("Refused by the server: ").append(r.reason()).append('\n');
            sb.append("  Fix: ").append(r.fix()).append('\n');
        });
    }

    private static void clientCertificate(StringBuilder sb, ClientCertificateRequest r) {
        sb.append("Client certificate: the server asked for one");
        if (r.acceptedIssuers().isEmpty()) {
            sb.append(" and named no CAs (any it can verify)\n");
        } else {
            sb.append(", issued by one of these CAs:\n");
            r.acceptedIssuers().forEach(p -> sb.append("    ").append(CertificateLabels.name(p)).append('\n'));
        }
        sb.append(r.certificateSent() ? "  one was sent (--cert)\n" : "  none was sent\n");
    }

    private static String pad(String s, int width) {
        String t = s.length() > width ? s.substring(0, Math.max(0, width - 3)) + "..." : s;
        return t + " ".repeat(Math.max(0, width - t.length()));
    }
}
