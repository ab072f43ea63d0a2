package dev.certa.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certa.server.audit.AuditEvent;
import dev.certa.server.audit.AuditLog;
import dev.certa.server.http.ApiRequest;
import dev.certa.server.http.Json;
import dev.certa.server.http.ProblemException;
import dev.certa.server.http.Reply;
import dev.certa.server.http.Router;
import dev.certa.server.ra.acme.AcmeAccounts;
import dev.certa.server.ra.acme.AcmeEabKeys;
import dev.certa.server.ra.acme.AcmeRenewals;
import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeEabKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an admin (bearer token) does for the ACME server, next to the signing API (see
 * docs/api/openapi.yaml): {@code POST /eab-keys} makes an External Account Binding key (its MAC key is
 * shown this once), {@code GET /eab-keys} lists them with the account each bound, and
 * {@code POST /renew-early} makes the renewal information (ARI) of certificates say "renew now", and
 * {@code GET /acme-accounts} lists the ACME accounts.
 * Every change is audited; MAC keys never are.
 */
public final class AcmeAdminApi {
    private static final int MAX_SERIALS = 1000;
    private final Json json;
    private final AdminAuth admin;
    private final AuditLog audit;
    private final AcmeEabKeys eabKeys;
    private final AcmeRenewals renewals;
    private final AcmeAccounts accounts;

    public AcmeAdminApi(Json json, AdminAuth admin, AuditLog audit, AcmeEabKeys eabKeys, AcmeRenewals renewals, AcmeAccounts accounts) {
        this.accounts = accounts;
        this.json = json;
        this.admin = admin;
        this.audit = audit;
        this.eabKeys = eabKeys;
        this.renewals = renewals;
    }

    public void register(Router router) {
        router.add("POST", "/eab-keys", "eab-keys-create", this::createEabKey);
        router.add("GET", "/eab-keys", "eab-keys-list", this::listEabKeys);
        router.add("POST", "/eab-keys/*", "eab-keys-revoke", this::revokeEabKey);
        router.add("POST", "/renew-early", "renew-early", this::renewEarly);
        router.add("GET", "/acme-accounts", "acme-accounts-list", this::listAccounts);
    }

