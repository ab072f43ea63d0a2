package dev.certa.core.revocation;

import dev.certa.core.revocation.OcspRequestException.Problem;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link OcspResponder} answers: the DER OCSPResponse to send with HTTP status 200 and
 * {@code Content-Type: application/ocsp-response}, and what the HTTP layer needs around it.
 *
 * <p>For a successful response, {@code thisUpdate} and {@code nextUpdate} give the HTTP caching
 * headers RFC 5019 asks for ({@code Last-Modified}, {@code Expires}, {@code Cache-Control: max-age}).
 * For a request that could not be decoded, {@link #problem()} says why, so the server can answer a
 * specific 4xx with the malformedRequest body instead.
 *
 * @param fromCache whether the bytes are a response signed earlier, not signed for this request
 */
public record OcspReply(OcspResponseStatus status, byte[] der, Optional<Instant> thisUpdate,
        Optional<Instant> nextUpdate, boolean fromCache, Optional<Problem> problem) {

    public OcspReply {
        der = der.clone();
    }

    static OcspReply signed(byte[] der, Instant thisUpdate, Instant nextUpdate, boolean fromCache) {
        return new OcspReply(OcspResponseStatus.SUCCESSFUL, der, Optional.of(thisUpdate), Optional.of(nextUpdate),
                fromCache, Optional.empty());
    }

    static OcspReply bare(OcspResponseStatus status) {
        return new OcspReply(status, status.bareResponse(), Optional.empty(), Optional.empty(), false, Optional.empty());
    }

    static OcspReply malformed(Problem problem) {
        OcspResponseStatus status = OcspResponseStatus.MALFORMED_REQUEST;
        return new OcspReply(status, status.bareResponse(), Optional.empty(), Optional.empty(), false,
                Optional.of(problem));
    }

    /** The DER OCSPResponse (a copy). */
    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OcspReply r && status == r.status && Arrays.equals(der, r.der)
                && thisUpdate.equals(r.thisUpdate) && nextUpdate.equals(r.nextUpdate) && fromCache == r.fromCache
                && problem.equals(r.problem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, Arrays.hashCode(der), thisUpdate, nextUpdate, fromCache, problem);
    }

    @Override
    public String toString() {
        return "OcspReply[" + status + ", " + der.length + " bytes" + (fromCache ? ", cached" : "")
                + nextUpdate.map(n -> ", nextUpdate=" + n).orElse("") + problem.map(p -> ", " + p).orElse("") + "]";
    }
}
