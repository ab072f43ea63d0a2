package dev.certa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = {"List the ACME accounts (admin): id, status, creation time, contacts, oldest first.",
            "Example: certa acme accounts --server https://ca:8443 --admin-token-file certa-data/admin-token"})
final class AcmeAccountsCommand extends BaseCommand {
    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    AdminOptions admin = new AdminOptions();

    @Option(names = "--limit", paramLabel = "N", description = "At most this many (default: all, fetched 500 at a time).")
    Optional<Integer> limit = Optional.empty();

    @Option(names = "--json", description = "Print the accounts as JSON.")
    boolean json;

    @Override
    int execute() {
        Env env = env();
        Map<String, String> auth = admin.authorization(env, "listing ACME accounts");
        if (limit.isPresent() && limit.get() < 1) {
            throw new CertaException(ErrorKind.USAGE, "--limit must be at least 1", "write e.g. --limit 50");
        }
        var client = server.client(env, Optional.empty());
        List<JsonNode> accounts = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (limit.isEmpty() || accounts.size() < limit.get()) {
            int page = Math.min(500, limit.map(l -> l - accounts.size()).orElse(500));
            JsonNode reply = client.get("/acme-accounts?limit=" + page
                    + after.map(a -> "&after=" + URLEncoder.encode(a, StandardCharsets.UTF_8)).orElse(""),
                    auth);
            reply.get("accounts").forEach(accounts::add);
            after = Optional.ofNullable(reply.get("next")).map(JsonNode::asText);
            if (after.isEmpty()) {
                break;
            }
        }
        if (json) {
            out().println(accounts.toString());
            return 0;
        }
        out().printf("%-24s %-12s %-21s %s%n", "ACCOUNT", "STATUS", "CREATED", "CONTACTS");
        for (JsonNode a : accounts) {
            List<String> contacts = new ArrayList<>();
            a.get("contacts").forEach(c -> contacts.add(c.asText()));
            out().printf("%-24s %-12s %-21s %s%n", a.get("id").asText(), a.get("status").asText(),
                    a.get("createdAt").asText().replaceAll("\\.\\d+Z$", "Z"), contacts.isEmpty() ? "(none)" : String.join(", ", contacts));
        }
        out().println(accounts.size() + " account" + (accounts.size() == 1 ? "" : "s"));
        return 0;
    }
}
