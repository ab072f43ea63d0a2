package dev.certa.core.inspect;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an {@link Inspection} for a person: one compact, aligned block per item, headed by the
 * file and the item's position, e.g.
 *
 * <pre>
 * server.pem: certificate 1 of 2
 *   Subject:       CN=api.example.com
 *   Issuer:        CN=Example Intermediate CA,O=Example
 *   Valid:         2026-11-22 10:00 UTC to 2027-02-20 10:00 UTC (89 days left)
 *   Names:         DNS:api.example.com, IP:10.0.0.5
 *   Key:           EC P-256    Signature: SHA256withECDSA
 *   Type:          leaf (not a CA)   Key usage: digitalSignature   EKU: serverAuth
 *   Serial:        4F:1A:…
 *   SHA-256:       AB:CD:…
 * </pre>
 *
 * Times are UTC. The text is plain ASCII, so it prints the same in any locale.
 */
public final class TextRenderer {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int LABEL_WIDTH = 15;

    private TextRenderer() {}

    /** Every item of one file, separated by blank lines; ends with a newline. */
    public static String render(Inspection inspection) {
        Map<String, Integer> totals = new HashMap<>();
        inspection.items().forEach(i -> totals.merge(i.kind(), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<String> blocks = new ArrayList<>();
        for (InspectedItem item : inspection.items()) {
            int n = seen.merge(item.kind(), 1, Integer::sum);
            int total = totals.get(item.kind());
            StringBuilder sb = new StringBuilder();
            sb.append(inspection.source()).append(": ").append(item.label());
            if (total > 1) {
                sb.append(' ').append(n).append(" of ").append(total);
            }
            sb.append('\n');
            switch (item) {
                case CertificateView c -> certificate(sb, c);
                case CsrView r -> csr(sb, r, inspection);
                case PrivateKeyView k -> privateKey(sb, k, inspection);
                case PublicKeyView p -> publicKey(sb, p, inspection);
                case CrlView l -> crl(sb, l);
            }
            blocks.add(sb.toString());
        }
        return String.join("\n", blocks);
    }

    /** Several files one after the other, separated by blank lines. */
    public static String render(List<Inspection> inspections) {
        return String.join("\n", inspections.stream().map(TextRenderer::render).toList());
    }

    private static void certificate(StringBuilder sb, CertificateView c) {
        line(sb, "Subject", c.subject());
        line(sb, "Issuer", c.issuer());
        line(sb, "Valid", TIME.format(c.notBefore()) + " to " + TIME.format(c.notAfter()) + " (" + validity(c) + ")");
        list(sb, "Names", c.subjectAltNames());
        line(sb, "Key", c.key().display() + "    Signature: " + c.signatureAlgorithm());
        StringBuilder type = new StringBuilder(type(c));
        if (!c.keyUsage().isEmpty()) {
            type.append("   Key usage: ").append(String.join(", ", c.keyUsage()));
        }
        if (!c.extendedKeyUsage().isEmpty()) {
            type.append("   EKU: ").append(String.join(", ", c.extendedKeyUsage()));
        }
        line(sb, "Type", type.toString());
        c.nameConstraints().ifPresent(nc -> {
            list(sb, "Permitted", nc.permitted());
            list(sb, "Excluded", nc.excluded());
        });
        line(sb, "Serial", c.serial());
        line(sb, "SHA-256", c.sha256Fingerprint());
        line(sb, "Key SHA-256", c.publicKeySha256());
        c.subjectKeyId().ifPresent(v -> line(sb, "Key ID", v));
        c.authorityKeyId().ifPresent(v -> line(sb, "Issuer key ID", v));
        list(sb, "OCSP", c.ocspUrls());
        list(sb, "CA issuers", c.caIssuersUrls());
        list(sb, "CRL", c.crlUrls());
    }

    /** "89 days left", "EXPIRED 3 days ago", "NOT YET VALID". */
    static String validity(CertificateView c) {
        long d = c.daysLeft();
        return switch (c.status()) {
            case VALID -> d == 0 ? "expires in less than a day" : d + (d == 1 ? " day left" : " days left");
            case EXPIRED -> d == 0 ? "EXPIRED less than a day ago" : "EXPIRED " + -d + (d == -1 ? " day ago" : " days ago");
            case NOT_YET_VALID -> "NOT YET VALID";
        };
    }

    /** "leaf (not a CA)", "CA, path length 0", "CA, no path length limit, self-signed (a root)". */
    static String type(CertificateView c) {
        if (!c.ca()) {
            return "leaf (not a CA)" + (c.selfSigned() ? ", self-signed" : "");
        }
        String limit = c.pathLen().isPresent() ? "CA, path length " + c.pathLen().getAsInt() : "CA, no path length limit";
        return limit + (c.selfSigned() ? ", self-signed (a root)" : "");
    }

    private static void csr(StringBuilder sb, CsrView r, Inspection in) {
        line(sb, "Subject", r.subject());
        list(sb, "Names", r.subjectAltNames());
        line(sb, "Key", r.key().display() + "    Signature: " + r.signatureAlgorithm());
        line(sb, "Signed", r.signatureValid()
                ? "valid: the requester holds the private key"
                : "INVALID: the CSR was altered or signed with another key");
        r.requestsCa().ifPresent(ca -> line(sb, "Requests", ca ? "a CA certificate" : "a leaf certificate (not a CA)"));
        line(sb, "Key SHA-256", r.publicKeySha256());
        matches(sb, r.publicKeySha256(), in);
    }

    private static void privateKey(StringBuilder sb, PrivateKeyView k, Inspection in) {
        line(sb, "Key", k.key().display());
        line(sb, "Stored as", k.format() + (k.encrypted() && !k.format().contains("encrypted")
                ? ", password-protected" : k.encrypted() ? "" : ", not encrypted"));
        line(sb, "Key SHA-256", k.publicKeySha256() + " (of the public key)");
        matches(sb, k.publicKeySha256(), in);
    }

    private static void publicKey(StringBuilder sb, PublicKeyView p, Inspection in) {
        line(sb, "Key", p.key().display());
        line(sb, "Key SHA-256", p.publicKeySha256());
        matches(sb, p.publicKeySha256(), in);
    }

    private static void crl(StringBuilder sb, CrlView l) {
        line(sb, "Issuer", l.issuer());
        line(sb, "Issued", TIME.format(l.thisUpdate()));
        line(sb, "Next update", l.nextUpdate().map(TIME::format).orElse("not given")
                + (l.stale() ? " (STALE: a newer CRL should exist)" : ""));
        line(sb, "Revoked", l.revokedCount() + (l.revokedCount() == 1 ? " certificate" : " certificates"));
        l.crlNumber().ifPresent(n -> line(sb, "CRL number", n));
        line(sb, "Signature", l.signatureAlgorithm());
        l.authorityKeyId().ifPresent(v -> line(sb, "Issuer key ID", v));
    }

    /** Names the certificates in the same file that hold this key, so key and certificate pair up. */
    private static void matches(StringBuilder sb, String publicKeySha256, Inspection in) {
        List<CertificateView> certs = in.certificates();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < certs.size(); i++) {
            if (certs.get(i).publicKeySha256().equals(publicKeySha256)) {
                found.add("certificate " + (certs.size() > 1 ? (i + 1) + " " : "") + "(" + certs.get(i).subject() + ")");
            }
        }
        if (!found.isEmpty()) {
            line(sb, "Belongs to", String.join(", ", found));
        }
    }

    private static void list(StringBuilder sb, String label, List<String> values) {
        if (!values.isEmpty()) {
            line(sb, label, String.join(", ", values));
        }
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append("  ").append(label).append(':');
        sb.append(" ".repeat(Math.max(1, LABEL_WIDTH - label.length() - 1)));
        sb.append(value).append('\n');
    }
}
