package dev.certa.core.path;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * The checks on one certificate that do not depend on the rest of the path: decoding, validity, the
 * RFC 5280 profile (key identifiers, critical flags, consistent CA extensions), key strength, and what
 * its role needs (a CA flag and keyCertSign for issuers; the purpose's EKU and asked-for key usages for
 * the leaf). Findings go to a {@link Findings} collector.
 */
final class CertificateChecks {
    static final String ANY_EKU = "2.5.29.37.0";

    /** The certificate's part on a path. */
    enum Role { LEAF, INTERMEDIATE, ANCHOR, LEAF_ANCHOR }

    private final ValidationOptions options;
    private final boolean web;

    CertificateChecks(ValidationOptions options) {
        this.options = options;
        this.web = options.mode() == ValidationMode.WEB_PKI;
    }

    void check(CertificateFacts f, int pos, Role role, Findings out) {
        decoding(f, pos, out);
        validity(f, pos, out);
        profile(f, pos, role, out);
        keyStrength(f, pos, out);
        if (role == Role.LEAF || role == Role.INTERMEDIATE) {
            signatureAlgorithm(f, pos, out);
        }
        if (role == Role.LEAF || role == Role.LEAF_ANCHOR) {
            leaf(f, pos, out);
        } else {
            ca(f, pos, role, out);
        }
    }

    private void decoding(CertificateFacts f, int pos, Findings out) {
        for (String p : f.problems) {
            out.error(Check.ENCODING, pos, f, p, "the certificate is malformed: have its CA issue a correct one");
        }
        if (!f.signatureAlgorithmsAgree) {
            out.error(Check.ENCODING, pos, f, "its signature algorithm is stated differently inside and outside the signed part",
                    "the certificate is malformed or was tampered with: obtain a correctly issued one");
        }
        for (String oid : f.ext.unknownCritical) {
            out.error(Check.CRITICAL_EXTENSION, pos, f, "it carries the critical extension " + ExtensionNames.of(oid)
                    + ", which certa does not understand (RFC 5280 requires refusing such a certificate)",
                    "have it re-issued without that extension or with the extension not marked critical");
        }
    }

    private void validity(CertificateFacts f, int pos, Findings out) {
        Instant at = options.at().truncatedTo(ChronoUnit.SECONDS); // certificate times have whole seconds
        if (at.isBefore(f.notBefore)) {
            out.error(Check.VALIDITY, pos, f, "not valid yet: valid from " + Texts.time(f.notBefore) + ", "
                    + Texts.span(at, f.notBefore) + " from now", "check the clock of the machine, or wait until the certificate is valid");
        } else if (at.isAfter(f.notAfter)) {
            out.error(Check.VALIDITY, pos, f, "expired " + Texts.span(f.notAfter, at) + " ago (notAfter " + Texts.time(f.notAfter) + ")",
                    "renew the certificate" + (pos == 0 ? " and install the new one" : " or use a current one from the CA"));
        } else if (f.notAfter.isBefore(at.plus(options.expiryWarning()))) {
            out.warning(Check.VALIDITY, pos, f, "expires in " + Texts.span(at, f.notAfter) + " (notAfter " + Texts.time(f.notAfter) + ")",
                    "renew it before then");
        }
    }

