package dev.certa.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certa.server.http.ApiRequest;
import dev.certa.server.http.Endpoint;
import dev.certa.server.http.Reply;
import dev.certa.server.http.Router;
import dev.certa.server.config.AcmePolicyConfig.ExternalAccountBinding;
import dev.certa.server.ra.acme.AcmeAccounts;
import dev.certa.server.ra.acme.AcmeError;
import dev.certa.server.ra.acme.AcmeException;
import dev.certa.server.ra.acme.AcmePolicy;
import dev.certa.server.ra.acme.AcmeRa;
import dev.certa.server.ra.acme.AcmeRenewals;
import dev.certa.server.ra.acme.CertId;
import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeLedger;
import java.time.Clock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACME server's front end (RFC 8555), under {@code /acme/} on the HTTPS port: the directory, nonces,
 * accounts (with External Account Binding) and renewal information (RFC 9773) here; orders, authorizations, challenges, certificates and revocation in
 * {@link OrderEndpoints}. Every request but the directory and newNonce is a JWS POST that
 * {@link JwsVerifier} checks before anything else happens.
 */
public final class AcmeFrontEnd {
    private static final Logger LOG = LoggerFactory.getLogger(AcmeFrontEnd.class);
    private static final Duration NONCE_LIFETIME = Duration.ofHours(1);
    private final AcmeUrls urls;
    private final AcmeJson json;
    private final AcmeReplies replies;
    private final JwsVerifier verifier;
    private final AcmeRa ra;
    private final AcmePolicy policy;
    private final EabVerifier eab;
    private final RefusalLog refusals;
    private final SecureRandom random;

    /**
     * @param sharedByNodes whether other nodes serve ACME from the same store, so that a nonce one of them
     *     handed out must be good, once, on all of them
     */
    public AcmeFrontEnd(String httpsBase, AcmeLedger ledger, boolean sharedByNodes, AcmeRa ra, AcmePolicy policy, Clock clock,
            SecureRandom random) {
        this.urls = new AcmeUrls(httpsBase);
        Nonces nonces = sharedByNodes ? Nonces.shared(ledger, clock, random, NONCE_LIFETIME)
                : Nonces.local(clock, random, NONCE_LIFETIME);
        this.json = new AcmeJson(urls);
        this.replies = new AcmeReplies(json, urls, nonces);
        this.verifier = new JwsVerifier(ledger, nonces, urls);
        this.ra = ra;
        this.policy = policy;
        this.eab = new EabVerifier(ra.eabKeys());
        this.refusals = new RefusalLog(clock, urls);
        this.random = random;
    }

    /** The directory URL clients are configured with. */
    public String directoryUrl() {
        return urls.url(AcmeUrls.DIRECTORY);
    }

    /** The URL of the account {@code id} of an ACME server whose base URL is {@code base} (before the front end exists). */
    public static String accountUrl(String base, String id) {
        return new AcmeUrls(base).url(AcmeUrls.ACCOUNT, id);
    }

    /** The URL of the account with this id. */
    public String accountUrl(String accountId) {
        return urls.url(AcmeUrls.ACCOUNT, accountId);
    }

    public void register(Router router) {
        router.add("GET", AcmeUrls.DIRECTORY, "acme-directory", acme(r -> replies.resource(200, directory())));
        router.add("HEAD", AcmeUrls.NEW_NONCE, "acme-new-nonce", acme(r -> Reply.of(200, "text/plain", new byte[0])));
        router.add("GET", AcmeUrls.NEW_NONCE, "acme-new-nonce", acme(r -> Reply.of(204, "text/plain", new byte[0])));
        router.add("POST", AcmeUrls.NEW_ACCOUNT, "acme-new-account", acme(this::newAccount));
        router.add("POST", AcmeUrls.ACCOUNT + "*", "acme-account", acme(this::account));
        router.add("POST", AcmeUrls.KEY_CHANGE, "acme-key-change", acme(this::keyChange));
        router.add("GET", AcmeUrls.RENEWAL_INFO + "/*", "acme-renewal-info", acme(this::renewalInfo));
        new OrderEndpoints(urls, json, replies, verifier, ra).register(router, this::acme);
    }

