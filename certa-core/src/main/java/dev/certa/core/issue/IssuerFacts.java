package dev.certa.core.issue;

import dev.certa.core.profile.NameConstraintRules;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * What the lints need to know about the issuing CA's certificate.
 *
 * @param pathLen the issuer's path length constraint; empty when unlimited
 */
public record IssuerFacts(
        X500Name subject,
        Instant notBefore,
        Instant notAfter,
        boolean ca,
        OptionalInt pathLen,
        boolean keyCertSign,
        NameConstraintRules nameConstraints) {

    /** Reads the facts off a CA certificate. */
    public static IssuerFacts of(X509Certificate cert) {
        int bc = cert.getBasicConstraints();
        boolean[] ku = cert.getKeyUsage();
        return new IssuerFacts(
                X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()),
                cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(),
                bc >= 0,
                bc >= 0 && bc != Integer.MAX_VALUE ? OptionalInt.of(bc) : OptionalInt.empty(),
                ku == null || (ku.length > 5 && ku[5]),
                nameConstraints(cert));
    }

    private static NameConstraintRules nameConstraints(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.nameConstraints.getId());
        if (ext == null) {
            return NameConstraintRules.NONE;
        }
        NameConstraints nc = NameConstraints.getInstance(ASN1OctetString.getInstance(ext).getOctets());
        return new NameConstraintRules(rules(nc.getPermittedSubtrees()), rules(nc.getExcludedSubtrees()));
    }

    private static List<String> rules(GeneralSubtree[] subtrees) {
        List<String> out = new ArrayList<>();
        if (subtrees == null) {
            return out;
        }
        for (GeneralSubtree s : subtrees) {
            GeneralName g = s.getBase();
            switch (g.getTagNo()) {
                case GeneralName.dNSName -> out.add(g.getName().toString());
                case GeneralName.rfc822Name -> {
                    String v = g.getName().toString();
                    out.add(v.contains("@") ? v : "@" + (v.startsWith(".") ? v.substring(1) : v));
                }
                case GeneralName.iPAddress -> {
                    byte[] b = ASN1OctetString.getInstance(g.getName()).getOctets();
                    int half = b.length / 2;
                    byte[] addr = java.util.Arrays.copyOf(b, half);
                    int prefix = 0;
                    for (int i = half; i < b.length; i++) {
                        prefix += Integer.bitCount(b[i] & 0xff);
                    }
                    try {
                        out.add(java.net.InetAddress.getByAddress(addr).getHostAddress() + "/" + prefix);
                    } catch (java.net.UnknownHostException e) {
                        // malformed constraint: ignored by the lint, reported by the verifier
                    }
                }
                default -> {
                    // directory names and others are not checked at issuance
                }
            }
        }
        return out;
    }
}
