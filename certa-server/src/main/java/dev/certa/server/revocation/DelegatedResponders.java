package dev.certa.server.revocation;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/**
 * Issues delegated OCSP responder certificates (profile {@code ocsp-responder}) for a fresh key. The
 * signing service implements it, so the certificate is recorded and audited like any other and this
 * package never holds the CA key when responses are delegated.
 */
@FunctionalInterface
public interface DelegatedResponders {

    /** A responder certificate for {@code key}, issued by the CA whose status it will sign. */
    X509Certificate issue(KeyPair key);
}
