package dev.certa.core.path;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PolicyConstraints;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.jspecify.annotations.Nullable;

/** The extensions of one certificate that path validation reads, decoded strictly. */
final class ExtensionFacts {
    /** Extensions certa understands well enough that a critical mark on them is no reason to refuse. */
    private static final Set<ASN1ObjectIdentifier> UNDERSTOOD_CRITICAL = Set.of(
            Extension.basicConstraints, Extension.keyUsage, Extension.extendedKeyUsage, Extension.subjectAlternativeName,
            Extension.issuerAlternativeName, Extension.nameConstraints, Extension.certificatePolicies,
            Extension.policyMappings, Extension.policyConstraints, Extension.inhibitAnyPolicy,
            Extension.cRLDistributionPoints, Extension.freshestCRL,
            // the profile checks report these with their own message when critical
            Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier, Extension.authorityInfoAccess);

    record Basic(boolean ca, @Nullable BigInteger pathLen, boolean critical) {}

    record AuthorityKeyId(byte @Nullable [] keyId, boolean hasIssuer, boolean hasSerial, boolean critical) {}

    record Policies(List<String> oids, boolean critical) {}

    record PolicyRules(@Nullable BigInteger requireExplicit, @Nullable BigInteger inhibitMapping, boolean critical) {}

    @Nullable Basic basicConstraints;
    /** Key usage bits in Bouncy Castle's encoding ({@link KeyUsage#keyCertSign}…), or null when absent. */
    @Nullable Integer keyUsage;
    boolean keyUsageCritical;
    /** Extended key usage OIDs, or null when absent. */
    @Nullable List<String> extendedKeyUsage;
    boolean extendedKeyUsageCritical;
    byte @Nullable [] subjectKeyId;
    boolean subjectKeyIdCritical;
    @Nullable AuthorityKeyId authorityKeyId;
    @Nullable GeneralNames subjectAltNames;
    boolean subjectAltNamesCritical;
    @Nullable NameConstraints nameConstraints;
    boolean nameConstraintsCritical;
    @Nullable Policies policies;
    @Nullable PolicyRules policyConstraints;
    boolean policyMappings;
    @Nullable BigInteger inhibitAnyPolicy;
    boolean authorityInfoAccess;
    boolean authorityInfoAccessCritical;
    final List<String> unknownCritical = new ArrayList<>();

    private ExtensionFacts() {}

    static ExtensionFacts of(@Nullable Extensions exts, List<String> problems) {
        ExtensionFacts f = new ExtensionFacts();
        if (exts == null) {
            return f;
        }
        for (ASN1ObjectIdentifier oid : exts.getExtensionOIDs()) {
            Extension e = exts.getExtension(oid);
            try {
                f.read(oid, e, problems);
            } catch (RuntimeException | java.io.IOException ex) {
                problems.add("the " + ExtensionNames.of(oid) + " extension is malformed (" + ex.getMessage() + ")");
            }
            if (e.isCritical() && !UNDERSTOOD_CRITICAL.contains(oid)) {
                f.unknownCritical.add(oid.getId());
            }
        }
        return f;
    }

    private void read(ASN1ObjectIdentifier oid, Extension e, List<String> problems) throws java.io.IOException {
        boolean critical = e.isCritical();
        ASN1Primitive value = ASN1Primitive.fromByteArray(e.getExtnValue().getOctets());
        if (oid.equals(Extension.basicConstraints)) {
            BasicConstraints bc = BasicConstraints.getInstance(value);
            BigInteger len = bc.getPathLenConstraint();
            if (len != null && len.signum() < 0) {
                problems.add("the basic constraints extension has a negative path length");
            }
            basicConstraints = new Basic(bc.isCA(), len, critical);
        } else if (oid.equals(Extension.keyUsage)) {
            KeyUsage ku = KeyUsage.getInstance(value);
            int bits = bitsOf(ku);
            if (bits == 0) {
                problems.add("the key usage extension has no bit set");
            }
            keyUsage = bits;
            keyUsageCritical = critical;
        } else if (oid.equals(Extension.extendedKeyUsage)) {
            ExtendedKeyUsage eku = ExtendedKeyUsage.getInstance(value);
            List<String> oids = new ArrayList<>();
            for (KeyPurposeId k : eku.getUsages()) {
                oids.add(k.getId());
            }
            if (oids.isEmpty()) {
                problems.add("the extended key usage extension is empty");
            }
            extendedKeyUsage = List.copyOf(oids);
            extendedKeyUsageCritical = critical;
        } else if (oid.equals(Extension.subjectKeyIdentifier)) {
            subjectKeyId = SubjectKeyIdentifier.getInstance(value).getKeyIdentifier();
            subjectKeyIdCritical = critical;
        } else if (oid.equals(Extension.authorityKeyIdentifier)) {
            AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(value);
            authorityKeyId = new AuthorityKeyId(aki.getKeyIdentifierOctets(), aki.getAuthorityCertIssuer() != null,
                    aki.getAuthorityCertSerialNumber() != null, critical);
        } else if (oid.equals(Extension.subjectAlternativeName)) {
            GeneralNames names = GeneralNames.getInstance(value);
            if (names.getNames().length == 0) {
                problems.add("the subject alternative name extension is empty");
            }
            subjectAltNames = names;
            subjectAltNamesCritical = critical;
        } else if (oid.equals(Extension.nameConstraints)) {
            nameConstraints = NameConstraints.getInstance(value);
            nameConstraintsCritical = critical;
        } else if (oid.equals(Extension.certificatePolicies)) {
            List<String> ids = new ArrayList<>();
            for (PolicyInformation pi : CertificatePolicies.getInstance(value).getPolicyInformation()) {
                ids.add(pi.getPolicyIdentifier().getId());
            }
            policies = new Policies(List.copyOf(ids), critical);
        } else if (oid.equals(Extension.policyConstraints)) {
            PolicyConstraints pc = PolicyConstraints.getInstance(value);
            policyConstraints = new PolicyRules(pc.getRequireExplicitPolicyMapping(), pc.getInhibitPolicyMapping(), critical);
        } else if (oid.equals(Extension.policyMappings)) {
            ASN1Sequence.getInstance(value);
            policyMappings = true;
        } else if (oid.equals(Extension.inhibitAnyPolicy)) {
            inhibitAnyPolicy = org.bouncycastle.asn1.ASN1Integer.getInstance(value).getValue();
        } else if (oid.equals(Extension.authorityInfoAccess)) {
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(value);
            if (aia.getAccessDescriptions().length == 0) {
                problems.add("the authority information access extension is empty");
            }
            authorityInfoAccess = true;
            authorityInfoAccessCritical = critical;
        }
    }

    private static int bitsOf(KeyUsage ku) {
        byte[] b = ku.getBytes();
        if (b.length == 0) {
            return 0;
        }
        int v = b[0] & 0xff;
        if (b.length > 1) {
            v |= (b[1] & 0xff) << 8;
        }
        return v;
    }

    /** Permitted plus excluded subtrees. */
    int nameConstraintCount() {
        if (nameConstraints == null) {
            return 0;
        }
        GeneralSubtree[] p = nameConstraints.getPermittedSubtrees();
        GeneralSubtree[] x = nameConstraints.getExcludedSubtrees();
        return (p == null ? 0 : p.length) + (x == null ? 0 : x.length);
    }

    boolean hasKeyUsage(int bcBit) {
        return keyUsage != null && (keyUsage & bcBit) != 0;
    }
}