    private void profile(CertificateFacts f, int pos, Role role, Findings out) {
        ExtensionFacts e = f.ext;
        boolean issuerRole = role == Role.INTERMEDIATE || role == Role.ANCHOR;
        if (web && f.version != 3) {
            out.error(Check.PROFILE, pos, f, "it is a version " + f.version + " certificate; the web PKI requires version 3",
                    "re-issue it as a version 3 certificate");
        }
        if (f.issuerEmpty) {
            out.error(Check.PROFILE, pos, f, "its issuer name is empty", "have it re-issued with the CA's name as issuer");
        }
        if (e.authorityKeyId != null && e.authorityKeyId.critical()) {
            out.error(Check.PROFILE, pos, f, "its authority key identifier is marked critical, which RFC 5280 forbids", "re-issue it");
        }
        if (e.authorityKeyId == null && (role == Role.LEAF || role == Role.INTERMEDIATE) && !f.selfIssued) {
            out.error(Check.PROFILE, pos, f, "it has no authority key identifier, which RFC 5280 requires of CA-issued certificates",
                    "have the CA re-issue it with an authority key identifier");
        }
        if (web && e.authorityKeyId != null && (role == Role.ANCHOR || role == Role.LEAF_ANCHOR)) {
            var aki = e.authorityKeyId;
            if (aki.keyId() == null || aki.hasIssuer() || aki.hasSerial()) {
                out.error(Check.PROFILE, pos, f, "its authority key identifier must hold only a key identifier",
                        "use a root certificate that follows the CA/Browser Forum profile");
            } else if (e.subjectKeyId != null && !java.util.Arrays.equals(aki.keyId(), e.subjectKeyId)) {
                out.error(Check.PROFILE, pos, f, "it is a root whose authority key identifier differs from its own key identifier",
                        "use a correctly made root certificate");
            }
        }
        if (e.subjectKeyIdCritical) {
            out.error(Check.PROFILE, pos, f, "its subject key identifier is marked critical, which RFC 5280 forbids", "re-issue it");
        }
        if (issuerRole && e.subjectKeyId == null) {
            out.error(Check.PROFILE, pos, f, "it is a CA certificate without a subject key identifier, which RFC 5280 requires",
                    "re-issue the CA certificate with a subject key identifier");
        }
        if (e.basicConstraints != null && !e.basicConstraints.ca() && e.basicConstraints.pathLen() != null) {
            out.error(Check.BASIC_CONSTRAINTS, pos, f, "its basic constraints set a path length (" + e.basicConstraints.pathLen()
                    + ") but it is not a CA (CA:FALSE), which RFC 5280 (4.2.1.9) forbids",
                    "re-issue it without a path length constraint, or as a CA if it is one");
        }
        if (e.hasKeyUsage(KeyUsage.keyCertSign) && !f.isCa()) {
            out.error(Check.KEY_USAGE, pos, f, "its key usage allows signing certificates (keyCertSign) but it is not a CA",
                    "re-issue it either as a CA (CA:TRUE) or without keyCertSign");
        }
        if (f.subjectEmpty) {
            if (issuerRole) {
                out.error(Check.PROFILE, pos, f, "it is a CA certificate with an empty subject name", "re-issue the CA certificate with a name");
            } else if (e.subjectAltNames == null) {
                out.error(Check.PROFILE, pos, f, "it has neither a subject name nor subject alternative names",
                        "re-issue it with the names it is for");
            } else if (!e.subjectAltNamesCritical) {
                out.error(Check.PROFILE, pos, f, "its subject is empty, so its subject alternative names must be marked critical (RFC 5280)",
                        "re-issue it with the subject alternative name extension critical");
            }
        } else if (web && e.subjectAltNamesCritical) {
            out.error(Check.PROFILE, pos, f, "its subject alternative names are marked critical although it has a subject name",
                    "re-issue it with the subject alternative name extension not critical");
        }
        if (e.authorityInfoAccessCritical) {
            out.error(Check.PROFILE, pos, f, "its authority information access extension is marked critical, which RFC 5280 forbids",
                    "re-issue it");
        }
        if (e.policyConstraints != null && !e.policyConstraints.critical()) {
            out.error(Check.POLICY, pos, f, "its policy constraints are not marked critical, which RFC 5280 requires",
                    "re-issue the CA certificate with policy constraints critical");
        }
        nameConstraints(f, pos, out);
    }

    private void nameConstraints(CertificateFacts f, int pos, Findings out) {
        NameConstraints nc = f.ext.nameConstraints;
        if (nc == null) {
            return;
        }
        if (!f.isCa()) {
            out.error(Check.NAME_CONSTRAINTS, pos, f, "it carries name constraints but is not a CA certificate",
                    "re-issue it without name constraints");
        }
        if (!web && !f.ext.nameConstraintsCritical) {
            out.error(Check.NAME_CONSTRAINTS, pos, f, "its name constraints are not marked critical, which RFC 5280 requires",
                    "re-issue the CA certificate with name constraints critical");
        }
        if (isEmpty(nc.getPermittedSubtrees()) && isEmpty(nc.getExcludedSubtrees())) {
            out.error(Check.NAME_CONSTRAINTS, pos, f, "its name constraints permit and exclude nothing (an empty extension)",
                    "re-issue the CA certificate with real constraints or without the extension");
        }
    }

