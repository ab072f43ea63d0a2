package dev.certa.cli;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.InputFiles;
import dev.certa.core.pem.PemReader;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the online CA is and which root to trust for it: --server, --root (or CERTA_SERVER, CERTA_ROOT). */
final class ServerOptions {
    @Option(names = "--server", paramLabel = "URL", description = "The CA's signing API, e.g. https://ca.internal:8443 (else $CERTA_SERVER).")
    Optional<String> server = Optional.empty();

    @Option(names = "--root", paramLabel = "FILE", description = "The CA's root certificate to trust for HTTPS (else $CERTA_ROOT, else the system's roots).")
    Optional<String> root = Optional.empty();

    boolean given(Env env) {
        return server.isPresent() || env.variables().containsKey("CERTA_SERVER");
    }

    URI url(Env env) {
        String s = server.or(() -> Optional.ofNullable(env.variables().get("CERTA_SERVER"))).orElseThrow(() ->
                new CertaException(ErrorKind.USAGE, "no CA server was named", "pass --server https://HOST:PORT or set CERTA_SERVER"));
        try {
            URI u = URI.create(s.replaceAll("/+$", ""));
            if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("not https");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new CertaException(ErrorKind.USAGE, "--server '" + s + "' is not an https:// URL", "write it like https://ca.internal:8443");
        }
    }

    Optional<X509Certificate> rootCertificate(Env env) {
        return root.or(() -> Optional.ofNullable(env.variables().get("CERTA_ROOT"))).map(f -> {
            Path p = env.path(f);
            return PemReader.readCertificate(InputFiles.read(p), p.toString());
        });
    }

    CaClient client(Env env, Optional<CaClient.ClientCertificate> identity) {
        return new CaClient(url(env), rootCertificate(env), identity);
    }
}
