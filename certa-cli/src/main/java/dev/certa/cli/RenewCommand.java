package dev.certa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.InputFiles;
import dev.certa.core.io.OutputFiles;
import dev.certa.core.pem.PemReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "renew", mixinStandardHelpOptions = true,
        description = {"Renew a certificate at a 'certa serve' CA over mTLS: the current certificate is the credential.",
            "Writes the new certificate over the old files atomically (same key). With --loop it keeps running and",
            "renews at 2/3 of each certificate's lifetime (for systemd or a container).",
            "Example: certa renew --server https://ca.internal:8443 --root root.pem --cert api.pem --key api-key.pem"})
final class RenewCommand extends BaseCommand {
    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--cert", required = true, paramLabel = "FILE", description = "The current certificate (overwritten with the new one).")
    String cert;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "Its private key.")
    String key;

    @Option(names = "--fullchain-out", paramLabel = "FILE", description = "Also write certificate + intermediates here.")
    Optional<String> fullchainOut = Optional.empty();

    @Option(names = "--loop", description = "Keep running: renew at 2/3 of each lifetime, retrying failures with backoff.")
    boolean loop;

    @Option(names = "--max-renewals", paramLabel = "N", description = "With --loop: stop after N renewals (default: never).")
    Optional<Integer> maxRenewals = Optional.empty();

    @Option(names = "--password-file", paramLabel = "FILE", description = "Password of an encrypted key (else CERTA_PASSWORD or a prompt).")
    Optional<String> passwordFile = Optional.empty();

    @Override
    int execute() throws Exception {
        Env env = env();
        Path certPath = env.path(cert);
        Path keyPath = env.path(key);
        var keyPair = PemReader.readPrivateKey(InputFiles.read(keyPath), keyPath.toString(), new Passwords(env, passwordFile).source()).keyPair();
        int renewals = 0;
        Duration backoff = Duration.ofSeconds(5);
        while (true) {
            List<X509Certificate> chain = PemReader.readCertificates(InputFiles.read(certPath), certPath.toString());
            X509Certificate current = chain.get(0);
            if (!current.getPublicKey().equals(keyPair.getPublic())) {
                throw new CertaException(ErrorKind.KEY_MISMATCH, keyPath + " is not the key of " + certPath, "pass the certificate's own key");
            }
            if (loop) {
                Instant at = renewAt(current);
                Duration wait = Duration.between(env.clock().instant(), at);
                if (!wait.isNegative() && !wait.isZero()) {
                    out().println("next renewal of " + certPath + " at " + at);
                    out().flush();
                    Thread.sleep(wait.toMillis());
                }
            }
            try {
                JsonNode reply = server.client(env, Optional.of(new CaClient.ClientCertificate(keyPair, chain)))
                        .post("/renew", CaClient.json().createObjectNode(), Map.of());
                OutputFiles files = new OutputFiles(true);
                files.add(certPath, reply.get("fullchain").asText().getBytes(StandardCharsets.US_ASCII));
                fullchainOut.ifPresent(f -> files.add(env.path(f), reply.get("fullchain").asText().getBytes(StandardCharsets.US_ASCII)));
                files.commit();
                renewals++;
                backoff = Duration.ofSeconds(5);
                out().println("Renewed " + certPath + ": serial " + reply.get("serial").asText() + ", valid until " + reply.get("notAfter").asText());
                out().flush();
            } catch (CertaException e) {
                if (!loop || env.clock().instant().isAfter(current.getNotAfter().toInstant())) {
                    throw e;
                }
                env.err().println("certa renew: " + e.describe() + " (retrying in " + backoff.toSeconds() + "s)");
                env.err().flush();
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10) : backoff.multipliedBy(2);
                continue;
            }
            if (!loop || maxRenewals.map(m -> m <= 0).orElse(false) || maxRenewals.isPresent() && renewalsDone(renewals, maxRenewals.get())) {
                return 0;
            }
        }
    }

    private static boolean renewalsDone(int done, int max) {
        return done >= max;
    }

    /** Two thirds into the certificate's lifetime. */
    static Instant renewAt(X509Certificate c) {
        Instant from = c.getNotBefore().toInstant();
        Duration life = Duration.between(from, c.getNotAfter().toInstant());
        return from.plus(life.multipliedBy(2).dividedBy(3));
    }
}
