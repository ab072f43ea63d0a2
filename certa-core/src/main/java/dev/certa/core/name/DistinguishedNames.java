package dev.certa.core.name;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Subject and issuer names: "CN=Example Root CA,O=Example" and the common name in them. */
public final class DistinguishedNames {
    /** The longest common name RFC 5280 allows (ub-common-name). */
    public static final int MAX_COMMON_NAME = 64;

    private DistinguishedNames() {}

    /**
     * Parses an RFC 4514 string such as {@code CN=api.example.com,O=Example,C=US}; a bare word without
     * '=' is taken as the common name.
     */
    public static X500Name parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return new X500Name(new RDN[0]);
        }
        if (!t.contains("=")) {
            return commonName(t);
        }
        try {
            boolean slash = t.startsWith("/");
            X500Name n = new X500Name(BCStyle.INSTANCE, slash ? slashToComma(t) : t);
            for (RDN rdn : n.getRDNs()) {
                if (rdn.getFirst() == null) {
                    throw new IllegalArgumentException("empty attribute");
                }
                for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                    if (IETFUtils.valueToString(atv.getValue()).isBlank()) {
                        throw new IllegalArgumentException(BCStyle.INSTANCE.oidToDisplayName(atv.getType()) + " has no value");
                    }
                }
            }
            // RFC 4514 strings list the most specific attribute (CN) first, the reverse of the encoding
            // order; openssl's "/C=US/O=Example/CN=x" form lists them in encoding order.
            return slash ? n : reverse(n);
        } catch (IllegalArgumentException e) {
            throw new CertaException(ErrorKind.BAD_NAME, "'" + text + "' is not a distinguished name (" + e.getMessage() + ")",
                    "write it as CN=name,O=Organisation,C=US");
        }
    }

    /** openssl's "/CN=a/O=b" form to "CN=a,O=b" (order kept). */
    private static String slashToComma(String t) {
        String[] parts = t.substring(1).split("(?<!\\\\)/");
        return String.join(",", parts);
    }

    /** "CN=cn,O=organisation", built attribute by attribute (so commas in names are safe). */
    public static X500Name of(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, organisation).addRDN(BCStyle.CN, commonName).build();
    }

    public static X500Name commonName(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
    }

    /** The first common name in a name, if any, as plain text. */
    public static Optional<String> commonNameOf(X500Name name) {
        RDN[] cns = name.getRDNs(BCStyle.CN);
        if (cns.length == 0) {
            return Optional.empty();
        }
        return Optional.of(text(cns[0].getFirst().getValue()));
    }

    /** The first value of an attribute (O, OU, C…) as plain text, unescaped. */
    public static Optional<String> attribute(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? Optional.empty() : Optional.of(text(rdns[0].getFirst().getValue()));
    }

    private static String text(ASN1Encodable v) {
        return NameText.of(v);
    }

    /**
     * RFC 4514 text, most specific attribute first: "CN=api.example.com,O=Example,C=US". Never throws: a
     * UTF8String value whose bytes are not UTF-8 shows them escaped ("CN=a\xFFb").
     */
    public static String display(X500Name name) {
        String s = NameText.hasUndecodable(name) ? escaped(name) : X500Name.getInstance(BCStyle.INSTANCE, reverse(name)).toString();
        return s.isEmpty() ? "(empty)" : s;
    }

    /** What Bouncy Castle would print, written here because it cannot print a value that is not UTF-8. */
    private static String escaped(X500Name name) {
        RDN[] rdns = name.getRDNs();
        StringBuilder sb = new StringBuilder();
        for (int i = rdns.length - 1; i >= 0; i--) {
            AttributeTypeAndValue[] atvs = rdns[i].getTypesAndValues();
            for (int j = 0; j < atvs.length; j++) {
                sb.append(j == 0 ? (sb.isEmpty() ? "" : ",") : "+");
                String type = BCStyle.INSTANCE.oidToDisplayName(atvs[j].getType());
                sb.append(type != null ? type : atvs[j].getType().getId()).append('=');
                ASN1Encodable v = atvs[j].getValue();
                sb.append(NameText.undecodable(v) ? NameText.of(v) : IETFUtils.valueToString(v));
            }
        }
        return sb.toString();
    }

    private static X500Name reverse(X500Name n) {
        RDN[] rdns = n.getRDNs();
        RDN[] out = new RDN[rdns.length];
        for (int i = 0; i < rdns.length; i++) {
            out[i] = rdns[rdns.length - 1 - i];
        }
        return new X500Name(BCStyle.INSTANCE, out);
    }
}