    /**
     * Wraps an endpoint: ACME problems as documents (logged, {@link RefusalLog}), and the nonce and index link
     * on every answer. Any other failure is a {@code serverInternal} problem with a reference id, logged
     * with the cause under the same id, and also carries a fresh nonce, so the client can go on.
     */
    Endpoint acme(Endpoint inner) {
        return request -> {
            Reply r;
            try {
                r = inner.handle(request);
            } catch (AcmeException e) {
                if (e.error() != AcmeError.SERVER_INTERNAL) {
                    refusals.refused(request, e);
                }
                r = replies.problem(e);
            } catch (RuntimeException e) {
                String reference = reference();
                LOG.error("internal error {} on {} {}", reference, request.method(), request.path(), e);
                r = replies.problem(new AcmeException(AcmeError.SERVER_INTERNAL, "the CA failed to answer this request (reference "
                        + reference + "); try again, and report the reference if it persists"));
            }
            return replies.finish(r);
        };
    }

    /** A reference id for a server fault: random, so that one log line answers one report. */
    private String reference() {
        byte[] id = new byte[8];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private ObjectNode directory() {
        ObjectNode d = json.object();
        d.put("newNonce", urls.url(AcmeUrls.NEW_NONCE));
        d.put("newAccount", urls.url(AcmeUrls.NEW_ACCOUNT));
        d.put("newOrder", urls.url(AcmeUrls.NEW_ORDER));
        d.put("revokeCert", urls.url(AcmeUrls.REVOKE_CERT));
        d.put("keyChange", urls.url(AcmeUrls.KEY_CHANGE));
        d.put("renewalInfo", urls.url(AcmeUrls.RENEWAL_INFO));
        ObjectNode meta = d.putObject("meta");
        policy.termsOfService().ifPresent(t -> meta.put("termsOfService", t));
        meta.put("externalAccountRequired", policy.eab() == ExternalAccountBinding.REQUIRED);
        ObjectNode profiles = meta.putObject("profiles");
        policy.profiles().forEach(p -> profiles.put(p.name(), p.description()));
        policy.caaIdentities().forEach(meta.putArray("caaIdentities")::add);
        return d;
    }

    private Reply newAccount(ApiRequest request) {
        VerifiedJws jws = verifier.verify(request, JwsVerifier.KeyRule.JWK);
        JsonNode p = jws.payload().orElseThrow(() -> new AcmeException(AcmeError.MALFORMED, "newAccount needs a JSON payload"));
        JsonNode binding = p.get("externalAccountBinding");
        Optional<String> eabKeyId = Optional.empty();
        if (binding != null && policy.eab() != ExternalAccountBinding.OFF && ra.accounts().findByKey(jws.keyThumbprint()).isEmpty()) {
            eabKeyId = Optional.of(eab.verify(binding, jws.keyThumbprint(), urls.url(AcmeUrls.NEW_ACCOUNT)));
        }
        AcmeAccounts.Registration reg = ra.accounts().register(new AcmeAccounts.NewAccount(jws.keyThumbprint(),
                jws.key().toPublicJWK().toJSONString(), contacts(p).orElse(List.of()), p.path("termsOfServiceAgreed").asBoolean(false),
                p.path("onlyReturnExisting").asBoolean(false), eabKeyId, request.clientAddress()));
        String location = urls.url(AcmeUrls.ACCOUNT, reg.account().id());
        return replies.resource(reg.created() ? 201 : 200, json.account(reg.account())).withHeader("Location", location);
    }

    private Reply account(ApiRequest request) {
        VerifiedJws jws = verifier.verify(request, JwsVerifier.KeyRule.KID);
        AcmeAccount a = jws.requireAccount();
        if (!AcmeUrls.idOf(request.path(), AcmeUrls.ACCOUNT).equals(a.id())) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, "the request is signed for another account than " + request.path());
        }
        if (jws.payload().isPresent()) {
            JsonNode p = jws.payload().get();
            a = ra.accounts().update(a, contacts(p), AcmeJson.text(p, "status"));
        }
        return replies.resource(200, json.account(a)).withHeader("Location", urls.url(AcmeUrls.ACCOUNT, a.id()));
    }

    /**
     * Key rollover (RFC 8555 section 7.3.5): the outer JWS is signed by the account's key, the inner one
     * (its payload) by the new key, naming the account and the old key.
     */
    private Reply keyChange(ApiRequest request) {
        VerifiedJws jws = verifier.verify(request, JwsVerifier.KeyRule.KID);
        AcmeAccount a = jws.requireAccount();
        JsonNode innerJws = jws.payload().orElseThrow(() -> new AcmeException(AcmeError.MALFORMED,
                "keyChange needs the inner JWS as its payload"));
        JwsVerifier.Inner inner = verifier.verifyInner(innerJws, urls.url(AcmeUrls.KEY_CHANGE));
        String accountUrl = urls.url(AcmeUrls.ACCOUNT, a.id());
        if (!accountUrl.equals(AcmeJson.text(inner.payload(), "account").orElse(""))) {
            throw new AcmeException(AcmeError.MALFORMED, "the inner payload's \"account\" must be " + accountUrl);
        }
        JsonNode oldKey = inner.payload().get("oldKey");
        if (oldKey == null || !oldKey.isObject() || !JwsVerifier.thumbprint(oldKey).equals(a.keyThumbprint())) {
            throw new AcmeException(AcmeError.MALFORMED, "the inner payload's \"oldKey\" is not the account's current key");
        }
        Optional<AcmeAccount> holder = ra.accounts().findByKey(inner.keyThumbprint());
        if (holder.isPresent()) {
            return replies.problem(new AcmeException(AcmeError.MALFORMED, 409, "the new key already belongs to an account"))
                    .withHeader("Location", urls.url(AcmeUrls.ACCOUNT, holder.get().id()));
        }
        AcmeAccount changed = ra.accounts().changeKey(a, inner.keyThumbprint(), inner.key().toPublicJWK().toJSONString());
        return replies.resource(200, json.account(changed)).withHeader("Location", accountUrl);
    }

    /** Renewal information (RFC 9773 section 4): a plain GET, no JWS, for {@code renewal-info/<ARI certificate id>}. */
    private Reply renewalInfo(ApiRequest request) {
        CertId id = CertId.parse(AcmeUrls.idOf(request.path(), AcmeUrls.RENEWAL_INFO + "/"));
        AcmeRenewals.RenewalInfo info = ra.renewals().renewalInfo(id);
        ObjectNode n = json.object();
        n.putObject("suggestedWindow").put("start", AcmeJson.time(info.start())).put("end", AcmeJson.time(info.end()));
        info.explanation().ifPresent(e -> n.put("explanationURL", e));
        return replies.resource(200, n).withHeader("Retry-After", String.valueOf(AcmeRenewals.RETRY_AFTER.toSeconds()));
    }

    private static Optional<List<String>> contacts(JsonNode p) {
        JsonNode c = p.get("contact");
        if (c == null || c.isNull()) {
            return Optional.empty();
        }
        if (!c.isArray()) {
            throw new AcmeException(AcmeError.MALFORMED, "\"contact\" must be an array of URLs");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : c) {
            if (!n.isTextual()) {
                throw new AcmeException(AcmeError.MALFORMED, "\"contact\" must be an array of URLs");
            }
            out.add(n.asText());
        }
        return Optional.of(out);
    }
}
