package dev.certa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * certa's client for a {@code certa serve} signing API: HTTPS trusting the CA's root (or the system's
 * roots), an optional client certificate (mTLS), JSON in and out, and the server's problem documents
 * turned into certa errors that say what the server said.
 */
final class CaClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final URI base;
    private final HttpClient http;

    CaClient(URI base, Optional<X509Certificate> root, Optional<ClientCertificate> identity) {
        this.base = base;
        this.http = HttpClient.newBuilder().sslContext(context(root, identity)).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client certificate chain and its key, for mTLS. */
    record ClientCertificate(KeyPair key, List<X509Certificate> chain) {}

    JsonNode post(String path, JsonNode body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(b::header);
        return send(b.build());
    }

    JsonNode get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    static ObjectMapper json() {
        return JSON;
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (javax.net.ssl.SSLHandshakeException e) {
            throw new CertaException(ErrorKind.NETWORK, "the TLS handshake with " + base + " failed: " + e.getMessage(),
                    "pass the CA's root with --root (fetch it once with 'curl -k " + base + "/roots' and check its SHA-256 "
                            + "against the one 'certa serve' printed)");
        } catch (IOException e) {
            throw new CertaException(ErrorKind.NETWORK, "cannot reach the CA at " + base + ": " + e,
                    "check --server (host and port) and that 'certa serve' is running");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertaException(ErrorKind.NETWORK, "interrupted while talking to " + base, null);
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new CertaException(ErrorKind.NETWORK, base + " answered " + r.statusCode() + " with something that is not JSON",
                    "check that --server points at a certa CA");
        }
        if (r.statusCode() >= 400) {
            String detail = body.path("detail").asText("(no detail)");
            String type = body.path("type").asText("").replace("urn:certa:problem:", "");
            ErrorKind kind = r.statusCode() >= 500 ? ErrorKind.NETWORK : ErrorKind.BAD_INPUT;
            throw new CertaException(kind, "the CA refused (" + r.statusCode() + (type.isEmpty() ? "" : " " + type) + "): " + detail, null);
        }
        return body;
    }

    private static SSLContext context(Optional<X509Certificate> root, Optional<ClientCertificate> identity) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (root.isPresent()) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("root", root.get());
                tmf.init(trust);
            } else {
                tmf.init((KeyStore) null);
            }
            KeyManagerFactory kmf = null;
            if (identity.isPresent()) {
                char[] pw = "certa".toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("me", identity.get().key().getPrivate(), pw, identity.get().chain().toArray(new X509Certificate[0]));
                kmf = KeyManagerFactory.getInstance("PKIX");
                kmf.init(ks, pw);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new CertaException(ErrorKind.INTERNAL, "cannot set up TLS: " + e.getMessage(), null, e);
        }
    }
}
