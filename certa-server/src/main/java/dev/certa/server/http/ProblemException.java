package dev.certa.server.http;

import java.time.Duration;
import java.util.Optional;

/** Thrown by an endpoint to answer with a problem document instead of a result. */
public final class ProblemException extends RuntimeException {
    private final Problem problem;
    private final Optional<Duration> retryAfter;

    public ProblemException(Problem problem) {
        this(problem, Optional.empty());
    }

    private ProblemException(Problem problem, Optional<Duration> retryAfter) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    /** When the client may try again (sent as {@code Retry-After}), if the problem says. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** The same problem, telling the client to retry after {@code d}. */
    public ProblemException retryAfter(Duration d) {
        return new ProblemException(problem, Optional.of(d));
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(Problem.of(400, slug, "Bad request", detail));
    }

    public static ProblemException unauthorized(String slug, String detail) {
        return new ProblemException(Problem.of(401, slug, "Not authenticated", detail));
    }

    public static ProblemException forbidden(String slug, String detail) {
        return new ProblemException(Problem.of(403, slug, "Not allowed", detail));
    }

    public static ProblemException notFound(String slug, String detail) {
        return new ProblemException(Problem.of(404, slug, "Not found", detail));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    public static ProblemException unavailable(String slug, String detail) {
        return new ProblemException(Problem.of(503, slug, "Unavailable", detail));
    }
}
