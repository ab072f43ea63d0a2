package dev.certa.server.ra.acme;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;

/**
 * A certificate's ARI identifier (RFC 9773 section 4.1): the key identifier of its Authority Key
 * Identifier extension and its serial number's DER integer bytes, each base64url without padding,
 * joined by a dot — {@code aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE}. Clients compute it from the
 * certificate they hold; it names the certificate in {@code renewalInfo} URLs and in a newOrder's
 * {@code replaces}.
 */
public record CertId(byte[] keyIdentifier, BigInteger serial) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final int MAX_LENGTH = 200;

    public CertId {
        keyIdentifier = keyIdentifier.clone();
        if (serial.signum() <= 0) {
            throw new IllegalArgumentException("serial must be positive");
        }
    }

    @Override
    public byte[] keyIdentifier() {
        return keyIdentifier.clone();
    }

    /** Reads an identifier a client sent; {@code malformed} when it is not one. */
    public static CertId parse(String text) {
        if (text.length() > MAX_LENGTH || !FORM.matcher(text).matches()) {
            throw new AcmeException(AcmeError.MALFORMED, "'" + shortened(text) + "' is not an ARI certificate id: write base64url(key"
                    + " identifier of the Authority Key Identifier) \".\" base64url(serial number), RFC 9773 section 4.1");
        }
        int dot = text.indexOf('.');
        byte[] keyId;
        byte[] serial;
        try {
            keyId = Base64.getUrlDecoder().decode(text.substring(0, dot));
            serial = Base64.getUrlDecoder().decode(text.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new AcmeException(AcmeError.MALFORMED, "the ARI certificate id '" + shortened(text) + "' is not valid base64url");
        }
        BigInteger s = new BigInteger(serial.length == 0 ? new byte[] {0} : serial);
        if (keyId.length == 0 || s.signum() <= 0) {
            throw new AcmeException(AcmeError.MALFORMED, "the ARI certificate id '" + shortened(text)
                    + "' has an empty key identifier or a serial number that is not positive");
        }
        return new CertId(keyId, s);
    }

    /** The identifier of {@code certificate}, if it has an Authority Key Identifier with a key identifier. */
    public static Optional<CertId> of(X509Certificate certificate) {
        byte[] ext = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        if (ext == null) {
            return Optional.empty();
        }
        try {
            byte[] keyId = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getKeyIdentifierOctets();
            return keyId == null ? Optional.empty() : Optional.of(new CertId(keyId, certificate.getSerialNumber()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether both name the same certificate. */
    public boolean sameAs(CertId other) {
        return serial.equals(other.serial) && Arrays.equals(keyIdentifier, other.keyIdentifier);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertId c && sameAs(c);
    }

    @Override
    public int hashCode() {
        return serial.hashCode() * 31 + Arrays.hashCode(keyIdentifier);
    }

    @Override
    public String toString() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(keyIdentifier) + "." + b64.encodeToString(serial.toByteArray());
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
