package dev.certa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke an External Account Binding key (admin): it creates no account from now on. The account it",
            "bound, if any, stays usable unless --deactivate-account is given.",
            "Example: certa acme eab revoke KEY_ID --deactivate-account --server https://ca:8443 --admin-token-file certa-data/admin-token"})
final class AcmeEabRevokeCommand extends BaseCommand {
    @Mixin
    ServerOptions server = new ServerOptions();

    @Parameters(paramLabel = "KEY_ID", description = "The key id, as 'certa acme eab list' shows it.")
    String keyId;

    @Mixin
    AdminOptions admin = new AdminOptions();

    @Option(names = "--deactivate-account", description = "Also deactivate the ACME account the key bound (RFC 8555 section 7.3.6).")
    boolean deactivateAccount;

    @Option(names = "--json", description = "Print the server's JSON.")
    boolean json;

    @Override
    int execute() {
        Env env = env();
        if (!keyId.matches("[A-Za-z0-9_-]{1,200}")) {
            throw new CertaException(ErrorKind.USAGE, "'" + keyId + "' is not a key id", "copy the KEY ID column of 'certa acme eab list'");
        }
        Map<String, String> auth = admin.authorization(env, "revoking an External Account Binding key");
        JsonNode reply = server.client(env, Optional.empty()).post("/eab-keys/" + keyId + "/revoke",
                CaClient.json().createObjectNode().put("deactivateAccount", deactivateAccount), auth);
        if (json) {
            out().println(reply.toPrettyString());
            return 0;
        }
        out().println("Revoked External Account Binding key " + keyId + " (" + reply.path("revokedAt").asText() + "): it creates no account"
                + " from now on.");
        if (reply.has("account")) {
            String account = reply.get("account").asText();
            String status = reply.path("accountStatus").asText();
            out().println(status.equals("deactivated") ? "The account it bound, " + account + ", is deactivated."
                    : "The account it bound, " + account + ", is " + status + "; to stop it too: certa acme eab revoke " + keyId
                    + " --deactivate-account");
        } else {
            out().println("It had bound no account.");
        }
        return 0;
    }
}
