/**
 * Certificate path building and validation: does a chain of certificates lead from a server's (or
 * client's) certificate to a root that someone trusts, and may it be used for what is asked?
 *
 * <h2>The idea</h2>
 * A server sends its own certificate (the <em>leaf</em>) and, usually, one or more <em>intermediate</em>
 * CA certificates. Each certificate names its issuer; the issuer's public key verifies its signature.
 * Following issuers upwards must end at a <em>trust anchor</em>: a root certificate in a trust store
 * (the operating system's, the JDK's {@code cacerts}, or a PEM bundle of your own). Certificates sent by
 * the peer are only hints: they may arrive in any order, may include decoys, expired cross-signs or
 * the root itself, and several paths may lead to different roots. {@link dev.certa.core.path.PathValidator}
 * therefore <em>builds</em> paths by trying every candidate issuer (matched by name, then narrowed by
 * key identifiers and signatures), backtracking when a path fails, within fixed bounds on depth and
 * work so that crafted inputs cannot make it run away.
 *
 * <p>Each candidate path is <em>validated</em> per RFC 5280 section 6: signatures (from an allow-list of
 * algorithms), validity at the instant asked about, the CA flag and path length, key usage and
 * extended key usage for the {@link dev.certa.core.path.Purpose}, name constraints, unknown critical
 * extensions. {@link dev.certa.core.path.ValidationMode#WEB_PKI} adds the rules browsers apply to
 * public TLS certificates (CA/Browser Forum baseline requirements). Finally the peer's name is matched
 * against the leaf's subject alternative names (RFC 6125 / RFC 9525).
 *
 * <h2>The answer</h2>
 * A {@link dev.certa.core.path.Verdict}: trusted or not, by which store, the path found (leaf first,
 * anchor last) with the status of each link, and {@link dev.certa.core.path.Finding findings}: every
 * problem names the certificate, the check and a plain-language fix; warnings name what works today but
 * will hurt soon (expiry within 30 days, SHA-1, a chain sent in the wrong order, a root sent needlessly).
 *
 * <p>{@link dev.certa.core.path.ChainBundler} uses the same path building to put a leaf and a pile of
 * certificates into the order a server should send them.
 *
 * <p>Nothing here reads the clock: the instant to validate at is part of
 * {@link dev.certa.core.path.ValidationOptions}. Only {@link dev.certa.core.path.TrustStores} reads
 * files, and only when asked to load a store.
 */
@NullMarked
package dev.certa.core.path;

import org.jspecify.annotations.NullMarked;
