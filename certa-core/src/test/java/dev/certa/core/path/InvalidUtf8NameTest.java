package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

/**
 * Finding: a UTF8String holding bytes that are not UTF-8 in a subject or issuer name crashed the verifier
 * (and so {@code certa verify} and {@code certa probe}) before any signature was checked. Such a name is
 * now shown with its bad bytes escaped, and the certificate is refused as malformed.
 */
class InvalidUtf8NameTest {
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    /** Name ::= SEQUENCE { SET { SEQUENCE { id-at-commonName, UTF8String 'a' 0xFF 'b' } } }. */
    private static final byte[] BAD_CN = {0x30, 0x0e, 0x31, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x03, 'a', (byte) 0xff, 'b'};

    private static final ForgedRoot ROOT = ForgedRoot.named("CN=Utf8 Root");
    private final PathValidator validator = new PathValidator();

    @Test
    void invalidUtf8InTheLeafSubjectIsAFindingWithTheBytesEscaped() {
        X509Certificate leaf = Forge.cert(X500Name.getInstance(BAD_CN), Forge.key()).issuedBy(ROOT.certificate(), ROOT.key())
                .dns("a.example").serverAuth().build();

        Verdict v = validator.validateChain(List.of(leaf), List.of(ROOT.store()), ValidationOptions.server(AT, "a.example"));

        assertThat(v.trusted()).isFalse();
        Finding f = v.problems().get(0);
        assertThat(f.check()).isEqualTo(Check.ENCODING);
        assertThat(f.subject()).contains("CN=a\\xFFb");
        assertThat(f.message()).isEqualTo("its subject name holds text that is not valid UTF-8 (CN=a\\xFFb)");
        assertThat(f.describe()).contains("CN=a\\xFFb");
    }

    @Test
    void invalidUtf8InAnIntermediateNameIsAFindingNotACrash() {
        KeyPair caKey = Forge.key();
        X509Certificate ca = Forge.cert(X500Name.getInstance(BAD_CN), caKey).issuedBy(ROOT.certificate(), ROOT.key()).ca().build();
        X509Certificate leaf = Forge.cert("CN=a.example", Forge.key()).issuedBy(ca, caKey).dns("a.example").serverAuth().build();

        Verdict v = validator.validateChain(List.of(leaf, ca), List.of(ROOT.store()),
                ValidationOptions.server(AT, "a.example").withMode(ValidationMode.RFC5280));

        assertThat(v.trusted()).isFalse();
        assertThat(v.problems()).extracting(Finding::message)
                .contains("its issuer name holds text that is not valid UTF-8 (CN=a\\xFFb)",
                        "its subject name holds text that is not valid UTF-8 (CN=a\\xFFb)");
    }
}
