package dev.certa.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.testing.Tools;
import dev.certa.server.testing.RunningCa;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The online CA's whole story, checked with openssl: token → sign → renew over mTLS → revoke → OCSP says
 * revoked → the CRL lists it and {@code openssl verify -crl_check} refuses the certificate.
 */
final class EndToEndScenario {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EndToEndScenario() {}

    static void run(RunningCa ca, Path work) throws Exception {
        // 1. a machine with a one-time token gets a certificate
        var kc = ca.csr("app.example.internal");
        var body = JSON.createObjectNode().put("token", ca.token("app.example.internal")).put("csr", kc.csrPem())
                .put("profile", "server-client");
        HttpResponse<String> signed = ca.postJson("/sign", body.toString());
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        List<X509Certificate> first = RunningCa.certificates(JSON.readTree(signed.body()).get("fullchain").asText());

        // 2. it renews over mTLS with that certificate
        HttpResponse<String> renewed = ca.postJson(ca.client(Optional.of(new RunningCa.ClientCert(kc.key(), first))), "/renew", "", Map.of());
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(201);
        X509Certificate second = RunningCa.certificates(JSON.readTree(renewed.body()).get("certificate").asText()).get(0);

        // 3. the renewed one is revoked (key compromise)
        HttpResponse<String> revoked = ca.postJson(ca.client, "/revoke", JSON.createObjectNode()
                .put("serial", second.getSerialNumber().toString(16)).put("reason", "keyCompromise").toString(),
                Map.of("Authorization", "Bearer " + ca.adminToken()));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        Path root = write(work.resolve("root.pem"), List.of(ca.info.root()));
        Path issuing = write(work.resolve("int.pem"), List.of(ca.info.issuingCa()));
        Path chain = write(work.resolve("chain.pem"), List.of(ca.info.issuingCa(), ca.info.root()));
        Path good = write(work.resolve("first.pem"), List.of(first.get(0)));
        Path bad = write(work.resolve("second.pem"), List.of(second));
        String http = ca.info.httpUrl().toString().replace("localhost", "127.0.0.1");

        // 4. OCSP, asked by openssl at the URL the certificate carries
        assertThat(new String(second.getExtensionValue("1.3.6.1.5.5.7.1.1"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("/ocsp");
        Tools.Result ocspBad = Tools.run(work, "openssl", "ocsp", "-issuer", issuing.toString(), "-cert", bad.toString(),
                "-url", http + "/ocsp", "-CAfile", chain.toString(), "-timeout", "10");
        assertThat(ocspBad.output()).as(ocspBad.output()).contains("Response verify OK", "second.pem: revoked", "Reason: keyCompromise");
        Tools.Result ocspGood = Tools.run(work, "openssl", "ocsp", "-issuer", issuing.toString(), "-cert", good.toString(),
                "-url", http + "/ocsp", "-CAfile", chain.toString(), "-no_nonce", "-timeout", "10");
        assertThat(ocspGood.output()).as(ocspGood.output()).contains("Response verify OK", "first.pem: good");

        // 5. the CRL at the certificate's distribution point lists it, and openssl verify honours it
        HttpResponse<byte[]> crl = ca.client.send(HttpRequest.newBuilder(java.net.URI.create(http + "/crl/" + ca.info.issuerId() + ".crl"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(crl.statusCode()).isEqualTo(200);
        assertThat(crl.headers().firstValue("content-type")).hasValue("application/pkix-crl");
        Path crlDer = Files.write(work.resolve("ca.crl"), crl.body());
        Tools.Result crlText = Tools.run(work, "openssl", "crl", "-inform", "DER", "-in", crlDer.toString(), "-CAfile", chain.toString(),
                "-noout", "-verify", "-text");
        assertThat(crlText.output()).as(crlText.output()).contains("verify OK", "Serial Number: " + hexUpper(second), "Key Compromise");
        Path crlPem = work.resolve("ca-crl.pem");
        Tools.run(work, "openssl", "crl", "-inform", "DER", "-in", crlDer.toString(), "-out", crlPem.toString());
        Tools.Result verifyBad = Tools.run(work, "openssl", "verify", "-crl_check", "-CAfile", root.toString(), "-untrusted",
                issuing.toString(), "-CRLfile", crlPem.toString(), bad.toString());
        assertThat(verifyBad.exitCode()).as(verifyBad.output()).isNotZero();
        assertThat(verifyBad.output()).contains("certificate revoked");
        Tools.Result verifyGood = Tools.run(work, "openssl", "verify", "-crl_check", "-CAfile", root.toString(), "-untrusted",
                issuing.toString(), "-CRLfile", crlPem.toString(), good.toString());
        assertThat(verifyGood.output()).as(verifyGood.output()).contains("first.pem: OK");
    }

    static String hexUpper(X509Certificate c) {
        String h = c.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        return h.length() % 2 == 1 ? "0" + h : h;
    }

    private static Path write(Path p, List<X509Certificate> certs) throws Exception {
        return Files.writeString(p, PemWriter.certificates(certs));
    }
}
