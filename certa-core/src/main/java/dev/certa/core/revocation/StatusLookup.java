package dev.certa.core.revocation;

import java.math.BigInteger;
import java.security.cert.X509Certificate;

/**
 * Where an {@link OcspResponder} learns a certificate's status: the caller's store, so that core needs
 * none. Called only for CertIDs that name a CA the responder serves, and only when no cached response
 * can be used. An exception thrown here reaches the caller of {@code respond}, which should answer
 * {@link OcspResponseStatus#TRY_LATER} (RFC 6960) rather than an HTTP error.
 *
 * <pre>{@code
 * StatusLookup lookup = (ca, serial) -> store.find(ca, serial)
 *         .map(c -> c.revocation().map(CertStatus::of).orElse(CertStatus.good()))
 *         .orElse(CertStatus.unknown());
 * }</pre>
 */
@FunctionalInterface
public interface StatusLookup {

    /** The status of the certificate with {@code serial} issued by the CA with certificate {@code issuer}. */
    CertStatus statusOf(X509Certificate issuer, BigInteger serial);
}
