package dev.certa.server.ra.acme;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Refuses an ACME request with an RFC 8555 problem: the front end turns it into the problem document. */
public final class AcmeException extends RuntimeException {
    private final AcmeError error;
    private final int status;
    private final Optional<Duration> retryAfter;
    private final List<Subproblem> subproblems;

    /**
     * What is wrong with one identifier of a request that names several (RFC 8555 section 6.7.1).
     *
     * @param type the identifier's type as the client sent it ({@code dns}, {@code ip})
     * @param value the identifier's value as the client sent it
     */
    public record Subproblem(AcmeError error, String type, String value, String detail) {}

    public AcmeException(AcmeError error, String detail) {
        this(error, error.status(), detail);
    }

    public AcmeException(AcmeError error, int status, String detail) {
        this(error, status, detail, Optional.empty());
    }

    private AcmeException(AcmeError error, int status, String detail, Optional<Duration> retryAfter) {
        this(error, status, detail, retryAfter, List.of());
    }

    private AcmeException(AcmeError error, int status, String detail, Optional<Duration> retryAfter, List<Subproblem> subproblems) {
        super(detail, null, false, false);
        this.error = error;
        this.status = status;
        this.retryAfter = retryAfter;
        this.subproblems = List.copyOf(subproblems);
    }

    /** A refusal because of several identifiers, each with its own problem. */
    public static AcmeException withSubproblems(AcmeError error, String detail, List<Subproblem> subproblems) {
        return new AcmeException(error, error.status(), detail, Optional.empty(), subproblems);
    }

    /** What is wrong with each identifier, when the request named several that are (empty otherwise). */
    public List<Subproblem> subproblems() {
        return subproblems;
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
