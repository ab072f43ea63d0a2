package dev.certa.server.http;

import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's error page, replaced: what Jetty refuses before the {@link Router} sees it (a request line
 * that is not HTTP, a URI over the size limit (414), headers over it (431), an ambiguous path, an
 * unknown protocol) is answered with a problem document like every other refusal, never an HTML page.
 * A 5xx carries only a reference id; the log line has the id and the stack.
 *
 * <p>Install with {@code server.setErrorHandler(new ProblemErrorHandler(json))}.
 */
public final class ProblemErrorHandler implements Request.Handler {
    /** Jetty's reasons are short fixed phrases ("Ambiguous URI path separator"); anything else is not echoed. */
    private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 ,:'_-]{1,80}");
    private final Json json;

    public ProblemErrorHandler(Json json) {
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        @Nullable Throwable cause = request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        @Nullable String reason = null;
        if (cause instanceof HttpException http) {
            status = http.getCode();
            reason = http.getReason();
        }
        if (status < 400) {
            status = 500;
        }
        Problem problem = problemFor(status, reason, cause);
        Reply reply = json.problem(problem);
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (HttpStatus.hasNoBody(problem.status()) || HttpMethod.HEAD.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }

    static Problem problemFor(int status, @Nullable String reason, @Nullable Throwable cause) {
        String why = reason != null && PLAIN_REASON.matcher(reason).matches() ? " (" + reason + ")" : "";
        return switch (status) {
            case 400 -> Problem.of(400, "malformed-request", "Bad request",
                    "the request is not valid HTTP or its URI cannot be read" + why + "; check how the client builds the URL");
            case 404 -> Problem.of(404, "not-found", "Not found", "there is nothing at this address");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", "this method is not allowed here" + why);
            case 408 -> Problem.of(408, "request-timeout", "Request timeout",
                    "the request did not arrive in time; send it again without pauses");
            case 413 -> Problem.of(413, "body-too-large", "Request body too large",
                    "the request body is over the server's limit; send a single CSR or JSON object");
            case 414 -> Problem.of(414, "uri-too-long", "URI too long",
                    "the request's URI is longer than the server accepts; send large requests in a POST body");
            case 431 -> Problem.of(431, "headers-too-large", "Request headers too large",
                    "the request's headers are larger than the server accepts; send fewer or shorter headers");
            case 505 -> Problem.of(505, "http-version-not-supported", "HTTP version not supported",
                    "the server speaks HTTP/1.1 (and HTTP/1.0); send one of those");
            default -> status >= 500
                    ? Router.internalError("request refused by the HTTP layer with " + status + why, cause)
                    : Problem.of(status, "bad-request", "Bad request",
                            "the request was refused (" + status + " " + HttpStatus.getMessage(status) + ")" + why);
        };
    }
}
