package dev.certa.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.certa.core.csr.Csr;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.NameConstraintRules;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.OpenSsl;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a user sees when a lint stops issuance: CSRs made by openssl (the way users make them) go
 * through PemReader, the CSR signature check and Issuer.issue, and come back as a LINT error whose
 * reason quotes the offending value and whose fix says what to do.
 */
class LintIssuanceTest {
    private static final TestPki PKI = new TestPki(KeyType.EC_P256, "Lint");

    @TempDir
    Path dir;
    private OpenSsl openssl;
    private Path p256;

    @BeforeEach
    void keys() {
        openssl = new OpenSsl(dir);
        p256 = openssl.ecKey("p256.key", "P-256");
    }

    private static IssuedCertificate issueCsr(Path csrFile, Profile profile, CertificateAuthority ca) {
        String source = csrFile.getFileName().toString();
        Csr csr = PemReader.readCsr(OpenSsl.bytes(csrFile), source).requireValidSignature(source);
        return PKI.issuer.issue(IssuanceRequest.fromCsr(csr, profile, List.of()), ca);
    }

    private static CertaException lintFailure(Executable issuance) {
        CertaException e = assertThrows(CertaException.class, issuance);
        assertThat(e.kind()).isEqualTo(ErrorKind.LINT);
        assertThat(e.reason()).startsWith("the certificate was not issued: ");
        assertThat(e.describe()).contains("Fix: " + e.fix().orElseThrow());
        return e;
    }

