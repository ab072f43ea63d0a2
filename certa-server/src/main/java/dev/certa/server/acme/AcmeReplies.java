package dev.certa.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certa.server.http.Reply;
import dev.certa.server.ra.acme.AcmeException;

/** Replies as ACME wants them: JSON resources, problem documents, and the headers every answer carries. */
final class AcmeReplies {
    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";
    private final AcmeJson json;
    private final AcmeUrls urls;
    private final Nonces nonces;

    AcmeReplies(AcmeJson json, AcmeUrls urls, Nonces nonces) {
        this.json = json;
        this.urls = urls;
        this.nonces = nonces;
    }

    Reply resource(int status, JsonNode body) {
        return Reply.of(status, JSON, json.bytes(body));
    }

    Reply created(JsonNode body, String location) {
        return resource(201, body).withHeader("Location", location);
    }

    Reply problem(AcmeException e) {
        ObjectNode n = json.object();
        n.put("type", e.error().type());
        n.put("detail", e.detail());
        n.put("status", e.status());
        if (!e.subproblems().isEmpty()) {
            var subs = n.putArray("subproblems");
            for (AcmeException.Subproblem s : e.subproblems()) {
                ObjectNode sub = subs.addObject().put("type", s.error().type()).put("detail", s.detail());
                sub.putObject("identifier").put("type", s.type()).put("value", s.value());
            }
        }
        if (e.error() == dev.certa.server.ra.acme.AcmeError.BAD_SIGNATURE_ALGORITHM) {
            n.putArray("algorithms").add("ES256").add("ES384").add("RS256").add("EdDSA");
        }
        Reply r = Reply.of(e.status(), PROBLEM, json.bytes(n));
        return e.retryAfter().map(d -> r.withHeader("Retry-After", String.valueOf(Math.max(1, (d.toMillis() + 999) / 1000)))).orElse(r);
    }

    /** Adds what every ACME answer carries: a fresh nonce (RFC 8555 6.5) and the directory link (7.1). */
    Reply finish(Reply r) {
        Reply withNonce = r.withHeader("Replay-Nonce", nonces.next());
        return withNonce.alsoHeader("Link", "<" + urls.url(AcmeUrls.DIRECTORY) + ">;rel=\"index\"");
    }
}
