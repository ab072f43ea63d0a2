package dev.certa.core.revocation;

/**
 * The outcome of an OCSP request as a whole (RFC 6960 4.2.1 OCSPResponseStatus). Only
 * {@link #SUCCESSFUL} carries a signed response with certificate statuses; the others are a bare,
 * unsigned status code, which is why a client cannot tell a forged one from a real one and treats
 * them all as "no answer".
 */
public enum OcspResponseStatus {
    SUCCESSFUL(0),
    /** The request could not be decoded or is not one certa answers: see {@link OcspRequestException}. */
    MALFORMED_REQUEST(1),
    /** The responder failed. */
    INTERNAL_ERROR(2),
    /** The responder cannot answer now, e.g. its store is down: the client may retry. */
    TRY_LATER(3),
    /** The responder wants signed requests (certa never does). */
    SIG_REQUIRED(5),
    /** The responder does not answer for the certificate's issuer. */
    UNAUTHORIZED(6);

    private final int code;
    private final byte[] bare;

    OcspResponseStatus(int code) {
        this.code = code;
        this.bare = new byte[] {Der.SEQUENCE, 3, Der.ENUMERATED, 1, (byte) code};
    }

    public int code() {
        return code;
    }

    /**
     * The complete OCSPResponse for an unsuccessful status: {@code SEQUENCE { ENUMERATED code }}, five
     * bytes that need no signature. Meaningless for {@link #SUCCESSFUL}.
     */
    public byte[] bareResponse() {
        if (this == SUCCESSFUL) {
            throw new IllegalStateException("a successful OCSP response carries a signed response");
        }
        return bare.clone();
    }
}
