package dev.certa.cli;

import dev.certa.core.io.OutputFiles;
import dev.certa.core.key.KeyDescription;
import dev.certa.core.key.KeyType;
import dev.certa.core.pem.PemWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Generate a private key (PKCS#8 PEM, mode 0600), like 'openssl genpkey'.",
            "Unencrypted unless --encrypt: servers usually need to read their key unattended."})
final class KeyCreateCommand extends BaseCommand {
    @Option(names = "--type", defaultValue = "p256", paramLabel = "TYPE",
            description = "p256 (default), p384, rsa2048, rsa3072, rsa4096, ed25519.")
    String type;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the key.")
    String out;

    @Option(names = "--encrypt", description = "Encrypt the key (password from --password-file, CERTA_PASSWORD or a prompt).")
    boolean encrypt;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Password for --encrypt.")
    Optional<String> passwordFile;

    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;

    @Override
    int execute() throws Exception {
        Env env = env();
        KeyType kt = KeyType.parse(type);
        Optional<char[]> password = encrypt || passwordFile.isPresent()
                ? Optional.of(new Passwords(env, passwordFile).required("the new key", "or drop --encrypt to write it unencrypted"))
                : Optional.empty();
        var path = env.path(out);
        if (java.nio.file.Files.exists(path) && !force) {
            new OutputFiles(false).addSecret(path, new byte[0]).commit(); // reports ALREADY_EXISTS before generating
        }
        var pair = kt.generate(env.random());
        String pem = password.isPresent() ? PemWriter.encryptedPrivateKey(pair.getPrivate(), password.get(), env.random())
                : PemWriter.privateKey(pair.getPrivate());
        new OutputFiles(force).addSecret(path, pem.getBytes(StandardCharsets.US_ASCII)).commit();
        byte[] fp = MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
        out().println("Wrote " + path + " (" + KeyDescription.of(pair.getPublic()).display() + ", "
                + (password.isPresent() ? "encrypted" : "unencrypted") + ", mode 0600)");
        out().println("Public key SHA-256: " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(fp));
        return 0;
    }
}
