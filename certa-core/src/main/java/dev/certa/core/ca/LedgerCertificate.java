package dev.certa.core.ca;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.name.IpAddresses;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A certificate an offline CA issued, as its ledger records it: enough to list and search it without
 * parsing, and the DER itself, so the CA keeps a copy of everything it handed out.
 *
 * @param issuer which of the directory's CAs signed it: {@code root} or an intermediate's name ({@code ca})
 * @param issuerKey {@link #keyId} of the issuing CA's certificate: the CA that must list it in its CRL
 * @param names the subject alternative names, as {@code DNS:api.example.com}, {@code IP:10.0.0.1}
 * @param profile the profile it was issued under ({@code server}, {@code client}, {@code intermediate}…)
 */
public record LedgerCertificate(BigInteger serial, String issuer, String issuerKey, String subject, List<String> names,
        String profile, Instant notBefore, Instant notAfter, byte[] der) implements LedgerRecord {

    public LedgerCertificate {
        names = List.copyOf(names);
        der = der.clone();
    }

    /** Records {@code cert}, issued by {@code issuerCert} (the CA named {@code issuer} in the directory). */
    public static LedgerCertificate of(X509Certificate cert, X509Certificate issuerCert, String issuer, String profile) {
        try {
            return new LedgerCertificate(cert.getSerialNumber(), issuer, keyId(issuerCert),
                    cert.getSubjectX500Principal().getName(), names(cert), profile, cert.getNotBefore().toInstant(),
                    cert.getNotAfter().toInstant(), cert.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new CertaException(ErrorKind.INTERNAL, "a certificate certa issued cannot be encoded", null, e);
        }
    }

    /** Identifies a CA by its key: the SHA-256 of its certificate's SubjectPublicKeyInfo, in hex. */
    public static String keyId(X509Certificate ca) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ca.getPublicKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The serial as certa prints it: lower-case hex. */
    public String serialHex() {
        return serial.toString(16);
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    /** The certificate, parsed from the recorded DER. */
    public X509Certificate certificate() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw CertaException.badInput("the ledger's copy of serial " + serialHex() + " is not a readable certificate",
                    "restore the ledger from a backup");
        }
    }

    /** Whether the certificate's names or subject contain {@code text}, ignoring case. */
    public boolean mentions(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return subject.toLowerCase(java.util.Locale.ROOT).contains(t)
                || names.stream().anyMatch(n -> n.toLowerCase(java.util.Locale.ROOT).contains(t));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerCertificate c && serial.equals(c.serial) && issuer.equals(c.issuer)
                && issuerKey.equals(c.issuerKey) && subject.equals(c.subject) && names.equals(c.names)
                && profile.equals(c.profile) && notBefore.equals(c.notBefore) && notAfter.equals(c.notAfter)
                && Arrays.equals(der, c.der);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serial, issuerKey) * 31 + Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "LedgerCertificate[serial=" + serialHex() + ", issuer=" + issuer + ", subject=" + subject + ", names=" + names + "]";
    }

    private static List<String> names(X509Certificate cert) {
        Collection<List<?>> sans;
        try {
            sans = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (sans != null) {
            for (List<?> san : sans) {
                String value = String.valueOf(san.get(1));
                out.add(switch ((Integer) san.get(0)) {
                    case 1 -> "email:" + value;
                    case 2 -> "DNS:" + value;
                    case 6 -> "URI:" + value;
                    case 7 -> "IP:" + IpAddresses.canonical(value);
                    default -> value;
                });
            }
        }
        return out;
    }
}
