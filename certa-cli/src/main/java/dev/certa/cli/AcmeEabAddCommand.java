package dev.certa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Make an External Account Binding key (admin) and print its key id and MAC key: hand both to the",
            "subscriber, who gives them to their ACME client. The MAC key is shown this once; each key creates one account.",
            "Example: certa acme eab add --label 'team web' --server https://ca:8443 --admin-token-file certa-data/admin-token"})
final class AcmeEabAddCommand extends BaseCommand {
    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    AdminOptions admin = new AdminOptions();

    @Option(names = "--label", paramLabel = "TEXT", description = "Whom the key is for (shown by 'certa acme eab list').")
    String label = "";

    @Option(names = "--json", description = "Print the server's JSON.")
    boolean json;

    @Override
    int execute() {
        Env env = env();
        Map<String, String> auth = admin.authorization(env, "making an External Account Binding key");
        JsonNode reply = server.client(env, Optional.empty()).post("/eab-keys", CaClient.json().createObjectNode().put("label", label),
                auth);
        if (json) {
            out().println(reply.toPrettyString());
            return 0;
        }
        String kid = reply.get("keyId").asText();
        String hmac = reply.get("hmacKey").asText();
        String directory = server.url(env) + "/acme/directory";
        out().println("Key id:   " + kid);
        out().println("MAC key:  " + hmac + "   (base64url; shown only now)");
        out().println();
        out().println("certbot:  certbot certonly --server " + directory + " --eab-kid " + kid + " --eab-hmac-key " + hmac + " …");
        out().println("lego:     lego --server " + directory + " --eab --kid " + kid + " --hmac " + hmac + " …");
        out().println("acme4j:   new AccountBuilder().withKeyIdentifier(\"" + kid + "\", \"" + hmac + "\")…");
        return 0;
    }
}
