package dev.certa.core.inspect;

/**
 * One object found in an inspected file: a certificate, a certificate signing request, a private or
 * public key, or a certificate revocation list. Every view holds only public facts and fingerprints;
 * none holds private key material.
 */
public sealed interface InspectedItem permits CertificateView, CsrView, PrivateKeyView, PublicKeyView, CrlView {

    /** A stable identifier for scripts, the {@code kind} field in JSON: certificate, csr, privateKey, publicKey, crl. */
    String kind();

    /** What a person calls it: "certificate", "certificate signing request", "private key", … */
    String label();
}