    private static boolean isEmpty(GeneralSubtree[] s) {
        return s == null || s.length == 0;
    }

    private void keyStrength(CertificateFacts f, int pos, Findings out) {
        KeyStrength.Judgement j = f.keyStrength;
        j.forbidden().ifPresent(why -> out.error(Check.KEY_STRENGTH, pos, f, why, "re-issue it with an EC P-256 or RSA 2048+ key"));
        if (web) {
            j.outsideWebPki().ifPresent(why -> out.error(Check.KEY_STRENGTH, pos, f, why,
                    "re-issue it with an ECDSA P-256 or RSA 2048+ key (certa: --key-type p256)"));
        }
        j.weak().ifPresent(why -> {
            if (web) {
                out.error(Check.KEY_STRENGTH, pos, f, why + "; browsers refuse it", "re-issue it with an EC P-256 or RSA 2048+ key");
            } else {
                out.warning(Check.KEY_STRENGTH, pos, f, why, "re-issue it with an EC P-256 or RSA 2048+ key");
            }
        });
    }

    private void signatureAlgorithm(CertificateFacts f, int pos, Findings out) {
        if (f.signatureAlgorithm.isEmpty()) {
            out.error(Check.SIGNATURE_ALGORITHM, pos, f, "it is signed with " + f.signatureAlgorithmName()
                    + ", which certa does not accept", "have it re-issued with ECDSA or RSA and SHA-256 or better");
            return;
        }
        SignatureAlgorithm a = f.signatureAlgorithm.get();
        if (!options.allowedSignatures().contains(a)) {
            if (a.isEdDsa()) {
                out.error(Check.SIGNATURE_ALGORITHM, pos, f, "it is signed with " + a.displayName() + ", which the CA/Browser Forum"
                        + " Baseline Requirements (7.1.3.2) do not allow in the web PKI: Chromium and NSS (Firefox) refuse it",
                        "have it re-issued by a CA with an ECDSA P-256 or RSA 2048+ key, or validate with --rules rfc5280 if no browser"
                                + " will see it");
            } else {
                out.error(Check.SIGNATURE_ALGORITHM, pos, f, "it is signed with " + a.displayName() + ", which is not allowed"
                        + (a.usesSha1() ? " (SHA-1 signatures can be forged)" : ""), "have it re-issued with SHA-256 or better");
            }
        } else if (a.usesSha1()) {
            out.warning(Check.SIGNATURE_ALGORITHM, pos, f, "it is signed with " + a.displayName()
                    + "; browsers refuse SHA-1 signatures", "have it re-issued with SHA-256 or better");
        }
    }

    private void leaf(CertificateFacts f, int pos, Findings out) {
        ExtensionFacts e = f.ext;
        if (web && f.isCa()) {
            out.error(Check.BASIC_CONSTRAINTS, pos, f, "it is a CA certificate (CA:TRUE) presented as a server or client certificate",
                    "use a certificate issued by the CA for the server, not the CA's own certificate");
        }
        if (web && e.subjectAltNames == null) {
            out.error(Check.PROFILE, pos, f, "it has no subject alternative names; clients ignore the common name",
                    "re-issue it with the host names as subject alternative names (--san)");
        }
        if (web) {
            CommonNames.notInSubjectAltNames(f).ifPresent(cn -> out.error(Check.PROFILE, pos, f, "its common name '" + cn
                    + "' is not, character for character, one of its subject alternative names", "re-issue it with a common name"
                            + " copied from the subject alternative names, or without a common name"));
        }
        ekus(f, pos, out);
        for (KeyUsageBit bit : options.requiredKeyUsages()) {
            if (e.keyUsage != null && !e.hasKeyUsage(KeyUsages.bcBit(bit))) {
                out.error(Check.KEY_USAGE, pos, f, "its key usage does not include " + bit.asn1Name(),
                        "re-issue it with key usage " + bit.asn1Name());
            }
        }
    }

