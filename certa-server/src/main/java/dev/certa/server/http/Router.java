package dev.certa.server.http;

import dev.certa.core.error.CertaException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front end: maps method and path to an {@link Endpoint}, bounds the body, hands over the
 * client certificate, and turns every refusal into a problem document. An unexpected fault is logged
 * with a reference id and answered 500 with that id only.
 */
public final class Router extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** A route: exact path, or a prefix when {@code path} ends in {@code /*}. */
    private record Route(String method, String path, String name, Endpoint endpoint, Timer timer) {
        boolean matchesPath(String p) {
            return path.endsWith("/*") ? p.startsWith(path.substring(0, path.length() - 1)) : p.equals(path);
        }
    }

    private final Map<String, List<Route>> exact = new HashMap<>();
    private final java.util.ArrayList<Route> prefixed = new java.util.ArrayList<>();
    private final Json json;
    private final int maxBody;
    private final MeterRegistry meters;

    public Router(Json json, int maxBody, MeterRegistry meters) {
        this.json = json;
        this.maxBody = maxBody;
        this.meters = meters;
    }

    /** Adds a route; {@code name} labels its metrics. Call before the server starts. */
    public Router add(String method, String path, String name, Endpoint endpoint) {
        Timer timer = Timer.builder("certa_http_requests").tag("route", name).tag("method", method)
                .description("HTTP requests by route").register(meters);
        Route r = new Route(method, path, name, endpoint, timer);
        if (path.endsWith("/*")) {
            prefixed.add(r);
        } else {
            exact.computeIfAbsent(path, k -> new java.util.ArrayList<>()).add(r);
        }
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        List<Route> candidates = exact.getOrDefault(path, List.of());
        if (candidates.isEmpty()) {
            candidates = prefixed.stream().filter(r -> r.matchesPath(path)).toList();
        }
        Reply reply;
        if (candidates.isEmpty()) {
            reply = json.problem(Problem.of(404, "not-found", "Not found", "there is nothing at " + path));
        } else {
            Route route = candidates.stream().filter(r -> r.method().equals(method)).findFirst().orElse(null);
            if (route == null) {
                String allow = String.join(", ", candidates.stream().map(Route::method).toList());
                reply = json.problem(Problem.of(405, "method-not-allowed", "Method not allowed",
                        method + " is not allowed on " + path + "; use " + allow)).withHeader("Allow", allow);
            } else {
                long start = System.nanoTime();
                reply = dispatch(route, request, path, method);
                route.timer().record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
        write(reply, response, callback);
        return true;
    }

    private Reply dispatch(Route route, Request request, String path, String method) {
        try {
            ApiRequest api = new ApiRequest(method, path, query(request), headers(request), body(request),
                    clientCertificates(request));
            return route.endpoint().handle(api);
        } catch (ProblemException e) {
            Reply problem = json.problem(e.problem());
            return e.retryAfter().map(d -> problem.withHeader("Retry-After", String.valueOf(Math.max(1, (d.toMillis() + 999) / 1000))))
                    .orElse(problem);
        } catch (CertaException e) {
            Problem p = Problems.of(e);
            if (p.status() >= 500) {
                String id = UUID.randomUUID().toString();
                LOG.error("internal error {} on {} {}: {}", id, method, path, e.reason(), e);
                return json.problem(Problem.of(500, "internal", "Internal error", "the CA failed to answer this request (reference "
                        + id + "); try again, and report the reference if it persists"));
            }
            return json.problem(p);
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            LOG.error("internal error {} on {} {}", id, method, path, e);
            return json.problem(Problem.of(500, "internal", "Internal error",
                    "the CA failed to answer this request (reference " + id + "); try again, and report the reference if it persists"));
        }
    }

    private byte[] body(Request request) {
        long declared = request.getLength();
        if (declared > maxBody) {
            drain(request, declared);
            throw tooLarge(declared);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(maxBody + 1);
            if (bytes.length > maxBody) {
                throw tooLarge(-1);
            }
            return bytes;
        } catch (IOException e) {
            throw ProblemException.badRequest("unreadable-body", "the request body could not be read: " + e.getMessage());
        }
    }

    /** Bodies up to this size are read and dropped before a 413, so that the client gets to read the answer. */
    private static final long DRAIN_LIMIT = 1 << 20;

    /**
     * Reads and drops a too-large body the client is still sending (when it is not huge): closing the
     * connection with unread bytes in it makes the kernel reset it, and the client loses the 413 problem
     * in the reset ("connection reset" or "received no bytes" instead of a clear answer).
     */
    private static void drain(Request request, long declared) {
        if (declared > DRAIN_LIMIT) {
            return; // not worth reading: the connection is closed after the answer
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            in.skipNBytes(Math.min(declared, DRAIN_LIMIT));
        } catch (IOException | RuntimeException e) {
            // the client went away or sent less than it declared: the 413 is still the answer
        }
    }

    private ProblemException tooLarge(long declared) {
        return new ProblemException(Problem.of(413, "body-too-large", "Request body too large",
                "the body" + (declared > 0 ? " (" + declared + " bytes)" : "") + " is over the limit of " + maxBody
                        + " bytes; send a single CSR or JSON object"));
    }

    private static Map<String, String> query(Request request) {
        Fields fields = Request.extractQueryParameters(request);
        Map<String, String> out = new LinkedHashMap<>();
        for (Fields.Field f : fields) {
            out.putIfAbsent(f.getName(), f.getValue());
        }
        return out;
    }

    private static Map<String, String> headers(Request request) {
        Map<String, String> out = new HashMap<>();
        for (HttpField f : request.getHeaders()) {
            out.putIfAbsent(f.getLowerCaseName(), f.getValue());
        }
        return out;
    }

    private static List<X509Certificate> clientCertificates(Request request) {
        if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData ssl
                && ssl.peerCertificates() != null) {
            return List.of(ssl.peerCertificates());
        }
        return List.of();
    }

    private static void write(Reply reply, Response response, Callback callback) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.getHeaders().put("Cache-Control", reply.headers().getOrDefault("Cache-Control", "no-store"));
        reply.headers().forEach((k, v) -> {
            if (!k.equals("Cache-Control")) {
                for (String line : v.split("\n")) { // several values of one header, one field each (see Reply)
                    response.getHeaders().add(k, line);
                }
            }
        });
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
