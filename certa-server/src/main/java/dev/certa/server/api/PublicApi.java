package dev.certa.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certa.core.pem.PemWriter;
import dev.certa.server.http.ApiRequest;
import dev.certa.server.http.Json;
import dev.certa.server.http.Reply;
import dev.certa.server.http.Router;
import dev.certa.store.CertaStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;

/** What anyone may ask without credentials: the roots and chain for bootstrapping, health, metrics. */
public final class PublicApi {
    private final Json json;
    private final X509Certificate root;
    private final List<X509Certificate> chain;
    private final CertaStore store;
    private final PrometheusMeterRegistry prometheus;

    public PublicApi(Json json, X509Certificate root, List<X509Certificate> chain, CertaStore store, PrometheusMeterRegistry prometheus) {
        this.json = json;
        this.root = root;
        this.chain = List.copyOf(chain);
        this.store = store;
        this.prometheus = prometheus;
    }

    public void register(Router router) {
        router.add("GET", "/roots", "roots", r -> pem(List.of(root)));
        router.add("GET", "/roots.pem", "roots", r -> pem(List.of(root)));
        router.add("GET", "/chain", "chain", r -> pem(chain));
        router.add("GET", "/health", "health", Router.Exposure.PUBLIC, this::health);
        router.add("GET", "/ready", "ready", this::ready);
        router.add("GET", "/metrics", "metrics", r -> Reply.of(200, "text/plain; version=0.0.4; charset=utf-8",
                prometheus.scrape().getBytes(StandardCharsets.UTF_8)));
    }

    private static Reply pem(List<X509Certificate> certs) {
        return Reply.of(200, "application/pem-certificate-chain", PemWriter.certificates(certs).getBytes(StandardCharsets.US_ASCII));
    }

    private Reply health(ApiRequest r) {
        ObjectNode n = json.object();
        n.put("status", "ok");
        return json.reply(200, n);
    }

    private Reply ready(ApiRequest r) {
        boolean up = store.isReachable();
        ObjectNode n = json.object();
        n.put("status", up ? "ready" : "not ready");
        n.put("database", up ? "reachable" : "unreachable");
        return json.reply(up ? 200 : 503, n);
    }
}
