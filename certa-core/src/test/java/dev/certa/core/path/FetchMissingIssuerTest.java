package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.fetch.FetchBudget;
import dev.certa.core.fetch.FetchLimits;
import dev.certa.core.fetch.HttpFetcher;
import dev.certa.core.issue.CaUrls;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.key.KeyType;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.HttpFiles;
import dev.certa.core.testing.RawTcpServer;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that sends only its own certificate, whose AIA caIssuers URL points at a web server on
 * 127.0.0.1 serving the intermediate as DER, PEM or a certs-only PKCS#7 (.p7c, made by openssl
 * crl2pkcs7), or failing: 404, an oversized body, garbage, no answer at all.
 */
class FetchMissingIssuerTest {
    private static final TestPki PKI = new TestPki(KeyType.EC_P256, "Aia");
    private static final HttpFetcher HTTP = new HttpFetcher();
    private static HttpFiles files;
    @TempDir
    static Path dir;

    @BeforeAll
    static void serve() throws Exception {
        X509Certificate intermediate = PKI.intermediate.certificate();
        Path pem = dir.resolve("int.pem");
        Files.writeString(pem, PemWriter.certificate(intermediate), StandardCharsets.US_ASCII);
        Tools.Result p7 = Tools.run(dir, "/usr/bin/openssl", "crl2pkcs7", "-nocrl", "-certfile", "int.pem", "-outform", "DER", "-out", "int.p7c");
        assertThat(p7.ok()).as(p7.output()).isTrue();
        files = new HttpFiles().serve("/int.der", "application/pkix-cert", intermediate.getEncoded())
                .serve("/int.pem", "application/x-pem-file", Files.readAllBytes(pem))
                .serve("/int.p7c", "application/pkcs7-mime", Files.readAllBytes(dir.resolve("int.p7c")))
                .serve("/big", "application/pkix-cert", new byte[100_000])
                .serve("/garbage", "application/pkix-cert", "<html>not a certificate</html>".getBytes(StandardCharsets.US_ASCII));
    }

    @AfterAll
    static void stop() {
        files.close();
        HTTP.close();
    }

    private static X509Certificate leafPointingAt(URI caIssuers) {
        var key = KeyType.EC_P256.generate(TestPki.RANDOM);
        return PKI.issuer.issue(IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse("CN=aia.certa.test"),
                List.of(SubjectAltName.dns("aia.certa.test")), new Profile.TlsServer()),
                PKI.intermediateCa.withUrls(new CaUrls(List.of(caIssuers.toString()), Optional.empty(), List.of()))).certificate();
    }

    private static Verdict verify(X509Certificate leaf, Optional<FetchBudget> fetch) {
        return new PathValidator().validateChain(List.of(leaf), List.of(TrustStore.of("root.pem", List.of(PKI.root.certificate()))),
                ValidationOptions.server(Instant.now(), "aia.certa.test"), fetch);
    }

    private static Optional<FetchBudget> budget() {
        return Optional.of(new FetchBudget(HTTP, FetchLimits.issuers()));
    }

    @Test
    void withoutFetchingTheProblemNamesTheUrl() {
        URI url = files.url("/int.der");
        Verdict v = verify(leafPointingAt(url), Optional.empty());
        assertThat(v.trusted()).isFalse();
        assertThat(v.problems().get(0).message()).contains("AIA caIssuers " + url).contains("--fetch-missing");
    }

    @Test
    void fetchesTheIntermediateAsDerPemOrPkcs7() {
        for (String path : List.of("/int.der", "/int.pem", "/int.p7c")) {
            URI url = files.url(path);
            Verdict v = verify(leafPointingAt(url), budget());
            assertThat(v.trusted()).as(path + ": " + v.findings()).isTrue();
            assertThat(v.path()).hasSize(3);
            assertThat(v.warnings()).anySatisfy(w -> {
                assertThat(w.position()).hasValue(1);
                assertThat(w.message()).contains("not sent").contains("fetched it from " + url);
                assertThat(w.fix()).contains("full chain");
            });
        }
    }

    @Test
    void aFailedFetchIsAWarningAndTheChainStaysUntrusted() {
        for (String path : List.of("/missing", "/big", "/garbage")) {
            Verdict v = verify(leafPointingAt(files.url(path)), budget());
            assertThat(v.trusted()).as(path).isFalse();
            assertThat(v.problems().get(0).check()).isEqualTo(Check.CHAIN);
            assertThat(v.warnings()).as(path).anySatisfy(w -> assertThat(w.message()).contains("could not be fetched")
                    .contains(files.url(path).toString()));
        }
        assertThat(verify(leafPointingAt(files.url("/missing")), budget()).warnings().toString()).contains("HTTP 404");
        assertThat(verify(leafPointingAt(files.url("/big")), budget()).warnings().toString()).contains("larger than 65536 bytes");
        assertThat(verify(leafPointingAt(files.url("/garbage")), budget()).warnings().toString()).contains("not a certificate");
    }

    @Test
    void aServerThatNeverAnswersCostsAtMostTheBudget() throws Exception {
        try (RawTcpServer silent = new RawTcpServer(RawTcpServer.silent())) {
            URI url = URI.create("http://127.0.0.1:" + silent.port() + "/int.der");
            Verdict v = verify(leafPointingAt(url), Optional.of(new FetchBudget(HTTP, new FetchLimits(Duration.ofMillis(400), 4, 65536))));
            assertThat(v.trusted()).isFalse();
            assertThat(v.warnings()).anySatisfy(w -> assertThat(w.message()).contains("no answer within"));
        }
    }
}
