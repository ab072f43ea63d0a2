package dev.certa.server.ra.acme;

/**
 * The RFC 8555 error types certa answers with (section 6.7), those of RFC 9773 ({@code alreadyReplaced})
 * and of the ACME profiles extension ({@code invalidProfile}), each with its HTTP status. The document's
 * {@code type} is {@code urn:ietf:params:acme:error:} followed by {@link #word()}.
 */
public enum AcmeError {
    ACCOUNT_DOES_NOT_EXIST("accountDoesNotExist", 400),
    ALREADY_REPLACED("alreadyReplaced", 409),
    ALREADY_REVOKED("alreadyRevoked", 400),
    BAD_CSR("badCSR", 400),
    BAD_NONCE("badNonce", 400),
    BAD_PUBLIC_KEY("badPublicKey", 400),
    BAD_REVOCATION_REASON("badRevocationReason", 400),
    BAD_SIGNATURE_ALGORITHM("badSignatureAlgorithm", 400),
    CAA("caa", 403),
    CONNECTION("connection", 400),
    DNS("dns", 400),
    EXTERNAL_ACCOUNT_REQUIRED("externalAccountRequired", 403),
    INCORRECT_RESPONSE("incorrectResponse", 403),
    INVALID_PROFILE("invalidProfile", 400),
    MALFORMED("malformed", 400),
    ORDER_NOT_READY("orderNotReady", 403),
    RATE_LIMITED("rateLimited", 429),
    REJECTED_IDENTIFIER("rejectedIdentifier", 400),
    SERVER_INTERNAL("serverInternal", 500),
    TLS("tls", 400),
    UNAUTHORIZED("unauthorized", 403),
    UNSUPPORTED_IDENTIFIER("unsupportedIdentifier", 400),
    USER_ACTION_REQUIRED("userActionRequired", 403);

    public static final String PREFIX = "urn:ietf:params:acme:error:";
    private final String word;
    private final int status;

    AcmeError(String word, int status) {
        this.word = word;
        this.status = status;
    }

    public String word() {
        return word;
    }

    public String type() {
        return PREFIX + word;
    }

    public int status() {
        return status;
    }

    /** The error of a type word, e.g. from the validation authority; {@link #SERVER_INTERNAL} if unknown. */
    public static AcmeError ofWord(String word) {
        for (AcmeError e : values()) {
            if (e.word.equals(word)) {
                return e;
            }
        }
        return SERVER_INTERNAL;
    }
}
