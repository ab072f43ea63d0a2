package dev.certa.core.path;

import dev.certa.core.crypto.CryptoProviders;
import dev.certa.core.key.KeyType;
import dev.certa.core.testing.Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for name tests, built directly with Bouncy Castle so that they can hold what certa would
 * never issue: malformed names, wildcards in odd places, any name constraints. Every certificate is
 * signed with the same key; these tests never verify signatures.
 */
final class TestCerts {
    private TestCerts() {}

    /** A certificate for {@code subject} (RFC 4514 text, written most-general first: "C=US,O=Example,CN=leaf"). */
    static Builder cert(String subject) {
        return new Builder(subject);
    }

    static final class Builder {
        private final X500Name subject;
        private X500Name issuer = new X500Name("CN=Test Root");
        private final List<ASN1Encodable> sans = new ArrayList<>();
        private byte[] rawSan;
        private ASN1Encodable nameConstraints;
        private boolean ca;

        private Builder(String subject) {
            this.subject = new X500Name(BCStyle.INSTANCE, subject);
        }

        Builder issuer(String dn) {
            this.issuer = new X500Name(BCStyle.INSTANCE, dn);
            return this;
        }

        /** Subject and issuer equal. */
        Builder selfIssued() {
            this.issuer = subject;
            return this;
        }

        Builder ca() {
            this.ca = true;
            return this;
        }

        Builder dns(String... names) {
            Arrays.stream(names).forEach(n -> sans.add(new GeneralName(GeneralName.dNSName, new DERIA5String(n))));
            return this;
        }

        Builder ip(byte[]... addresses) {
            Arrays.stream(addresses).forEach(a -> sans.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(a))));
            return this;
        }

        Builder ip(String... addresses) {
            Arrays.stream(addresses).forEach(a -> ip(IpText.parse(a).orElseThrow()));
            return this;
        }

        Builder email(String... addresses) {
            Arrays.stream(addresses).forEach(a -> sans.add(new GeneralName(GeneralName.rfc822Name, new DERIA5String(a))));
            return this;
        }

        Builder uri(String... uris) {
            Arrays.stream(uris).forEach(u -> sans.add(new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(u))));
            return this;
        }

        Builder dirName(String dn) {
            sans.add(new GeneralName(new X500Name(BCStyle.INSTANCE, dn)));
            return this;
        }

        /** Any GeneralName, e.g. an otherName. */
        Builder san(ASN1Encodable generalName) {
            sans.add(generalName);
            return this;
        }

        /** The subject alternative name extension's value, byte for byte. */
        Builder rawSan(byte[] der) {
            this.rawSan = der.clone();
            return this;
        }

        Builder permits(GeneralSubtree... trees) {
            return constraints(trees, null);
        }

        Builder excludes(GeneralSubtree... trees) {
            return constraints(null, trees);
        }

        Builder constraints(GeneralSubtree[] permitted, GeneralSubtree[] excluded) {
            List<ASN1Encodable> parts = new ArrayList<>();
            if (permitted != null) {
                parts.add(new DERTaggedObject(false, 0, new DERSequence(permitted)));
            }
            if (excluded != null) {
                parts.add(new DERTaggedObject(false, 1, new DERSequence(excluded)));
            }
            this.nameConstraints = new DERSequence(parts.toArray(ASN1Encodable[]::new));
            this.ca = true;
            return this;
        }

        /** The name constraints extension's value as given, however malformed. */
        Builder rawConstraints(ASN1Encodable value) {
            this.nameConstraints = value;
            this.ca = true;
            return this;
        }

        X509Certificate build() {
            KeyPair key = Keys.of(KeyType.EC_P256);
            Date from = new Date(1_700_000_000_000L);
            Date to = new Date(1_900_000_000_000L);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(1 + (subject.hashCode() & 0x7fffffffL)),
                    from, to, subject, key.getPublic());
            try {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                if (rawSan != null) {
                    b.addExtension(Extension.subjectAlternativeName, false, rawSan);
                } else if (!sans.isEmpty()) {
                    b.addExtension(Extension.subjectAlternativeName, subject.getRDNs().length == 0, new DERSequence(sans.toArray(ASN1Encodable[]::new)));
                }
                if (nameConstraints != null) {
                    b.addExtension(Extension.nameConstraints, true, nameConstraints);
                }
                // Bouncy Castle's certificate class decodes extensions lazily, so even an extension the JDK's
                // parser refuses (a 9-byte IP constraint) reaches the code under test
                return new JcaX509CertificateConverter().setProvider(CryptoProviders.bouncyCastleAlone()).getCertificate(
                        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (CertificateException | OperatorCreationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static GeneralSubtree dns(String base) {
        return new GeneralSubtree(new GeneralName(GeneralName.dNSName, new DERIA5String(base)));
    }

    static GeneralSubtree email(String base) {
        return new GeneralSubtree(new GeneralName(GeneralName.rfc822Name, new DERIA5String(base)));
    }

    static GeneralSubtree uri(String base) {
        return new GeneralSubtree(new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(base)));
    }

    static GeneralSubtree dir(String dn) {
        return new GeneralSubtree(new GeneralName(new X500Name(BCStyle.INSTANCE, dn)));
    }

    /** "192.0.2.0/24", "2001:db8::/32". */
    static GeneralSubtree ip(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] address = IpText.parse(cidr.substring(0, slash)).orElseThrow();
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        byte[] mask = new byte[address.length];
        for (int i = 0; i < prefix; i++) {
            mask[i / 8] |= (byte) (0x80 >> (i % 8));
        }
        byte[] both = Arrays.copyOf(address, address.length * 2);
        System.arraycopy(mask, 0, both, address.length, mask.length);
        return ipRaw(both);
    }

    static GeneralSubtree ipRaw(byte[] addressAndMask) {
        return new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(addressAndMask)));
    }

    /** An otherName of a private type, as a SAN entry or (wrapped) a constraint base. */
    static GeneralName otherName() {
        ASN1Encodable value = new DERSequence(new ASN1Encodable[] {
                new ASN1ObjectIdentifier("1.3.6.1.4.1.55738.666.1"), new DERTaggedObject(true, 0, new DERUTF8String("x"))});
        return new GeneralName(GeneralName.otherName, value);
    }

    static GeneralName registeredId() {
        return new GeneralName(GeneralName.registeredID, new ASN1ObjectIdentifier("1.3.6.1.4.1.55738.666.2"));
    }
}
