/**
 * Fetching what certificates point to, over plain HTTP and within fixed bounds: a missing issuer from
 * the AIA caIssuers URL, a CRL from a CRL distribution point, an OCSP answer from the responder named
 * in AIA.
 *
 * <h2>Why only http://, and why bounded</h2>
 * Certificates name these locations with {@code http://} URLs on purpose: what is fetched is signed
 * (certificates, CRLs, OCSP responses), so TLS adds nothing, and fetching over TLS would need the very
 * chain being validated. A validator that fetches talks to hosts named by whoever made the certificate,
 * so every fetch is bounded: {@link dev.certa.core.fetch.FetchBudget} caps the number of fetches, the
 * time they take together and the size of each answer, and a failure (refused, timed out, HTTP 404,
 * too big) comes back as a {@link dev.certa.core.fetch.FetchResult.Failed} value for the caller to
 * report, never as an exception or a hang.
 *
 * <p>{@link dev.certa.core.fetch.UrlFetcher} is the seam; {@link dev.certa.core.fetch.HttpFetcher} is the
 * JDK {@code java.net.http} implementation. Code that validates paths takes a fetcher only when the
 * caller hands it one, and does no I/O otherwise.
 */
@NullMarked
package dev.certa.core.fetch;

import org.jspecify.annotations.NullMarked;
