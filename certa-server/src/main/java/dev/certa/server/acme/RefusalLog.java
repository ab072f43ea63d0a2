package dev.certa.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import dev.certa.server.http.ApiRequest;
import dev.certa.server.ra.acme.AcmeException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused ACME requests in the server's log, so that an operator sees why a client fails: one INFO line
 * each with the request, the problem type and status, the account the request names (its {@code kid}),
 * the identifiers concerned and the detail the client was sent. Never the JWS, a nonce or a key. At most
 * {@link #LINES_PER_SECOND} lines a second, so that a flood of bad requests cannot fill the disk; the
 * lines left out are counted, and the count is logged (WARN) with the next line that may be written.
 */
final class RefusalLog {
    static final int LINES_PER_SECOND = 20;
    private static final int MAX_DETAIL = 300;
    private static final int MAX_IDENTIFIERS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;
    private final AcmeUrls urls;
    private long second; // guarded by this
    private int written; // guarded by this
    private long suppressed; // guarded by this

    RefusalLog(Clock clock, AcmeUrls urls) {
        this.clock = clock;
        this.urls = urls;
    }

    void refused(ApiRequest request, AcmeException e) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long left;
        synchronized (this) {
            long now = Math.floorDiv(clock.millis(), 1000);
            left = 0;
            if (now != second) {
                second = now;
                written = 0;
                left = suppressed;
                suppressed = 0;
            }
            if (written >= LINES_PER_SECOND) {
                suppressed++;
                return;
            }
            written++;
        }
        if (left > 0) {
            LOG.warn("{} more refused ACME requests were not logged (at most {} lines a second)", left, LINES_PER_SECOND);
        }
        String detail = e.detail().length() > MAX_DETAIL ? e.detail().substring(0, MAX_DETAIL) + "…" : e.detail();
        LOG.info("ACME request refused: {} {} -> {} ({}), account {}, identifiers {}: {}", request.method(), request.path(),
                e.error().type(), e.status(), account(request).orElse("none named"), identifiers(request, e), detail);
    }

    /** The account id the request's {@code kid} names, if it is one of this CA's account URLs (the JWS may not verify). */
    private Optional<String> account(ApiRequest request) {
        return header(request).flatMap(jws -> Optional.ofNullable(jws.getHeader().getKeyID())).flatMap(urls::accountId);
    }

    /** The identifiers a subproblem names, or that a newOrder asks for. */
    private List<String> identifiers(ApiRequest request, AcmeException e) {
        List<String> out = new ArrayList<>();
        e.subproblems().forEach(s -> out.add(s.type() + ":" + s.value()));
        if (out.isEmpty() && request.path().equals(AcmeUrls.NEW_ORDER)) {
            header(request).map(jws -> jws.getPayload().toString()).ifPresent(payload -> {
                try {
                    for (JsonNode i : mapper.readTree(payload).path("identifiers")) {
                        out.add(i.path("type").asText() + ":" + i.path("value").asText());
                    }
                } catch (IOException | RuntimeException ignored) {
                    // not JSON: no identifiers to name
                }
            });
        }
        return out.size() > MAX_IDENTIFIERS ? out.subList(0, MAX_IDENTIFIERS) : out;
    }

    private Optional<JWSObject> header(ApiRequest request) {
        try {
            return Optional.of(JwsVerifier.parse(mapper.readTree(request.body())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
