package dev.certa.core.path;

/** Which rule book a path is judged by. */
public enum ValidationMode {
    /**
     * RFC 5280 path validation (section 6) plus the certificate-profile rules of RFC 5280 section 4 that
     * a verifier can check (key identifiers, critical flags, consistent CA extensions). SHA-1 signatures
     * are accepted with a warning; a leaf without EKU is valid for any purpose.
     */
    RFC5280,
    /**
     * What browsers accept for public TLS (CA/Browser Forum baseline requirements): everything in
     * {@link #RFC5280}, plus: no SHA-1 or other weak signatures, RSA keys of at least 2048 bits (a
     * multiple of 8), only the P-256, P-384 and P-521 curves, a leaf must carry subject alternative names
     * and an EKU for the purpose (not anyExtendedKeyUsage), a leaf must not be a CA, roots carry no EKU,
     * and name constraints need not be marked critical.
     */
    WEB_PKI
}
