package dev.certa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "certs", mixinStandardHelpOptions = true,
        description = {"List certificates a 'certa serve' CA issued (admin), or with --dir those an offline CA issued.",
            "Example: certa certs --name api.internal --status valid --server https://ca:8443 --admin-token-file certa-data/admin-token",
            "A page holds --limit certificates; --all follows the pages to the end, --after SERIAL starts after one."})
final class CertsCommand extends BaseCommand {
    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    AdminOptions admin = new AdminOptions();

    @Option(names = "--name", paramLabel = "NAME", description = "Only certificates for this DNS name or IP address.")
    Optional<String> name = Optional.empty();

    @Option(names = "--status", paramLabel = "valid|revoked|expired", description = "Only valid, only revoked (or, with --dir, only expired) certificates.")
    Optional<String> status = Optional.empty();

    @Option(names = "--limit", defaultValue = "100", description = "At most this many (1-1000, default 100).")
    int limit;

    @Option(names = "--after", paramLabel = "SERIAL",
            description = "Start after this serial (hex), as the 'next' a previous page ended with.")
    Optional<String> after = Optional.empty();

    @Option(names = "--all", description = "Every matching certificate: fetch page after page (--limit each) until the last.")
    boolean all;

    @Option(names = "--json", description = "Print the server's JSON (with --all: one document per page; with --dir: the ledger's, as JSON).")
    boolean json;

    @Option(names = "--dir", paramLabel = "DIR", description = "List what an offline CA (made by 'certa ca init') issued, from its ledger.")
    Optional<String> dir = Optional.empty();

    @Option(names = "--expiring-within", paramLabel = "DURATION", description = "With --dir: only valid certificates that expire within DURATION, e.g. 30d.")
    Optional<String> expiringWithin = Optional.empty();

    @Override
    int execute() {
        if (dir.isPresent() || expiringWithin.isPresent()) {
            return new OfflineCertList(env()).print(dir, new OfflineCertList.Query(name, status, expiringWithin, json));
        }
        Env env = env();
        Map<String, String> auth = admin.authorization(env, "listing certificates");
        CaClient client = server.client(env, Optional.empty());
        Optional<String> from = after;
        int listed = 0;
        boolean more;
        if (!json) {
            out().printf("%-34s %-8s %-21s %s%n", "SERIAL", "STATUS", "NOT AFTER", "NAMES");
        }
        do {
            JsonNode reply = client.get("/certs?" + query(from), auth);
            JsonNode certs = reply.get("certificates");
            if (json) {
                out().println(reply.toPrettyString());
            } else {
                for (JsonNode c : certs) {
                    List<String> names = new ArrayList<>();
                    c.get("names").forEach(n -> names.add(n.asText()));
                    out().printf("%-34s %-8s %-21s %s%n", c.get("serial").asText(), c.get("status").asText(),
                            c.get("notAfter").asText(), String.join(", ", names));
                }
            }
            listed += certs.size();
            more = reply.hasNonNull("next") && certs.size() > 0;
            from = more ? Optional.of(reply.get("next").asText()) : Optional.empty();
        } while (all && more);
        if (!json) {
            out().println(listed + " certificate" + (listed == 1 ? "" : "s")
                    + (more ? " (more: --after " + from.orElseThrow() + ", or --all)" : ""));
        }
        return 0;
    }

    private String query(Optional<String> from) {
        List<String> q = new ArrayList<>();
        name.ifPresent(n -> q.add("name=" + URLEncoder.encode(n, StandardCharsets.UTF_8)));
        status.ifPresent(s -> q.add("status=" + URLEncoder.encode(s, StandardCharsets.UTF_8)));
        from.ifPresent(a -> q.add("after=" + URLEncoder.encode(a, StandardCharsets.UTF_8)));
        q.add("limit=" + limit);
        return String.join("&", q);
    }
}
