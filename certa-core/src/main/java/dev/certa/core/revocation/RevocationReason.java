package dev.certa.core.revocation;

import dev.certa.core.error.CertaException;
import java.util.Locale;

/**
 * Why a certificate was revoked: RFC 5280's {@code CRLReason}, shared by CRL entries and OCSP
 * responses. The codes are the wire values; code 7 was never assigned and {@code removeFromCRL} (8)
 * is left out on purpose, because it only has meaning in delta CRLs, which certa does not publish.
 *
 * <p>{@link #UNSPECIFIED} is what a revocation without a reason is. RFC 5280 asks CRL issuers to
 * leave the reason out rather than write "unspecified", and certa does that in CRLs and OCSP alike.
 */
public enum RevocationReason {
    UNSPECIFIED(0, "unspecified"),
    /** The certificate's private key is known or suspected to be in someone else's hands. */
    KEY_COMPROMISE(1, "keyCompromise"),
    /** The key of a CA (for a CA certificate) is compromised. */
    CA_COMPROMISE(2, "cACompromise"),
    /** The subject's name or other information in the certificate changed. */
    AFFILIATION_CHANGED(3, "affiliationChanged"),
    /** A new certificate replaces this one. */
    SUPERSEDED(4, "superseded"),
    /** The certificate is no longer needed: the service or domain is gone. */
    CESSATION_OF_OPERATION(5, "cessationOfOperation"),
    /** Temporarily suspended; the only reason that can be undone. */
    CERTIFICATE_HOLD(6, "certificateHold"),
    /** A privilege the certificate asserted was withdrawn. */
    PRIVILEGE_WITHDRAWN(9, "privilegeWithdrawn"),
    /** An attribute authority was compromised (attribute certificates). */
    AA_COMPROMISE(10, "aACompromise");

    private final int code;
    private final String rfcName;

    RevocationReason(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    /** The CRLReason value on the wire. */
    public int code() {
        return code;
    }

    /** The name RFC 5280 gives it, e.g. {@code keyCompromise}; openssl's {@code -crl_reason} takes the same. */
    public String rfcName() {
        return rfcName;
    }

    /** Whether the reason is written out: every reason but {@link #UNSPECIFIED}. */
    public boolean isStated() {
        return this != UNSPECIFIED;
    }

    /** The reason with wire value {@code code}. */
    public static RevocationReason ofCode(int code) {
        for (RevocationReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw CertaException.badInput("there is no revocation reason with code " + code
                        + (code == 8 ? " that certa publishes (removeFromCRL belongs to delta CRLs)" : ""),
                "use a code from RFC 5280 CRLReason: 0-6, 9 or 10");
    }

    /** Parses an RFC name ({@code keyCompromise}), its words ({@code key-compromise}, {@code KEY_COMPROMISE}) or a code. */
    public static RevocationReason parse(String text) {
        String wanted = text.trim().replace("-", "").replace("_", "").replace(" ", "").toLowerCase(Locale.ROOT);
        for (RevocationReason r : values()) {
            if (r.rfcName.toLowerCase(Locale.ROOT).equals(wanted) || String.valueOf(r.code).equals(wanted)) {
                return r;
            }
        }
        throw CertaException.badInput("unknown revocation reason '" + text + "'",
                "use one of: unspecified, keyCompromise, cACompromise, affiliationChanged, superseded, "
                        + "cessationOfOperation, certificateHold, privilegeWithdrawn, aACompromise");
    }
}
