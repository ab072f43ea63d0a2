package dev.certa.cli;

import static dev.certa.cli.TrustPki.HOST;

import dev.certa.core.issue.CaUrls;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.key.KeyType;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Revocation fixtures on top of {@link TrustPki}: an {@code openssl ca} set-up for the intermediate
 * (ca.cnf, index.txt, crlnumber), an OCSP responder certificate the intermediate issued (ocsp.pem, EKU
 * OCSPSigning), and certa-issued leaves whose AIA names an OCSP responder on 127.0.0.1.
 */
final class RevocationPki {
    final TrustPki trust;
    final Path dir;
    /** Where the OCSP responder will listen; leaves under {@link #withOcsp} name it. */
    final int ocspPort;
    /** A port nothing listens on. */
    final int deadPort;

    RevocationPki(Path dir) throws IOException {
        this.dir = dir;
        this.trust = new TrustPki().writeTo(dir);
        this.ocspPort = freePort();
        this.deadPort = freePort();
        TrustPki.writeText(dir, "ca.cnf", """
                [ ca ]
                default_ca = intermediate
                [ intermediate ]
                database = index.txt
                crlnumber = crlnumber
                certificate = intermediate.pem
                private_key = intermediate-key.pem
                default_md = sha256
                default_crl_days = 30
                unique_subject = no
                """);
        TrustPki.writeText(dir, "index.txt.attr", "unique_subject = no\n");
        TrustPki.writeText(dir, "index.txt", "");
        TrustPki.writeText(dir, "crlnumber", "1000\n");
        TrustPki.writeText(dir, "ocsp.ext", "extendedKeyUsage=OCSPSigning\nkeyUsage=critical,digitalSignature\n"
                + "basicConstraints=critical,CA:FALSE\n");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ocsp-key.pem");
        openssl("req", "-new", "-key", "ocsp-key.pem", "-subj", "/CN=Shop OCSP Responder", "-out", "ocsp.csr");
        openssl("x509", "-req", "-in", "ocsp.csr", "-CA", "intermediate.pem", "-CAkey", "intermediate-key.pem",
                "-set_serial", "0x" + Long.toHexString(TestPki.RANDOM.nextLong() & Long.MAX_VALUE), "-days", "30",
                "-extfile", "ocsp.ext", "-out", "ocsp.pem");
    }

    /** A leaf for {@link TrustPki#HOST} written to NAME.pem (and NAME-fullchain.pem), naming {@code urls}. */
    void leaf(String name, CaUrls urls) {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        var cert = trust.issuerNow.issue(IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse("CN=" + HOST),
                List.of(SubjectAltName.dns(HOST)), new Profile.TlsServer()).withValidity(Duration.ofDays(90)),
                trust.pki.intermediateCa.withUrls(urls));
        TrustPki.write(dir, name + ".pem", cert.certificate());
        TrustPki.write(dir, name + "-fullchain.pem", cert.certificate(), trust.intermediate());
        TrustPki.writeText(dir, name + "-key.pem", PemWriter.privateKey(key.getPrivate()));
    }

    CaUrls withOcsp(int port) {
        return new CaUrls(List.of(), Optional.of("http://127.0.0.1:" + port + "/"), List.of());
    }

    /** openssl ca -revoke FILE -crl_reason REASON: the certificate goes into index.txt as revoked. */
    void revoke(String file, String reason) {
        openssl("ca", "-config", "ca.cnf", "-revoke", file, "-crl_reason", reason);
    }

    /** openssl ca -valid FILE: the certificate goes into index.txt as valid (what OCSP answers good for). */
    void valid(String file) {
        openssl("ca", "-config", "ca.cnf", "-valid", file);
    }

    /** openssl ca -gencrl: the intermediate's CRL of what index.txt holds as revoked. */
    void crl(String out, String... more) {
        List<String> args = new ArrayList<>(List.of("ca", "-config", "ca.cnf", "-gencrl", "-out", out));
        args.addAll(List.of(more));
        openssl(args.toArray(String[]::new));
    }

    void openssl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/openssl"));
        cmd.addAll(List.of(args));
        Tools.Result r = Tools.run(dir, cmd);
        if (!r.ok()) {
            throw new AssertionError(String.join(" ", cmd) + " failed:\n" + r.output());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