    /** {@code GET /acme-accounts?limit=N&after=ID}: ACME accounts, oldest first, a page at a time. */
    Reply listAccounts(ApiRequest request) {
        admin.require(request, "listing ACME accounts");
        int limit;
        try {
            limit = Integer.parseInt(request.queryParameter("limit").orElse("100"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_SERIALS) {
            throw ProblemException.badRequest("bad-limit", "\"limit\" must be a whole number from 1 to " + MAX_SERIALS);
        }
        List<AcmeAccount> page = accounts.list(limit, request.queryParameter("after"));
        ObjectNode out = json.object();
        ArrayNode list = out.putArray("accounts");
        for (AcmeAccount a : page) {
            ObjectNode n = list.addObject();
            n.put("id", a.id());
            n.put("status", a.status().word());
            n.put("createdAt", a.createdAt().toString());
            n.put("keyThumbprint", a.keyThumbprint());
            ArrayNode contacts = n.putArray("contacts");
            a.contacts().forEach(contacts::add);
        }
        if (page.size() == limit) {
            out.put("next", page.getLast().id());
        }
        return json.reply(200, out);
    }

    Reply createEabKey(ApiRequest request) {
        admin.require(request, "making an External Account Binding key");
        String label = request.body().length == 0 ? "" : Json.optionalText(json.body(request), "label").orElse("");
        AcmeEabKeys.Created created;
        try {
            created = eabKeys.create(label);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-label", "\"label\": " + e.getMessage());
        }
        audit.append(new AuditEvent("admin", "acme-eab-key-create", Optional.empty(), List.of(), "ok",
                "key id " + created.key().keyId() + (label.isBlank() ? "" : " (" + created.key().label() + ")")));
        ObjectNode n = key(created.key());
        n.put("hmacKey", created.hmacKeyBase64url());
        return json.reply(201, n);
    }

    Reply listEabKeys(ApiRequest request) {
        admin.require(request, "listing External Account Binding keys");
        ObjectNode out = json.object();
        ArrayNode keys = out.putArray("keys");
        eabKeys.list().forEach(k -> keys.add(key(k)));
        return json.reply(200, out);
    }

    /**
     * {@code POST /eab-keys/ID/revoke}, body optional {@code {"deactivateAccount": true}}: the key binds no
     * account from now on; with {@code deactivateAccount}, the account it bound (if any) is deactivated too.
     */
    Reply revokeEabKey(ApiRequest request) {
        admin.require(request, "revoking an External Account Binding key");
        String rest = request.path().substring("/eab-keys/".length());
        if (!rest.endsWith("/revoke") || rest.length() == "/revoke".length() || rest.indexOf('/') != rest.length() - "/revoke".length()) {
            throw ProblemException.notFound("not-found", "there is nothing at " + request.path() + "; revoke a key with POST /eab-keys/KEY_ID/revoke");
        }
        String keyId = rest.substring(0, rest.length() - "/revoke".length());
        boolean deactivate = false;
        if (request.body().length > 0) {
            JsonNode d = json.body(request).get("deactivateAccount");
            if (d != null && !d.isBoolean()) {
                throw ProblemException.badRequest("bad-field", "\"deactivateAccount\" must be true or false");
            }
            deactivate = d != null && d.asBoolean();
        }
        AcmeEabKey key = eabKeys.revoke(keyId).orElseThrow(() -> ProblemException.notFound("unknown-key",
                "this CA has no External Account Binding key '" + keyId + "'; 'certa acme eab list' shows the keys"));
        Optional<AcmeAccount> account = deactivate ? key.accountId().flatMap(accounts::deactivate) : Optional.empty();
        audit.append(new AuditEvent("admin", "acme-eab-key-revoke", Optional.empty(), List.of(), "ok", "key id " + keyId
                + account.map(a -> ", account " + a.id() + " deactivated").orElse("")));
        ObjectNode n = key(key);
        key.accountId().ifPresent(a -> n.put("accountStatus", account.map(x -> x.status().word())
                .or(() -> accounts.find(a).map(x -> x.status().word())).orElse("unknown")));
        return json.reply(200, n);
    }

    Reply renewEarly(ApiRequest request) {
        admin.require(request, "pulling renewals forward");
        JsonNode body = json.body(request);
        JsonNode list = body.get("serials");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_SERIALS) {
            throw ProblemException.badRequest("missing-field", "\"serials\" must list 1 to " + MAX_SERIALS
                    + " certificate serials (hex, as 'certa certs' prints them)");
        }
        Set<BigInteger> serials = new LinkedHashSet<>();
        for (JsonNode s : list) {
            if (!s.isTextual()) {
                throw ProblemException.badRequest("bad-serial", "\"serials\" must be strings (hex serials)");
            }
            serials.add(SigningApi.serial(s.asText()));
        }
        Optional<String> explanation = Json.optionalText(body, "explanation");
        if (explanation.isPresent() && !explanation.get().matches("https?://[^\\s\"<>]{1,500}")) {
            throw ProblemException.badRequest("bad-explanation", "\"explanation\" must be an http(s) URL telling subscribers why");
        }
        List<BigInteger> unknown = renewals.renewNow(serials, explanation);
        if (!unknown.isEmpty()) {
            throw ProblemException.notFound("unknown-serial", "this CA issued no certificate with serial "
                    + String.join(", ", unknown.stream().map(u -> u.toString(16)).toList()) + "; nothing was changed");
        }
        List<String> hex = new ArrayList<>();
        for (BigInteger s : serials) {
            hex.add(s.toString(16));
            audit.append(new AuditEvent("admin", "acme-renew-early", Optional.of(s.toString(16)), List.of(), "ok",
                    explanation.orElse("")));
        }
        ObjectNode out = json.object();
        ArrayNode done = out.putArray("serials");
        hex.forEach(done::add);
        out.put("status", "renewal information now says: renew at once");
        return json.reply(200, out);
    }

    private ObjectNode key(AcmeEabKey k) {
        ObjectNode n = json.object();
        n.put("keyId", k.keyId());
        n.put("label", k.label());
        n.put("createdAt", k.createdAt().toString());
        k.accountId().ifPresent(a -> n.put("account", a));
        k.boundAt().ifPresent(b -> n.put("boundAt", b.toString()));
        k.revokedAt().ifPresent(r -> n.put("revokedAt", r.toString()));
        return n;
    }
}
