package dev.certa.cli;

import dev.certa.core.bundle.Keystores;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.InputFiles;
import dev.certa.core.io.OutputFiles;
import dev.certa.core.pem.PemReader;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code certa export pkcs12|jks}: a key with its certificate chain in one keystore file. */
abstract class ExportKeystoreCommand extends BaseCommand {
    @Option(names = "--cert", required = true, paramLabel = "FILE",
            description = "The certificate, or a fullchain file (certificate first, then intermediates).")
    String cert;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The certificate's private key.")
    String key;

    @Option(names = "--chain", paramLabel = "FILE", description = "Intermediates (and root) to add after the certificate.")
    Optional<String> chain;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The keystore to write (mode 0600).")
    String out;

    @Option(names = "--alias", defaultValue = "certa", description = "Entry name (default: ${DEFAULT-VALUE}).")
    String alias;

    @Option(names = "--out-password-file", paramLabel = "FILE", description = "Keystore password: the first line of FILE (else "
            + "CERTA_KEYSTORE_PASSWORD or a prompt; never the CA key's CERTA_PASSWORD).")
    Optional<String> outPasswordFile = Optional.empty();

    @Option(names = "--key-password-file", paramLabel = "FILE",
            description = "Password of an encrypted --key (else CERTA_KEY_PASSWORD or a prompt).")
    Optional<String> keyPasswordFile;

    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;

    abstract Keystores.Format format();

    @Override
    int execute() {
        Env env = env();
        Path certPath = env.path(cert);
        List<X509Certificate> certs = new ArrayList<>(PemReader.readCertificates(InputFiles.read(certPath), certPath.toString()));
        if (chain.isPresent()) {
            Path chainPath = env.path(chain.get());
            certs.addAll(PemReader.readCertificates(InputFiles.read(chainPath), chainPath.toString()));
        }
        Path keyPath = env.path(key);
        var keyPair = PemReader.readPrivateKey(InputFiles.read(keyPath), keyPath.toString(),
                new Passwords(env, keyPasswordFile, "--key-password-file", "CERTA_KEY_PASSWORD").source()).keyPair();
        if (!Arrays.equals(keyPair.getPublic().getEncoded(), certs.get(0).getPublicKey().getEncoded())) {
            throw new CertaException(ErrorKind.KEY_MISMATCH, keyPath + " is not the key of the certificate in " + certPath,
                    "pass the key file that was created with this certificate");
        }
        char[] password = new Passwords(env, outPasswordFile, "--out-password-file", Passwords.KEYSTORE_VARIABLE)
                .required("the keystore", "");
        byte[] store = Keystores.withKey(format(), alias, keyPair.getPrivate(), certs, password);
        Path outPath = env.path(out);
        new OutputFiles(force).addSecret(outPath, store).commit();
        out().println("Wrote " + outPath + " (" + format() + ", entry '" + alias + "': key + " + certs.size()
                + (certs.size() == 1 ? " certificate" : " certificates") + ", mode 0600)");
        out().println("Check it: keytool -list -v -keystore " + outPath + " -storetype " + format());
        return 0;
    }

    @Command(name = "pkcs12", mixinStandardHelpOptions = true,
            description = {"Write a PKCS#12 keystore (.p12) with a key and its chain, for Java servers (Tomcat, Spring Boot),",
                "Windows and browsers. Readable by keytool and openssl."})
    static final class Pkcs12 extends ExportKeystoreCommand {
        @Override
        Keystores.Format format() {
            return Keystores.Format.PKCS12;
        }
    }

    @Command(name = "jks", mixinStandardHelpOptions = true,
            description = "Write a JKS keystore with a key and its chain (for old Java software; prefer pkcs12).")
    static final class Jks extends ExportKeystoreCommand {
        @Override
        Keystores.Format format() {
            return Keystores.Format.JKS;
        }
    }
}
