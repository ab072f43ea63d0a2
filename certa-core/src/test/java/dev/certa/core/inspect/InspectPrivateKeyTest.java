package dev.certa.core.inspect;

import static dev.certa.core.inspect.InspectCertificateTest.CLOCK;
import static dev.certa.core.inspect.InspectCertificateTest.PKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.bundle.Keystores;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.key.KeyType;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InspectPrivateKeyTest {

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void plainKeyShowsTypeAndPublicFingerprintOnly(KeyType type) {
        KeyPair key = type.generate(TestPki.RANDOM);
        String pem = PemWriter.privateKey(key.getPrivate());
        Inspection i = Inspector.inspect(pem.getBytes(StandardCharsets.US_ASCII), "key.pem", PasswordSource.none(), CLOCK);

        PrivateKeyView v = (PrivateKeyView) i.items().get(0);
        assertThat(v.key().algorithm()).isEqualTo(type.algorithm());
        assertThat(v.key().bits()).isEqualTo(type.bits());
        assertThat(v.format()).isEqualTo("PKCS#8");
        assertThat(v.encrypted()).isFalse();
        assertThat(v.publicKeySha256()).isEqualTo(Hex.sha256(key.getPublic().getEncoded()));

        String text = TextRenderer.render(i);
        assertThat(text).startsWith("key.pem: private key\n")
                .contains("  Stored as:     PKCS#8, not encrypted\n")
                .contains("  Key SHA-256:   " + v.publicKeySha256() + " (of the public key)\n");
        assertNoPrivateMaterial(text, key.getPrivate(), pem);
        assertNoPrivateMaterial(JsonRenderer.render(i), key.getPrivate(), pem);
    }

    @Test
    void encryptedKeyIsOpenedWithThePasswordAndShownAsEncrypted() {
        KeyPair key = KeyType.EC_P384.generate(TestPki.RANDOM);
        String pem = PemWriter.encryptedPrivateKey(key.getPrivate(), "s3cret".toCharArray(), TestPki.RANDOM);
        Inspection i = Inspector.inspect(pem.getBytes(StandardCharsets.US_ASCII), "key.pem", PasswordSource.of("s3cret"), CLOCK);

        PrivateKeyView v = (PrivateKeyView) i.items().get(0);
        assertThat(v.key().display()).isEqualTo("EC P-384");
        assertThat(v.encrypted()).isTrue();
        assertThat(v.format()).isEqualTo("PKCS#8 encrypted");
        assertThat(v.publicKeySha256()).isEqualTo(Hex.sha256(key.getPublic().getEncoded()));
        String text = TextRenderer.render(i);
        assertThat(text).contains("  Stored as:     PKCS#8 encrypted\n");
        assertNoPrivateMaterial(text, key.getPrivate(), pem);
        assertNoPrivateMaterial(JsonRenderer.render(i), key.getPrivate(), pem);

        assertThatThrownBy(() -> Inspector.inspect(pem.getBytes(StandardCharsets.US_ASCII), "key.pem",
                PasswordSource.none(), CLOCK))
                .isInstanceOfSatisfying(CertaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.WRONG_PASSWORD);
                    assertThat(e.reason()).startsWith("key.pem");
                });
    }

    @Test
    void keyFileAndItsCertificatePairUpByPublicKeyFingerprint() {
        TestPki.Leaf leaf = PKI.leaf(new Profile.TlsServer(), "pair.example.com");
        String pem = PemWriter.certificate(leaf.issued().certificate()) + PemWriter.privateKey(leaf.key().getPrivate());
        Inspection i = Inspector.inspect(pem.getBytes(StandardCharsets.US_ASCII), "combined.pem", PasswordSource.none(), CLOCK);

        assertThat(i.items()).hasSize(2);
        CertificateView cert = (CertificateView) i.items().get(0);
        PrivateKeyView key = (PrivateKeyView) i.items().get(1);
        assertThat(key.publicKeySha256()).isEqualTo(cert.publicKeySha256());
        assertThat(TextRenderer.render(i)).contains("  Belongs to:    certificate (CN=pair.example.com)\n");
    }

    @Test
    void opensslSec1KeyHasTheFingerprintOpensslComputes(@TempDir Path dir) throws Exception {
        var gen = Tools.run(dir, "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.pem");
        assertThat(gen.exitCode()).as(gen.output()).isZero();
        var pub = Tools.run(dir, "sh", "-c", "openssl pkey -in ec.pem -pubout -outform DER | openssl dgst -sha256 -r");
        byte[] data = Files.readAllBytes(dir.resolve("ec.pem"));
        Inspection i = Inspector.inspect(data, "ec.pem", PasswordSource.none(), CLOCK);

        PrivateKeyView v = (PrivateKeyView) i.items().get(0);
        assertThat(v.format()).isEqualTo("SEC1 EC");
        assertThat(v.publicKeySha256().replace(":", "").toLowerCase(Locale.ROOT)).isEqualTo(pub.output().split(" ")[0]);
        assertNoPrivateMaterial(TextRenderer.render(i) + JsonRenderer.render(i), null, new String(data, StandardCharsets.US_ASCII));
    }

    @Test
    void pkcs12ShowsKeyAndChainWithThePassword() {
        TestPki.Leaf leaf = PKI.leaf(new Profile.TlsServer(), "p12.example.com");
        byte[] p12 = Keystores.withKey(Keystores.Format.PKCS12, "server", leaf.key().getPrivate(),
                leaf.issued().fullChain(), "changeit".toCharArray());
        Inspection i = Inspector.inspect(p12, "server.p12", PasswordSource.of("changeit"), CLOCK);

        assertThat(i.items()).extracting(InspectedItem::kind).containsExactly("privateKey", "certificate", "certificate");
        PrivateKeyView key = (PrivateKeyView) i.items().get(0);
        assertThat(key.format()).isEqualTo("PKCS#12");
        assertThat(key.encrypted()).isTrue();
        assertThat(key.publicKeySha256()).isEqualTo(i.certificates().get(0).publicKeySha256());
        assertThat(i.certificates()).extracting(CertificateView::subject)
                .containsExactly("CN=p12.example.com", "CN=Inspect Intermediate CA,O=certa tests");
        String text = TextRenderer.render(i);
        assertThat(text).contains("server.p12: private key\n  Key:           EC P-256\n  Stored as:     PKCS#12, password-protected\n")
                .contains("  Belongs to:    certificate 1 (CN=p12.example.com)\n")
                .contains("server.p12: certificate 2 of 2\n");
        String pem = PemWriter.privateKey(leaf.key().getPrivate());
        assertNoPrivateMaterial(text, leaf.key().getPrivate(), pem);
        assertNoPrivateMaterial(JsonRenderer.render(i), leaf.key().getPrivate(), pem);

        assertThatThrownBy(() -> Inspector.inspect(p12, "server.p12", PasswordSource.of("wrong"), CLOCK))
                .isInstanceOfSatisfying(CertaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.WRONG_PASSWORD);
                    assertThat(e.reason()).startsWith("server.p12");
                });
    }

    @Test
    void publicKeyFileShowsTheSameFingerprint() {
        TestPki.Leaf leaf = PKI.leaf(new Profile.TlsServer(), "pin.example.com");
        Inspection i = Inspector.inspect(PemWriter.publicKey(leaf.key().getPublic()).getBytes(StandardCharsets.US_ASCII),
                "pub.pem", PasswordSource.none(), CLOCK);
        PublicKeyView v = (PublicKeyView) i.items().get(0);
        assertThat(v.key().display()).isEqualTo("EC P-256");
        assertThat(v.publicKeySha256()).isEqualTo(InspectCertificateTest.only(leaf.issued().certificate(), CLOCK).publicKeySha256());
        assertThat(TextRenderer.render(i)).startsWith("pub.pem: public key\n");
    }

    /**
     * Nothing of the private key may appear: not the PEM block or any of its base64 lines, not the
     * DER in base64, not any 8-byte run of the DER in hex (plain or colon-separated, either case).
     */
    static void assertNoPrivateMaterial(String rendered, @Nullable PrivateKey key, String pem) {
        assertThat(rendered).doesNotContain("PRIVATE KEY-----");
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && line.length() >= 16) {
                assertThat(rendered).doesNotContain(line);
            }
        }
        if (key == null) {
            return;
        }
        byte[] der = key.getEncoded();
        assertThat(rendered).doesNotContain(Base64.getEncoder().encodeToString(der));
        String flat = rendered.replace(":", "").toLowerCase(Locale.ROOT);
        for (int off = 0; off + 8 <= der.length; off++) {
            String chunk = HexFormat.of().formatHex(der, off, off + 8);
            assertThat(flat).as("hex of private key bytes %d..%d", off, off + 8).doesNotContain(chunk);
        }
    }
}
