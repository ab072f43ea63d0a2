package dev.certa.core.path;

import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.NameText;
import java.io.IOException;
import java.net.IDN;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The names a certificate claims, as name constraints see them (RFC 5280 §4.2.1.10, §6.1.3 (b)(c)):
 * the subject as a directory name (when not empty), the subject's emailAddress attributes as email
 * names, every subject alternative name, and, for a leaf with no subject alternative name extension,
 * each common name that reads as a host name or IP address (what legacy clients match against; Go and
 * rustls-webpki check it the same way). A DNS name that is written as an IP address is checked as both.
 */
@NullMarked
final class CertificateNames {
    private CertificateNames() {}

    /**
     * The names, or why they cannot be read.
     *
     * @param problem present when the subject alternative name extension cannot be decoded
     */
    record Names(List<CertName> names, Optional<String> problem) {}

    /** Thrown when the subject alternative name extension cannot be decoded. */
    static final class MalformedNamesException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedNamesException(String message) {
            super(message);
        }
    }

    static Names of(X509Certificate cert, boolean isLeaf) {
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        List<CertName> out = new ArrayList<>();
        if (subject.getRDNs().length > 0) {
            out.add(new CertName.Directory("the subject " + DistinguishedNames.display(subject), subject));
        }
        for (AttributeTypeAndValue atv : attributes(subject)) {
            if (atv.getType().equals(PKCSObjectIdentifiers.pkcs_9_at_emailAddress)) {
                Optional<String> text = text(atv.getValue());
                String shown = "the subject's emailAddress " + text.map(t -> "'" + NameMatching.printable(t) + "'").orElse("(not text)");
                out.add(new CertName.Email(shown, text.flatMap(Mailbox::parse).orElse(null)));
            }
        }
        Optional<List<GeneralName>> sans;
        try {
            sans = subjectAltNames(cert);
        } catch (MalformedNamesException e) {
            return new Names(List.of(), Optional.of(e.getMessage()));
        }
        if (sans.isPresent()) {
            for (GeneralName g : sans.get()) {
                out.addAll(fromGeneralName(g));
            }
        } else if (isLeaf) {
            out.addAll(commonNames(subject));
        }
        return new Names(List.copyOf(out), Optional.empty());
    }

    /**
     * The entries of the subject alternative name extension, each decoded; empty if there is no such extension.
     *
     * @throws MalformedNamesException if the extension, or any name in it, cannot be decoded, or it is empty
     */
    static Optional<List<GeneralName>> subjectAltNames(X509Certificate cert) throws MalformedNamesException {
        byte[] ext = cert.getExtensionValue(Extension.subjectAlternativeName.getId());
        if (ext == null) {
            return Optional.empty();
        }
        byte[] inner;
        try {
            inner = ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(ext)).getOctets();
        } catch (IOException | RuntimeException e) {
            throw new MalformedNamesException("the subject alternative name extension cannot be decoded");
        }
        return subjectAltNames(inner);
    }

    /**
     * As {@link #subjectAltNames(X509Certificate)} for the extension's value (the contents of extnValue) as found
     * in the certificate, or null when it has no such extension.
     */
    static Optional<List<GeneralName>> subjectAltNames(byte @Nullable [] inner) throws MalformedNamesException {
        if (inner == null) {
            return Optional.empty();
        }
        GeneralNames parsed;
        try {
            parsed = GeneralNames.getInstance(ASN1Primitive.fromByteArray(inner));
        } catch (IOException | RuntimeException e) {
            throw new MalformedNamesException("the subject alternative name extension cannot be decoded");
        }
        return subjectAltNames(parsed);
    }

    /** As {@link #subjectAltNames(byte[])} for the extension's value as Bouncy Castle has already read it. */
    static Optional<List<GeneralName>> subjectAltNames(GeneralNames parsed) throws MalformedNamesException {
        try {
            GeneralName[] names = parsed.getNames();
            if (names.length == 0) {
                throw new MalformedNamesException("the subject alternative name extension is empty");
            }
            for (GeneralName g : names) {
                decode(g);
            }
            return Optional.of(List.of(names));
        } catch (RuntimeException e) {
            throw new MalformedNamesException("the subject alternative name extension cannot be decoded");
        }
    }

    /** Decodes a name's content, so that a malformed one fails here rather than while matching. */
    private static void decode(GeneralName g) {
        switch (g.getTagNo()) {
            case GeneralName.dNSName, GeneralName.rfc822Name, GeneralName.uniformResourceIdentifier ->
                    ASN1IA5String.getInstance(g.getName()).getString();
            case GeneralName.iPAddress -> ASN1OctetString.getInstance(g.getName()).getOctets();
            case GeneralName.directoryName -> X500Name.getInstance(g.getName());
            default -> {
                if (NameForm.ofTag(g.getTagNo()).isEmpty()) {
                    throw new IllegalArgumentException("unknown GeneralName tag " + g.getTagNo());
                }
            }
        }
    }

    /** One subject alternative name as the names constraints apply to (two for a DNS name that is an IP address). */
    static List<CertName> fromGeneralName(GeneralName g) {
        return switch (g.getTagNo()) {
            case GeneralName.dNSName -> {
                String v = ASN1IA5String.getInstance(g.getName()).getString();
                String shown = "DNS:" + NameMatching.printable(v);
                CertName dns = new CertName.Dns(shown, NameMatching.checkableDnsName(v, true).orElse(null));
                Optional<byte[]> ip = IpText.parse(v);
                yield ip.isEmpty() ? List.of(dns)
                        : List.of(dns, new CertName.Ip(shown + " (an IP address written as a DNS name)", ip.get()));
            }
            case GeneralName.iPAddress -> {
                byte[] b = ASN1OctetString.getInstance(g.getName()).getOctets();
                boolean ok = b.length == 4 || b.length == 16;
                yield List.of(new CertName.Ip("IP:" + IpText.format(b), ok ? b : null));
            }
            case GeneralName.rfc822Name -> {
                String v = ASN1IA5String.getInstance(g.getName()).getString();
                yield List.of(new CertName.Email("email:" + NameMatching.printable(v), Mailbox.parse(v).orElse(null)));
            }
            case GeneralName.uniformResourceIdentifier -> {
                String v = ASN1IA5String.getInstance(g.getName()).getString();
                yield List.of(new CertName.Uri("URI:" + NameMatching.printable(v), UriHosts.host(v).orElse(null)));
            }
            case GeneralName.directoryName -> {
                X500Name dn = X500Name.getInstance(g.getName());
                yield List.of(new CertName.Directory("DirName:" + DistinguishedNames.display(dn), dn));
            }
            default -> {
                NameForm form = NameForm.ofTag(g.getTagNo()).orElseThrow();
                yield List.of(new CertName.Other(form, "a subject alternative name of form " + form.label()));
            }
        };
    }

    /** Common names that read as an IP address or a host name (IDNs in their A-label form); others are not names. */
    private static List<CertName> commonNames(X500Name subject) {
        List<CertName> out = new ArrayList<>();
        for (AttributeTypeAndValue atv : attributes(subject)) {
            if (!atv.getType().equals(BCStyle.CN)) {
                continue;
            }
            Optional<String> text = text(atv.getValue());
            if (text.isEmpty()) {
                continue;
            }
            String cn = text.get();
            String shown = "the common name '" + NameMatching.printable(cn)
                    + "' (checked as a host name because the certificate has no subject alternative names)";
            Optional<byte[]> ip = IpText.parse(cn);
            if (ip.isPresent()) {
                out.add(new CertName.Ip(shown, ip.get()));
                continue;
            }
            asciiForm(cn).flatMap(a -> NameMatching.checkableDnsName(a, true))
                    .ifPresent(dns -> out.add(new CertName.Dns(shown, dns)));
        }
        return out;
    }

    private static Optional<String> asciiForm(String name) {
        if (name.chars().allMatch(c -> c < 0x80)) {
            return Optional.of(name);
        }
        try {
            return Optional.of(IDN.toASCII(name, IDN.ALLOW_UNASSIGNED));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<AttributeTypeAndValue> attributes(X500Name name) {
        List<AttributeTypeAndValue> out = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            out.addAll(List.of(rdn.getTypesAndValues()));
        }
        return out;
    }

    private static Optional<String> text(ASN1Encodable value) {
        return value instanceof ASN1String ? Optional.of(NameText.of(value)) : Optional.empty();
    }
}
