/**
 * Is any certificate on a validated path revoked? Checked after the path is built, for every
 * certificate below the trust anchor, against its issuer's word.
 *
 * <h2>The idea</h2>
 * A CA can withdraw a certificate before it expires (its key leaked, the name changed hands). It says
 * so in two ways: a <em>CRL</em> (RFC 5280 section 5), a signed list of revoked serial numbers that it
 * republishes on a schedule ({@code thisUpdate}, {@code nextUpdate}) at the URL the certificate names as
 * its CRL distribution point; and an <em>OCSP responder</em> (RFC 6960) named in the certificate's
 * authority information access, which answers for one certificate at a time, signed by the CA or by a
 * responder certificate the CA issued for that purpose (extended key usage id-kp-OCSPSigning). A TLS
 * server can also <em>staple</em> a recent OCSP answer to its handshake.
 *
 * <h2>What counts</h2>
 * {@link dev.certa.core.path.revocation.RevocationChecker} asks every source the
 * {@link dev.certa.core.path.revocation.RevocationPolicy} names. Any source saying "revoked" makes the
 * verdict untrusted. A CRL that is from the certificate's issuer but cannot be used (its signature
 * does not verify, it is stale, it carries a critical extension certa does not understand, it lacks a
 * CRL number, the issuer may not sign CRLs) also fails the path: a CRL is something the user chose to
 * rely on, so it fails closed. An OCSP responder that cannot be reached, or gives an answer that cannot
 * be verified, only warns (soft-fail, as browsers do), unless the policy requires a status for every
 * certificate.
 *
 * <p>Nothing here reads the clock: freshness is judged at the validation instant. Network access
 * happens only through a {@link dev.certa.core.fetch.FetchBudget} the caller hands in.
 */
@NullMarked
package dev.certa.core.path.revocation;

import org.jspecify.annotations.NullMarked;