    private void ekus(CertificateFacts f, int pos, Findings out) {
        ExtensionFacts e = f.ext;
        List<String> ekus = e.extendedKeyUsage;
        if (ekus == null) {
            if (web && options.purpose() != Purpose.ANY) {
                out.error(Check.EXTENDED_KEY_USAGE, pos, f, "it has no extended key usage; the web PKI requires "
                        + options.purpose().description(), "re-issue it with extended key usage " + eku(options.purpose()));
            }
            return;
        }
        if (web && ekus.contains(ANY_EKU)) {
            out.error(Check.EXTENDED_KEY_USAGE, pos, f, "its extended key usage includes anyExtendedKeyUsage, which the web PKI forbids"
                    + " in server and client certificates", "re-issue it with extended key usage " + eku(options.purpose()) + " only");
        }
        if (web && e.extendedKeyUsageCritical) {
            out.error(Check.EXTENDED_KEY_USAGE, pos, f, "its extended key usage is marked critical, which the web PKI forbids",
                    "re-issue it with the extended key usage not critical");
        }
        boolean any = !web && ekus.contains(ANY_EKU);
        options.purpose().ekuOid().ifPresent(oid -> {
            if (!ekus.contains(oid) && !any) {
                out.error(Check.EXTENDED_KEY_USAGE, pos, f, "its extended key usage (" + KeyUsages.ekuNames(ekus)
                        + ") does not allow " + options.purpose().description(),
                        "re-issue it with extended key usage " + eku(options.purpose()));
            }
        });
        for (String oid : options.requiredEkus()) {
            if (!ekus.contains(oid) && !any) {
                out.error(Check.EXTENDED_KEY_USAGE, pos, f, "its extended key usage (" + KeyUsages.ekuNames(ekus)
                        + ") does not include " + KeyUsages.ekuName(oid), "re-issue it with that extended key usage");
            }
        }
    }

    private static String eku(Purpose p) {
        return p == Purpose.CLIENT ? "clientAuth" : "serverAuth";
    }

    private void ca(CertificateFacts f, int pos, Role role, Findings out) {
        ExtensionFacts e = f.ext;
        String what = role == Role.ANCHOR ? "the trusted root" : "the intermediate";
        if (e.basicConstraints == null) {
            out.error(Check.BASIC_CONSTRAINTS, pos, f, what + " has no basic constraints, so it is not a CA and may not issue certificates",
                    role == Role.ANCHOR ? "replace the root with a proper CA certificate (CA:TRUE)"
                            : "the certificate sent as intermediate is not a CA certificate: serve the right intermediate");
        } else if (!e.basicConstraints.ca()) {
            out.error(Check.BASIC_CONSTRAINTS, pos, f, what + " has no CA flag (CA:FALSE), so it may not issue certificates",
                    role == Role.ANCHOR ? "replace the root with a proper CA certificate (CA:TRUE)"
                            : "the certificate sent as intermediate is not a CA certificate: serve the right intermediate");
        } else if (!e.basicConstraints.critical()) {
            out.error(Check.BASIC_CONSTRAINTS, pos, f, "its basic constraints are not marked critical, which RFC 5280 requires of CAs",
                    "re-issue the CA certificate with basic constraints critical");
        }
        if (e.keyUsage != null && !e.hasKeyUsage(KeyUsage.keyCertSign)) {
            out.error(Check.KEY_USAGE, pos, f, "its key usage does not allow signing certificates (keyCertSign)",
                    "re-issue the CA certificate with key usage keyCertSign");
        } else if (e.keyUsage == null && web) {
            out.error(Check.KEY_USAGE, pos, f, "it is a CA certificate without key usage; the web PKI requires keyCertSign",
                    "re-issue the CA certificate with key usage keyCertSign, cRLSign");
        } else if (e.keyUsage == null) {
            // RFC 5280 6.1.4 (n) checks keyCertSign only "if a key usage extension is present"; 4.2.1.3 still
            // tells CAs to include it (docs/conformance.md, "CA certificates without key usage")
            out.warning(Check.KEY_USAGE, pos, f, "it is a CA certificate without key usage, which RFC 5280 (4.2.1.3) tells CAs"
                    + " to include; path validation accepts it (6.1.4 (n)), browsers do not",
                    "re-issue the CA certificate with key usage keyCertSign, cRLSign");
        }
        if (web && role == Role.ANCHOR && e.extendedKeyUsage != null) {
            out.error(Check.EXTENDED_KEY_USAGE, pos, f, "it is a root with an extended key usage extension, which the web PKI forbids",
                    "use a root certificate without extended key usage");
        }
    }
}
