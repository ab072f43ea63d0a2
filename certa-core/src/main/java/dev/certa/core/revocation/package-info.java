/**
 * Revocation objects a CA publishes: certificate revocation lists ({@link dev.certa.core.revocation.CrlBuilder},
 * RFC 5280 section 5) and OCSP responses ({@link dev.certa.core.revocation.OcspResponder}, RFC 6960).
 *
 * <p>Revocation <em>state</em> is not kept here: the caller (the online CA) keeps it in its store and
 * hands it in, as a list of {@link dev.certa.core.revocation.RevokedCertificate}s for a CRL or as a
 * {@link dev.certa.core.revocation.StatusLookup} for OCSP. Everything is signed through certa's
 * {@link dev.certa.core.key.Signer}, so a CA key in a PKCS#11 token signs CRLs and OCSP responses
 * the same way a key file does. Checking revocation as a relying party is {@code dev.certa.core.path}'s job.
 */
@NullMarked
package dev.certa.core.revocation;

import org.jspecify.annotations.NullMarked;
