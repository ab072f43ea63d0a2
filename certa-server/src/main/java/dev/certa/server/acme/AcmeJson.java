package dev.certa.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certa.server.ra.acme.OrderView;
import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeAuthorization;
import dev.certa.store.AcmeChallenge;
import dev.certa.store.AcmeOrder;
import dev.certa.store.AcmeStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** ACME resources as RFC 8555 section 7.1 writes them. */
final class AcmeJson {
    private final ObjectMapper mapper = new ObjectMapper();
    private final AcmeUrls urls;

    AcmeJson(AcmeUrls urls) {
        this.urls = urls;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    byte[] bytes(JsonNode n) {
        try {
            return mapper.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode account(AcmeAccount a) {
        ObjectNode n = object();
        n.put("status", a.status().word());
        ArrayNode contacts = n.putArray("contact");
        a.contacts().forEach(contacts::add);
        return n;
    }

    ObjectNode order(OrderView v) {
        AcmeOrder o = v.order();
        ObjectNode n = object();
        n.put("status", v.status().word());
        n.put("expires", time(o.expiresAt()));
        ArrayNode ids = n.putArray("identifiers");
        o.identifiers().forEach(i -> ids.add(identifier(i)));
        ArrayNode authz = n.putArray("authorizations");
        o.authorizationIds().forEach(id -> authz.add(urls.url(AcmeUrls.AUTHZ, id)));
        n.put("finalize", urls.url(AcmeUrls.FINALIZE, o.id()));
        n.put("profile", o.profile());
        o.replaces().ifPresent(r -> n.put("replaces", r));
        o.notAfter().ifPresent(t -> n.put("notAfter", time(t)));
        if (v.status() == AcmeStatus.VALID) {
            n.put("certificate", urls.url(AcmeUrls.CERTIFICATE, o.id()));
        }
        o.error().ifPresent(e -> n.set("error", parse(e)));
        return n;
    }

    ObjectNode authorization(AcmeAuthorization a) {
        ObjectNode n = object();
        n.put("status", a.status().word());
        n.put("expires", time(a.expiresAt()));
        boolean wildcard = a.identifier().startsWith("dns:*.");
        n.set("identifier", identifier(wildcard ? "dns:" + a.identifier().substring(6) : a.identifier()));
        if (wildcard) {
            n.put("wildcard", true);
        }
        ArrayNode challenges = n.putArray("challenges");
        a.challenges().forEach(c -> challenges.add(challenge(c)));
        return n;
    }

    ObjectNode challenge(AcmeChallenge c) {
        ObjectNode n = object();
        n.put("type", c.type());
        n.put("url", urls.url(AcmeUrls.CHALLENGE, c.id()));
        n.put("status", c.status().word());
        n.put("token", c.token());
        c.validatedAt().filter(t -> c.status() == AcmeStatus.VALID).ifPresent(t -> n.put("validated", time(t)));
        c.error().filter(e -> c.status() != AcmeStatus.VALID).ifPresent(e -> n.set("error", parse(e))); // a failed try before success
        return n;
    }

    private ObjectNode identifier(String stored) {
        int colon = stored.indexOf(':');
        return object().put("type", stored.substring(0, colon)).put("value", stored.substring(colon + 1));
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            return object().put("type", "urn:ietf:params:acme:error:serverInternal");
        }
    }

    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Optional<String> text(JsonNode n, String field) {
        JsonNode f = n.get(field);
        return f != null && f.isTextual() ? Optional.of(f.asText()) : Optional.empty();
    }
}