    @Test
    void aGoodOpensslCsrIsIssued() {
        Path csr = openssl.csr("good.csr", p256, "/O=certa tests", "subjectAltName=DNS:www.example.com,IP:10.0.0.1");
        IssuedCertificate issued = issueCsr(csr, new Profile.TlsServer(), PKI.intermediateCa);
        assertThat(issued.warnings()).isEmpty();
        assertThat(issued.certificate().getIssuerX500Principal()).isEqualTo(PKI.intermediate.certificate().getSubjectX500Principal());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DNS:10.0.0.1          | '10.0.0.1' is an IP address written as a DNS name; clients will not match it | IP:10.0.0.1",
        "DNS:2001:db8::1       | '2001:db8::1' is an IP address written as a DNS name                        | IP:2001:db8::1",
        "DNS:www.*.example.com | the wildcard name 'www.*.example.com' is not valid: a wildcard is only allowed in the left-most label | *.example.com",
        "DNS:f*o.example.com   | the wildcard name 'f*o.example.com' is not valid: a wildcard must be the whole left-most label | *.example.com",
        "DNS:*.com             | the wildcard name '*.com' is not valid: a wildcard needs at least two labels after it | *.example.com",
        "DNS:-bad.example.com  | the DNS name '-bad.example.com' is not valid: the label '-bad' starts or ends with a hyphen | correct the name",
        "DNS:999.1.1.1         | the DNS name '999.1.1.1' is not valid: the last label '1' is all digits     | correct the name",
    })
    void aCsrWithABadNameIsRefusedQuotingTheName(String san, String reason, String fix) {
        Path csr = openssl.csr("bad-name.csr", p256, "/O=certa tests", "subjectAltName=" + san);
        CertaException e = lintFailure(() -> issueCsr(csr, new Profile.TlsServer(), PKI.intermediateCa));
        assertThat(e.reason()).contains(reason);
        assertThat(e.fix()).hasValueSatisfying(f -> assertThat(f).contains(fix));
        assertThat(e.details()).isEmpty();
    }

    @Test
    void everyFailedCheckIsListedWithItsLintAndFix() {
        Path csr = openssl.csr("many.csr", p256, "/O=certa tests",
                "subjectAltName=DNS:10.0.0.1,DNS:www.*.example.com,DNS:exa_mple..com");
        CertaException e = lintFailure(() -> issueCsr(csr, new Profile.TlsServer(), PKI.intermediateCa));
        assertThat(e.reason()).isEqualTo("the certificate was not issued: 3 checks failed");
        assertThat(e.fix()).hasValue("fix each point above and ask again");
        assertThat(e.details()).satisfiesExactlyInAnyOrder(
                d -> assertThat(d).startsWith("[ip-as-dns-name] '10.0.0.1'").contains("; request it as an IP SAN"),
                d -> assertThat(d).startsWith("[wildcard-placement] the wildcard name 'www.*.example.com'"),
                d -> assertThat(d).startsWith("[dns-name-syntax] the DNS name 'exa_mple..com'").contains("empty label"));
        assertThat(e.describe()).contains("  - [ip-as-dns-name]").contains("  - [wildcard-placement]");
    }

    @Test
    void anRsa1024CsrIsRefusedSayingHowManyBits() {
        Path csr = openssl.csr("rsa1024.csr", openssl.rsaKey("rsa1024.key", 1024), "/O=certa tests",
                "subjectAltName=DNS:old.example.com");
        CertaException e = lintFailure(() -> issueCsr(csr, new Profile.TlsServer(), PKI.intermediateCa));
        assertThat(e.reason()).isEqualTo("the certificate was not issued: the RSA key has 1024 bits; at least 2048 are required");
        assertThat(e.fix()).hasValue("generate a new key (certa key create --type p256) and a new CSR");
    }

    @Test
    void aDsaCsrIsRefused() {
        Path csr = openssl.csr("dsa.csr", openssl.dsaKey("dsa.key"), "/O=certa tests", "subjectAltName=DNS:dsa.example.com");
        CertaException e = lintFailure(() -> issueCsr(csr, new Profile.TlsServer(), PKI.intermediateCa));
        assertThat(e.reason()).contains("the key (DSA) is not a type certa issues for");
        assertThat(e.fix().orElseThrow()).contains("certa key create");
    }

    @Test
    void aP192CsrIsRefusedNamingTheCurve() {
        Path csr = openssl.csr("p192.csr", openssl.ecKey("p192.key", "P-192"), "/O=certa tests",
                "subjectAltName=DNS:p192.example.com");
        CertaException e = lintFailure(() -> issueCsr(csr, new Profile.TlsServer(), PKI.intermediateCa));
        assertThat(e.reason()).contains("the key (EC prime192v1) is not a type certa issues for");
    }

    @Test
    void aServerCsrWithNoHostNameIsRefusedQuotingItsCommonName() {
        Path csr = openssl.csr("nosan.csr", p256, "/O=Example/CN=Alice Smith");
        CertaException e = lintFailure(() -> issueCsr(csr, new Profile.TlsServer(), PKI.intermediateCa));
        assertThat(e.reason()).isEqualTo("the certificate was not issued: a server certificate needs at least one DNS name"
                + " or IP address (the common name 'Alice Smith' is not a host name)");
        assertThat(e.fix().orElseThrow()).contains("--san");
        // the same request is fine as a client certificate
        assertThat(issueCsr(csr, new Profile.TlsClient(), PKI.intermediateCa).certificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=Alice Smith,O=Example");
    }

    @Test
    void aCsrAskingForCaTrueIsRefusedByTheServerProfile() {
        Path csr = openssl.csr("ca-true.csr", p256, "/O=certa tests", "basicConstraints=critical,CA:TRUE",
                "subjectAltName=DNS:sneaky.example.com");
        CertaException e = lintFailure(() -> issueCsr(csr, new Profile.TlsServer(), PKI.intermediateCa));
        assertThat(e.reason()).isEqualTo("the certificate was not issued: the CSR asks for a CA certificate but the server"
                + " profile issues leaf certificates");
        assertThat(e.fix().orElseThrow()).contains("certa ca intermediate").contains("CA:TRUE");
    }

    @Test
    void anIntermediateWithPathLenZeroCannotSignAnotherCa() {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        IssuanceRequest subCa = IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse("CN=Sub CA,O=certa tests"),
                List.of(), Profile.IntermediateCa.issuingLeavesOnly()).withValidity(Duration.ofDays(30));
        CertaException e = lintFailure(() -> PKI.issuer.issue(subCa, PKI.intermediateCa));
        assertThat(e.reason()).contains("the issuing CA has path length 0, so it may sign only leaf certificates");
        assertThat(e.fix()).hasValue("create the intermediate under the root CA instead");
        // and, as the fix says, the root may sign it
        assertThat(PKI.issuer.issue(subCa, PKI.rootCa).certificate().getBasicConstraints()).isZero();
    }

    @Test
    void aNameOutsideTheIntermediatesNameConstraintsIsRefused() throws Exception {
        KeyPair caKey = KeyType.EC_P256.generate(TestPki.RANDOM);
        IssuedCertificate caCert = PKI.issuer.issue(IssuanceRequest.forKey(caKey.getPublic(),
                DistinguishedNames.parse("CN=Example Only CA,O=certa tests"), List.of(),
                new Profile.IntermediateCa(OptionalInt.of(0), new NameConstraintRules(List.of("example.com"), List.of())))
                .withValidity(Duration.ofDays(100)), PKI.rootCa);
        CertificateAuthority constrained = new CertificateAuthority(caCert.certificate(), List.of(PKI.root.certificate()),
                SoftwareSigner.of(caKey));

        Path outside = openssl.csr("outside.csr", p256, "/O=certa tests", "subjectAltName=DNS:www.example.org");
        CertaException e = lintFailure(() -> issueCsr(outside, new Profile.TlsServer(), constrained));
        assertThat(e.reason()).isEqualTo("the certificate was not issued: the issuing CA may not sign for DNS:www.example.org"
                + " (its name constraints permit example.com)");
        assertThat(e.fix()).hasValue("remove that name, or use a CA whose constraints allow it");

        // a name inside is issued, and openssl agrees it satisfies the constraint
        Path inside = openssl.csr("inside.csr", p256, "/O=certa tests", "subjectAltName=DNS:api.example.com");
        IssuedCertificate leaf = issueCsr(inside, new Profile.TlsServer(), constrained);
        Files.writeString(dir.resolve("root.pem"), PemWriter.certificate(PKI.root.certificate()));
        Files.writeString(dir.resolve("int.pem"), PemWriter.certificate(caCert.certificate()));
        Files.writeString(dir.resolve("leaf.pem"), PemWriter.certificate(leaf.certificate()));
        Tools.Result r = Tools.run(dir, "openssl", "verify", "-CAfile", "root.pem", "-untrusted", "int.pem", "leaf.pem");
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    @Test
    void aCaCertificateWithoutKeyCertSignIsRefusedAsIssuer() {
        Path caKeyFile = openssl.ecKey("ca.key", "P-256");
        Path caCertFile = openssl.selfSigned("ca.pem", caKeyFile, "/CN=No KeyCertSign CA",
                "basicConstraints=critical,CA:TRUE", "keyUsage=critical,digitalSignature");
        var caKey = PemReader.readPrivateKey(OpenSsl.bytes(caKeyFile), "ca.key", PasswordSource.none());
        CertificateAuthority ca = new CertificateAuthority(PemReader.readCertificate(OpenSsl.bytes(caCertFile), "ca.pem"),
                List.of(), SoftwareSigner.of(caKey.keyPair()));
        Path csr = openssl.csr("leaf.csr", p256, "/O=certa tests", "subjectAltName=DNS:www.example.com");
        CertaException e = lintFailure(() -> issueCsr(csr, new Profile.TlsServer(), ca));
        assertThat(e.reason()).isEqualTo("the certificate was not issued: the key usage of the issuer 'CN=No KeyCertSign CA'"
                + " does not allow signing certificates (keyCertSign)");
        assertThat(e.fix().orElseThrow()).contains("keyCertSign");
    }

    @Test
    void aZeroValidityIsRefusedRatherThanIssuedAlreadyExpired() {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        IssuanceRequest request = IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse(""),
                List.of(SubjectAltName.dns("www.example.com")), new Profile.TlsServer()).withValidity(Duration.ZERO);
        CertaException e = lintFailure(() -> PKI.issuer.issue(request, PKI.intermediateCa));
        assertThat(e.reason()).contains("the validity period is empty");
        assertThat(e.fix().orElseThrow()).contains("--validity 90d");
    }

    @Test
    void aLongLivedServerCertificateIsIssuedWithAWarning() {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        IssuedCertificate issued = PKI.issuer.issue(IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse(""),
                List.of(SubjectAltName.dns("www.example.com")), new Profile.TlsServer()).withValidity(Duration.ofDays(400)),
                PKI.intermediateCa);
        assertThat(issued.warnings()).singleElement().satisfies(w -> {
            assertThat(w.lint()).isEqualTo("leaf-validity");
            assertThat(w.severity()).isEqualTo(LintFinding.Severity.WARNING);
            assertThat(w.describe()).contains("valid for 400 days").contains("prefer 90 days");
        });
    }
}
