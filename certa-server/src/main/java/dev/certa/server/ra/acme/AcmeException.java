package dev.certa.server.ra.acme;

import java.time.Duration;
import java.util.Optional;

/** Refuses an ACME request with an RFC 8555 problem: the front end turns it into the problem document. */
public final class AcmeException extends RuntimeException {
    private final AcmeError error;
    private final int status;
    private final Optional<Duration> retryAfter;

    public AcmeException(AcmeError error, String detail) {
        this(error, error.status(), detail);
    }

    public AcmeException(AcmeError error, int status, String detail) {
        this(error, status, detail, Optional.empty());
    }

    private AcmeException(AcmeError error, int status, String detail, Optional<Duration> retryAfter) {
        super(detail, null, false, false);
        this.error = error;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** {@code rateLimited} (429), to be tried again after {@code retryAfter} (sent as the Retry-After header). */
    public static AcmeException rateLimited(String detail, Duration retryAfter) {
        return new AcmeException(AcmeError.RATE_LIMITED, AcmeError.RATE_LIMITED.status(), detail, Optional.of(retryAfter));
    }

    public AcmeError error() {
        return error;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    /** When the client may try again, for a refusal that passes with time. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
