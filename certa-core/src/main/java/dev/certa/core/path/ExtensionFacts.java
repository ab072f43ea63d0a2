package dev.certa.core.path;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import dev.certa.core.path.PlainCertificate.RawExtension;
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
    private static final Set<String> UNDERSTOOD_CRITICAL = Set.of(Stream.of(
            Extension.basicConstraints, Extension.keyUsage, Extension.extendedKeyUsage, Extension.subjectAlternativeName,
            Extension.issuerAlternativeName, Extension.nameConstraints, Extension.certificatePolicies,
            Extension.policyMappings, Extension.policyConstraints, Extension.inhibitAnyPolicy,
            Extension.cRLDistributionPoints, Extension.freshestCRL,
            // the profile checks report these with their own message when critical
            Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier, Extension.authorityInfoAccess)
            .map(ASN1ObjectIdentifier::getId).toArray(String[]::new));
    private static final String BASIC_CONSTRAINTS = Extension.basicConstraints.getId();
    private static final String KEY_USAGE = Extension.keyUsage.getId();
    private static final String EXTENDED_KEY_USAGE = Extension.extendedKeyUsage.getId();
    private static final String SUBJECT_KEY_ID = Extension.subjectKeyIdentifier.getId();
    private static final String AUTHORITY_KEY_ID = Extension.authorityKeyIdentifier.getId();
    private static final String SUBJECT_ALT_NAME = Extension.subjectAlternativeName.getId();
    private static final String NAME_CONSTRAINTS = Extension.nameConstraints.getId();
    private static final String CERTIFICATE_POLICIES = Extension.certificatePolicies.getId();
    private static final String POLICY_CONSTRAINTS = Extension.policyConstraints.getId();
    private static final String POLICY_MAPPINGS = Extension.policyMappings.getId();
    private static final String INHIBIT_ANY_POLICY = Extension.inhibitAnyPolicy.getId();
    private static final String AUTHORITY_INFO_ACCESS = Extension.authorityInfoAccess.getId();
    /** The extensions {@link #read} decodes; the others are only looked at for their critical flag. */
    private static final Set<String> KNOWN = Set.of(BASIC_CONSTRAINTS, KEY_USAGE, EXTENDED_KEY_USAGE, SUBJECT_KEY_ID,
            AUTHORITY_KEY_ID, SUBJECT_ALT_NAME, NAME_CONSTRAINTS, CERTIFICATE_POLICIES, POLICY_CONSTRAINTS, POLICY_MAPPINGS,
            INHIBIT_ANY_POLICY, AUTHORITY_INFO_ACCESS);

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
    /** The subject alternative name extension's value as found (even when malformed), or null when absent. */
    byte @Nullable [] subjectAltNamesValue;
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

    /** The extensions as Bouncy Castle decoded them, in order. */
    static List<RawExtension> raw(@Nullable Extensions exts) {
        if (exts == null) {
            return List.of();
        }
        List<RawExtension> out = new ArrayList<>();
        for (ASN1ObjectIdentifier oid : exts.getExtensionOIDs()) {
            Extension e = exts.getExtension(oid);
            out.add(new RawExtension(oid.getId(), e.isCritical(), e.getExtnValue().getOctets()));
        }
        return out;
    }

    /**
     * Reads {@code exts}; with {@code plain}, the usual extensions in their usual shape are read by
     * {@link PlainExtensions} and only the rest by Bouncy Castle.
     */
    static ExtensionFacts of(List<RawExtension> exts, List<String> problems, boolean plain) {
        ExtensionFacts f = new ExtensionFacts();
        for (RawExtension e : exts) {
            if (e.oid().equals(SUBJECT_ALT_NAME)) {
                f.subjectAltNamesValue = e.value();
            }
            try {
                if (!plain || !PlainExtensions.read(f, e.oid(), e.critical(), e.value())) {
                    f.read(e.oid(), e.critical(), e.value(), problems);
                }
            } catch (RuntimeException | java.io.IOException ex) {
                problems.add("the " + ExtensionNames.of(e.oid()) + " extension is malformed (" + ex.getMessage() + ")");
            }
            if (e.critical() && !UNDERSTOOD_CRITICAL.contains(e.oid())) {
                f.unknownCritical.add(e.oid());
            }
        }
        return f;
    }

    private void read(String oid, boolean critical, byte[] encoded, List<String> problems) throws java.io.IOException {
        if (!KNOWN.contains(oid)) {
            if (!Der.acceptable(encoded)) {
                ASN1Primitive.fromByteArray(encoded); // an extension certa does not read must still be well-formed
            }
            return;
        }
        ASN1Primitive value = ASN1Primitive.fromByteArray(encoded);
        if (oid.equals(BASIC_CONSTRAINTS)) {
            BasicConstraints bc = BasicConstraints.getInstance(value);
            BigInteger len = bc.getPathLenConstraint();
            if (len != null && len.signum() < 0) {
                problems.add("the basic constraints extension has a negative path length");
            }
            basicConstraints = new Basic(bc.isCA(), len, critical);
        } else if (oid.equals(KEY_USAGE)) {
            KeyUsage ku = KeyUsage.getInstance(value);
            int bits = bitsOf(ku);
            if (bits == 0) {
                problems.add("the key usage extension has no bit set");
            }
            keyUsage = bits;
            keyUsageCritical = critical;
        } else if (oid.equals(EXTENDED_KEY_USAGE)) {
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
        } else if (oid.equals(SUBJECT_KEY_ID)) {
            subjectKeyId = SubjectKeyIdentifier.getInstance(value).getKeyIdentifier();
            subjectKeyIdCritical = critical;
        } else if (oid.equals(AUTHORITY_KEY_ID)) {
            AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(value);
            authorityKeyId = new AuthorityKeyId(aki.getKeyIdentifierOctets(), aki.getAuthorityCertIssuer() != null,
                    aki.getAuthorityCertSerialNumber() != null, critical);
        } else if (oid.equals(SUBJECT_ALT_NAME)) {
            GeneralNames names = GeneralNames.getInstance(value);
            if (names.getNames().length == 0) {
                problems.add("the subject alternative name extension is empty");
            }
            subjectAltNames = names;
            subjectAltNamesCritical = critical;
        } else if (oid.equals(NAME_CONSTRAINTS)) {
            nameConstraints = NameConstraints.getInstance(value);
            nameConstraintsCritical = critical;
        } else if (oid.equals(CERTIFICATE_POLICIES)) {
            List<String> ids = new ArrayList<>();
            for (PolicyInformation pi : CertificatePolicies.getInstance(value).getPolicyInformation()) {
                ids.add(pi.getPolicyIdentifier().getId());
            }
            policies = new Policies(List.copyOf(ids), critical);
        } else if (oid.equals(POLICY_CONSTRAINTS)) {
            PolicyConstraints pc = PolicyConstraints.getInstance(value);
            policyConstraints = new PolicyRules(pc.getRequireExplicitPolicyMapping(), pc.getInhibitPolicyMapping(), critical);
        } else if (oid.equals(POLICY_MAPPINGS)) {
            ASN1Sequence.getInstance(value);
            policyMappings = true;
        } else if (oid.equals(INHIBIT_ANY_POLICY)) {
            inhibitAnyPolicy = org.bouncycastle.asn1.ASN1Integer.getInstance(value).getValue();
        } else if (oid.equals(AUTHORITY_INFO_ACCESS)) {
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
