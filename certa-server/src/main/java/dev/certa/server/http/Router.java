package dev.certa.server.http;

import dev.certa.core.error.CertaException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front end: maps method and path to an {@link Endpoint}, bounds the body, hands over the
 * client certificate, and turns every refusal into a problem document. An unexpected fault is logged
 * with a reference id and answered 500 with that id only.
 *
 * <p><b>Two listeners.</b> A request that did not arrive over TLS reaches only the routes added as
 * {@link Exposure#PUBLIC}: what certificates point at (CRL, OCSP, the CA certificate) and health. Every
 * other path answers 404 there, so that bearer tokens and one-time tokens are never accepted in
 * cleartext. The test is the connector's own (does it speak TLS?), not a header a proxy could forge.
 *
 * <p><b>Paths.</b> Routes match the raw path, as sent. The connectors accept the ambiguous forms
 * RFC 6960 A.1 OCSP GET URLs need ({@code %2F}, {@code //}; see {@link #URI_COMPLIANCE}); the router
 * then holds every route but an {@link Exposure#PUBLIC_OPAQUE_TAIL} one to Jetty's default rules.
 */
public final class Router extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /**
     * What the connectors let through: Jetty's default, plus the encoded and empty path segments that the
     * base64 in an OCSP GET URL holds ({@code /} encoded as {@code %2F}, or raw, giving {@code //}).
     * Only the routes that ask for it see such a path; see {@link #handle}.
     */
    public static final UriCompliance URI_COMPLIANCE = UriCompliance.DEFAULT.with("CERTA_OCSP_GET",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT);

    /** Where a route answers, and what paths it accepts. */
    public enum Exposure {
        /** On the HTTPS listener only: everything that takes credentials or a body, and the rest of the API. */
        HTTPS_ONLY,
        /** On both listeners: what certificates point at and clients fetch without TLS (CRL, CA certificate), and health. */
        PUBLIC,
        /** Like {@link #PUBLIC}, and the path after the prefix is opaque data that may hold {@code %2F} or {@code //} (OCSP GET). */
        PUBLIC_OPAQUE_TAIL
    }

    /** A route: exact path, or a prefix when {@code path} ends in {@code /*}. */
    private record Route(String method, String path, String name, Exposure exposure, Endpoint endpoint, Timer timer) {
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

    /** Adds a route served on the HTTPS listener only; {@code name} labels its metrics. Call before the server starts. */
    public Router add(String method, String path, String name, Endpoint endpoint) {
        return add(method, path, name, Exposure.HTTPS_ONLY, endpoint);
    }

    /** Adds a route served where {@code exposure} says; {@code name} labels its metrics. Call before the server starts. */
    public Router add(String method, String path, String name, Exposure exposure, Endpoint endpoint) {
        Timer timer = Timer.builder("certa_http_requests").tag("route", name).tag("method", method)
                .description("HTTP requests by route").register(meters);
        Route r = new Route(method, path, name, exposure, endpoint, timer);
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
        boolean tls = overTls(request);
        List<Route> candidates = exact.getOrDefault(path, List.of());
        if (candidates.isEmpty()) {
            candidates = prefixed.stream().filter(r -> r.matchesPath(path)).toList();
        }
        candidates = candidates.stream().filter(r -> tls || r.exposure() != Exposure.HTTPS_ONLY).toList();
        String ambiguity = candidates.stream().allMatch(r -> r.exposure() == Exposure.PUBLIC_OPAQUE_TAIL) ? null
                : ambiguity(request);
        Reply reply;
        if (candidates.isEmpty()) {
            reply = json.problem(Problem.of(404, "not-found", "Not found", "there is nothing at " + path
                    + (tls ? "" : " on the plain-HTTP listener, which serves only CRLs, OCSP, CA certificates and /health;"
                            + " use the HTTPS address")));
        } else if (ambiguity != null) {
            reply = json.problem(Problem.of(400, "ambiguous-uri", "Bad request",
                    "the path is ambiguous (" + ambiguity + "); send it without encoded '/' or empty segments"));
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
                    clientCertificates(request), clientAddress(request));
            return route.endpoint().handle(api);
        } catch (ProblemException e) {
            Reply problem = json.problem(e.problem());
            return e.retryAfter().map(d -> problem.withHeader("Retry-After", String.valueOf(Math.max(1, (d.toMillis() + 999) / 1000))))
                    .orElse(problem);
        } catch (CertaException e) {
            Problem p = Problems.of(e);
            return p.status() >= 500 ? json.problem(internalError(method + " " + path + ": " + e.reason(), e)) : json.problem(p);
        } catch (RuntimeException e) {
            return json.problem(internalError(method + " " + path, e));
        }
    }

    /**
     * A server fault as the client sees it: a reference id and nothing else. The log line carries the
     * same id, {@code what} and the stack trace, so that the operator can find it from the client's report.
     */
    static Problem internalError(String what, @Nullable Throwable cause) {
        String id = UUID.randomUUID().toString();
        LOG.error("internal error, reference {}: {}", id, what, cause);
        return Problem.of(500, "internal", "Internal error", "internal error, reference " + id + "; the server log has the details");
    }

    /** True when the request came in over a TLS connector: judged by the connector itself, not by headers. */
    private static boolean overTls(Request request) {
        return request.getConnectionMetaData().getConnector().getConnectionFactory(SslConnectionFactory.class) != null;
    }

    /** Why the URI is ambiguous by Jetty's default rules (an encoded '/', an empty segment...), or null when it is not. */
    private static @Nullable String ambiguity(Request request) {
        HttpURI uri = request.getHttpURI();
        return uri.hasViolations() ? UriCompliance.checkUriCompliance(UriCompliance.DEFAULT, uri, null) : null;
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
            throw ProblemException.badRequest("unreadable-body",
                    "the request body could not be read to its end (the client stopped sending or sent less than its Content-Length)");
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
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request);
        } catch (IllegalArgumentException | IllegalStateException e) { // Jetty's "400: Bad query": a %-escape that is not hex, bytes that are not UTF-8
            throw ProblemException.badRequest("malformed-query", "the query string is not valid percent-encoded UTF-8;"
                    + " encode each parameter as UTF-8 bytes, each byte outside letters and digits as %XX");
        }
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

    /** The TCP peer's address, as the connection has it (no forwarded-for header is read). */
    private static Optional<InetAddress> clientAddress(Request request) {
        if (request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress peer && peer.getAddress() != null) {
            return Optional.of(peer.getAddress());
        }
        return Optional.empty();
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
