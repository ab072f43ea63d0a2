package dev.certa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "renew-early", mixinStandardHelpOptions = true,
        description = {"Ask ACME clients to renew these certificates now (admin): their renewal information (ARI, RFC 9773)",
            "then shows a window that has already passed, and ARI-aware clients (certbot, lego, Caddy, acme4j) renew at their next check.",
            "Example: certa acme renew-early 5f3a… 7b21… --explanation https://ca.internal/incidents/42 --admin-token-file certa-data/admin-token"})
final class AcmeRenewEarlyCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "SERIAL", description = "Serial numbers in hex (as 'certa certs' prints them).")
    List<String> serials = List.of();

    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    AdminOptions admin = new AdminOptions();

    @Option(names = "--explanation", paramLabel = "URL", description = "A page telling subscribers why (sent to clients as explanationURL).")
    Optional<String> explanation = Optional.empty();

    @Override
    int execute() {
        Env env = env();
        Map<String, String> auth = admin.authorization(env, "pulling renewals forward");
        ObjectNode body = CaClient.json().createObjectNode();
        var list = body.putArray("serials");
        serials.forEach(list::add);
        explanation.ifPresent(e -> body.put("explanation", e));
        JsonNode reply = server.client(env, Optional.empty()).post("/renew-early", body, auth);
        for (JsonNode s : reply.get("serials")) {
            out().println(s.asText() + ": renew now");
        }
        return 0;
    }
}
