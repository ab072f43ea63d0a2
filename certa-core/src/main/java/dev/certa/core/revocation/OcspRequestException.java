package dev.certa.core.revocation;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;

/**
 * An OCSP request certa will not answer, and exactly why. The OCSP answer is always the same
 * {@link OcspResponseStatus#MALFORMED_REQUEST} response; the {@link Problem} lets the HTTP layer pick
 * a matching status (400 for most, 413 or 414 for {@link Problem#TOO_LARGE}) and log something useful.
 * A bad request is never a server fault.
 */
public final class OcspRequestException extends CertaException {
    /** What is wrong with the request. */
    public enum Problem {
        /** No bytes at all, or a GET without a request in its path. */
        EMPTY,
        /** A GET path that is not base64 after URL decoding. */
        NOT_BASE64,
        /** The bytes are not a DER OCSPRequest: garbage, truncated, trailing bytes, wrong version. */
        MALFORMED,
        /** A well-formed request that asks about no certificate. */
        NO_CERT_IDS,
        /** A CertID hashes the issuer with an algorithm certa does not support (not SHA-1 or SHA-2). */
        UNSUPPORTED_HASH,
        /** More CertIDs than {@link OcspRequests#MAX_CERT_IDS}. */
        TOO_MANY_CERT_IDS,
        /** More bytes than {@link OcspRequests#MAX_REQUEST_BYTES}. */
        TOO_LARGE,
        /** A nonce of 0 or more than 128 octets, which RFC 9654 tells responders to refuse. */
        BAD_NONCE
    }

    private final Problem problem;

    OcspRequestException(Problem problem, String reason) {
        super(ErrorKind.BAD_INPUT, "OCSP request: " + reason, fixFor(problem));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    private static String fixFor(Problem problem) {
        return switch (problem) {
            case EMPTY, NOT_BASE64, MALFORMED, NO_CERT_IDS -> "send a DER OCSPRequest (RFC 6960): POST it as "
                    + "application/ocsp-request, or GET it base64- and URL-encoded after the responder URL";
            case UNSUPPORTED_HASH -> "hash the issuer's name and key with SHA-1 or SHA-256 (openssl ocsp: -sha1 or -sha256)";
            case TOO_MANY_CERT_IDS -> "ask about at most " + OcspRequests.MAX_CERT_IDS + " certificates per request";
            case TOO_LARGE -> "send a request of at most " + OcspRequests.MAX_REQUEST_BYTES + " bytes";
            case BAD_NONCE -> "send a nonce of 1 to 128 octets (32 is usual)";
        };
    }
}
