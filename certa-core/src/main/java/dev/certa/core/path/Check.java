package dev.certa.core.path;

/** Which check a {@link Finding} comes from. */
public enum Check {
    /** Path building: no issuer could be found for a certificate (a missing intermediate). */
    CHAIN("chain"),
    /** The path ends at a certificate no trust store holds (an untrusted or self-signed root). */
    TRUST("trust"),
    /** A signature does not verify under the issuer's key. */
    SIGNATURE("signature"),
    /** The signature algorithm is weak, unknown or not on the allow-list. */
    SIGNATURE_ALGORITHM("signature algorithm"),
    /** Not yet valid, expired, or expiring soon. */
    VALIDITY("validity"),
    /** The CA flag (basic constraints): an issuer must be a CA, a leaf must not claim to be one where that matters. */
    BASIC_CONSTRAINTS("basic constraints"),
    /** A CA's path length limit, or the caller's maximum number of intermediates, is exceeded. */
    PATH_LENGTH("path length"),
    /** Key usage bits: a CA needs keyCertSign; the leaf needs what the caller asked for. */
    KEY_USAGE("key usage"),
    /** Extended key usage does not allow the purpose asked for (on the leaf or on a CA above it). */
    EXTENDED_KEY_USAGE("extended key usage"),
    /** A name in a certificate is outside what a CA above it may issue for. */
    NAME_CONSTRAINTS("name constraints"),
    /** The leaf is not valid for the name connected to (host name or IP address). */
    PEER_NAME("peer name"),
    /** A certificate carries a critical extension the validator does not understand. */
    CRITICAL_EXTENSION("critical extension"),
    /** Certificate policies and policy constraints. */
    POLICY("policy"),
    /** A public key that is too weak or of a kind that is not allowed. */
    KEY_STRENGTH("key strength"),
    /** Structure required by RFC 5280 or the web PKI profile: key identifiers, critical flags, SANs, version. */
    PROFILE("profile"),
    /** A certificate or extension that cannot be decoded. */
    ENCODING("encoding"),
    /** Path building stopped at a work limit (a sign of a crafted or broken input). */
    LIMITS("limits"),
    /** Warnings about how the chain was sent: wrong order, extra or needless certificates. */
    CHAIN_ORDER("chain order"),
    /** Revocation: a certificate on the path is revoked (CRL, OCSP), or its status could not be established. */
    REVOCATION("revocation");

    private final String label;

    Check(String label) {
        this.label = label;
    }

    /** "name constraints", for messages. */
    public String label() {
        return label;
    }
}
