package dev.certa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List External Account Binding keys (admin): id, label, and the account each bound (MAC keys are never shown).",
            "Example: certa acme eab list --server https://ca:8443 --admin-token-file certa-data/admin-token"})
final class AcmeEabListCommand extends BaseCommand {
    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    AdminOptions admin = new AdminOptions();

    @Option(names = "--json", description = "Print the server's JSON.")
    boolean json;

    @Override
    int execute() {
        Env env = env();
        Map<String, String> auth = admin.authorization(env, "listing External Account Binding keys");
        JsonNode reply = server.client(env, Optional.empty()).get("/eab-keys", auth);
        if (json) {
            out().println(reply.toPrettyString());
            return 0;
        }
        JsonNode keys = reply.get("keys");
        out().printf("%-24s %-21s %-8s %-24s %s%n", "KEY ID", "CREATED", "STATUS", "ACCOUNT", "LABEL");
        for (JsonNode k : keys) {
            out().printf("%-24s %-21s %-8s %-24s %s%n", k.get("keyId").asText(), k.get("createdAt").asText().replaceAll("\\.\\d+Z$", "Z"),
                    k.has("revokedAt") ? "revoked" : k.has("account") ? "bound" : "unused", k.path("account").asText("-"),
                    k.get("label").asText());
        }
        out().println(keys.size() + " key" + (keys.size() == 1 ? "" : "s"));
        return 0;
    }
}
