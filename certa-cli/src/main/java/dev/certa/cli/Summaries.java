package dev.certa.cli;

import dev.certa.core.lint.LintFinding;
import dev.certa.core.profile.Profile;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/** One-line descriptions of what a command made. */
final class Summaries {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Summaries() {}

    static String subject(X509Certificate c) {
        String s = c.getSubjectX500Principal().getName();
        return s.isEmpty() ? "(no subject)" : s;
    }

    static String until(X509Certificate c) {
        return "valid until " + DATE.format(c.getNotAfter().toInstant());
    }

    static String fingerprint(X509Certificate c) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String names(X509Certificate c) {
        try {
            var sans = c.getSubjectAlternativeNames();
            if (sans == null) {
                return "(none)";
            }
            return String.join(", ", sans.stream().map(l -> switch ((Integer) l.get(0)) {
                case 1 -> "email:" + l.get(1);
                case 2 -> "DNS:" + l.get(1);
                case 6 -> "URI:" + l.get(1);
                case 7 -> "IP:" + dev.certa.core.name.IpAddresses.canonical(String.valueOf(l.get(1)));
                default -> String.valueOf(l.get(1));
            }).toList());
        } catch (java.security.cert.CertificateParsingException e) {
            return "(unreadable)";
        }
    }

    /** What the holder does with the fullchain file: a server serves it, a client presents it when asked. */
    static String fullchainUse(Profile p) {
        if (p.serverAuth() && p.clientAuth()) {
            return "certificate + intermediate: serve it, or present it as a client certificate";
        }
        if (p.serverAuth()) {
            return "certificate + intermediate: serve this one";
        }
        if (p.clientAuth()) {
            return "certificate + intermediate: the client presents this one, with its key (e.g. curl --cert FILE --key KEY)";
        }
        return "certificate + intermediate";
    }

    static void warnings(PrintWriter out, List<LintFinding> warnings) {
        for (LintFinding w : warnings) {
            out.println("Warning: " + w.describe());
        }
    }
}
