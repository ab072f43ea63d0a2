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
     * {@link #RFC5280}, plus: only RSA (PKCS#1 v1.5 or PSS) and ECDSA signatures with SHA-256/384/512 (no
     * SHA-1, no Ed25519/Ed448), RSA keys of at least 2048 bits (a multiple of 8), ECDSA keys on the P-256,
     * P-384 and P-521 curves and no other key types (BR 6.1.5, 7.1.3.2), a CA certificate must carry key
     * usage with keyCertSign, a leaf must carry subject alternative names
     * and an EKU for the purpose (not anyExtendedKeyUsage), a leaf must not be a CA, roots carry no EKU,
     * and name constraints need not be marked critical.
     */
    WEB_PKI
}
