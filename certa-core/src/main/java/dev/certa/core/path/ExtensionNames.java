package dev.certa.core.path;

import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;

/** Plain names for extension OIDs, for messages. */
final class ExtensionNames {
    private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.ofEntries(
            Map.entry(Extension.basicConstraints, "basic constraints"),
            Map.entry(Extension.keyUsage, "key usage"),
            Map.entry(Extension.extendedKeyUsage, "extended key usage"),
            Map.entry(Extension.subjectKeyIdentifier, "subject key identifier"),
            Map.entry(Extension.authorityKeyIdentifier, "authority key identifier"),
            Map.entry(Extension.subjectAlternativeName, "subject alternative name"),
            Map.entry(Extension.issuerAlternativeName, "issuer alternative name"),
            Map.entry(Extension.nameConstraints, "name constraints"),
            Map.entry(Extension.certificatePolicies, "certificate policies"),
            Map.entry(Extension.policyMappings, "policy mappings"),
            Map.entry(Extension.policyConstraints, "policy constraints"),
            Map.entry(Extension.inhibitAnyPolicy, "inhibit any-policy"),
            Map.entry(Extension.authorityInfoAccess, "authority information access"),
            Map.entry(Extension.cRLDistributionPoints, "CRL distribution points"),
            Map.entry(new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.3"), "precertificate poison (CT)"),
            Map.entry(new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2"), "signed certificate timestamps (CT)"));

    private ExtensionNames() {}

    /** "name constraints", or the OID in dotted form when it has no name here. */
    static String of(ASN1ObjectIdentifier oid) {
        return NAMES.getOrDefault(oid, oid.getId());
    }

    static String of(String oid) {
        return of(new ASN1ObjectIdentifier(oid));
    }
}
