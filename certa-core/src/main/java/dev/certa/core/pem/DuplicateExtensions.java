package dev.certa.core.pem;

import dev.certa.core.error.CertaException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a certificate, CSR or CRL refused by the parser because it holds one extension twice. RFC 5280
 * section 4.2: "A certificate MUST NOT include more than one instance of a particular extension." The
 * parser says so in its own words; this turns them into a reason that names the extension, so the
 * error is not mistaken for a damaged file.
 */
final class DuplicateExtensions {
    /** Bouncy Castle's words when an Extensions sequence repeats an OID. */
    private static final Pattern REPEATED = Pattern.compile("repeated extension found: ([0-9]+(?:\\.[0-9]+)+)");
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("2.5.29.14", "subjectKeyIdentifier"),
            Map.entry("2.5.29.15", "keyUsage"),
            Map.entry("2.5.29.17", "subjectAltName"),
            Map.entry("2.5.29.18", "issuerAltName"),
            Map.entry("2.5.29.19", "basicConstraints"),
            Map.entry("2.5.29.20", "cRLNumber"),
            Map.entry("2.5.29.30", "nameConstraints"),
            Map.entry("2.5.29.31", "cRLDistributionPoints"),
            Map.entry("2.5.29.32", "certificatePolicies"),
            Map.entry("2.5.29.35", "authorityKeyIdentifier"),
            Map.entry("2.5.29.36", "policyConstraints"),
            Map.entry("2.5.29.37", "extKeyUsage"),
            Map.entry("1.3.6.1.5.5.7.1.1", "authorityInfoAccess"),
            Map.entry("1.3.6.1.4.1.11129.2.4.2", "signedCertificateTimestampList"));

    private DuplicateExtensions() {}

    /** The repeated extension's OID, if {@code e} or one of its causes is the parser refusing a repeat. */
    static Optional<String> oid(@Nullable Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = REPEATED.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The error for {@code where} (a file, or a file and PEM block), if {@code e} is a repeated extension. */
    static Optional<CertaException> error(String where, @Nullable Throwable e) {
        return oid(e).map(oid -> CertaException.badInput(where + ": duplicate extension OID " + oid
                        + Optional.ofNullable(NAMES.get(oid)).map(n -> " (" + n + ")").orElse("")
                        + ": it appears twice, and RFC 5280 4.2 allows each extension at most once",
                "the certificate (or CSR, or CRL) is malformed: have its issuer make a new one", e));
    }
}
