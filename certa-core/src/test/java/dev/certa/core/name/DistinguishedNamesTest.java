package dev.certa.core.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.IOException;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DistinguishedNamesTest {

    /** What Java (and so most TLS stacks and tools) print for the name in a certificate. */
    private static String jdk(X500Name name) throws IOException {
        return new X500Principal(name.getEncoded()).getName();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CN=a,O=b                           | CN=a,O=b",
        "CN=api.example.com, O=Example, C=US | CN=api.example.com,O=Example,C=US",
        "cn=a,o=b                           | CN=a,O=b",
        "/C=US/O=b/CN=a                     | CN=a,O=b,C=US",
        "/CN=a/O=b                          | O=b,CN=a",
        "CN=a+OU=x,O=b                      | CN=a+OU=x,O=b",
    })
    void parsesRfc4514AndOpensslSlashForm(String typed, String expected) throws IOException {
        X500Name n = DistinguishedNames.parse(typed);
        assertThat(jdk(n)).isEqualTo(expected);
        assertThat(DistinguishedNames.display(n)).isEqualTo(expected);
    }

    @Test
    void rfc4514ListsTheCommonNameFirstButEncodesItLast() throws IOException {
        X500Name rfc = DistinguishedNames.parse("CN=a,O=b,C=US");
        X500Name slash = DistinguishedNames.parse("/C=US/O=b/CN=a");
        assertThat(rfc.getEncoded()).isEqualTo(slash.getEncoded());
        assertThat(rfc.getRDNs()[0].getFirst().getType()).isEqualTo(BCStyle.C);
        assertThat(DistinguishedNames.commonNameOf(rfc)).hasValue("a");
    }

    @Test
    void aBareWordIsACommonName() throws IOException {
        assertThat(jdk(DistinguishedNames.parse("api.example.com"))).isEqualTo("CN=api.example.com");
        // documented rule: no '=' means the whole text is the common name, even the word "CN"
        assertThat(jdk(DistinguishedNames.parse("CN"))).isEqualTo("CN=CN");
    }

    @Test
    void anEmptyTextIsAnEmptyName() {
        X500Name n = DistinguishedNames.parse("  ");
        assertThat(n.getRDNs()).isEmpty();
        assertThat(DistinguishedNames.display(n)).isEqualTo("(empty)");
        assertThat(DistinguishedNames.commonNameOf(n)).isEmpty();
    }

    @Test
    void escapedSeparatorsStayInTheValue() throws IOException {
        X500Name n = DistinguishedNames.parse("CN=Smith\\, Alice,O=Example");
        assertThat(jdk(n)).isEqualTo("CN=Smith\\, Alice,O=Example");
        assertThat(DistinguishedNames.commonNameOf(n)).hasValue("Smith, Alice");
        assertThat(jdk(DistinguishedNames.parse("/O=Example/CN=a\\/b"))).isEqualTo("CN=a/b,O=Example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=a", "FOO=bar", "CN=a,,O=b", "CN=", "CN=a,O="})
    void refusesGarbageQuotingIt(String typed) {
        CertaException e = assertThrows(CertaException.class, () -> DistinguishedNames.parse(typed));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_NAME);
        assertThat(e.reason()).startsWith("'" + typed + "' is not a distinguished name");
        assertThat(e.fix()).hasValue("write it as CN=name,O=Organisation,C=US");
    }

    @Test
    void anEmptyAttributeIsNamed() {
        CertaException e = assertThrows(CertaException.class, () -> DistinguishedNames.parse("CN=a,O="));
        assertThat(e.reason()).isEqualTo("'CN=a,O=' is not a distinguished name (O has no value)");
    }
}
