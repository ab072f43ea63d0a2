package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.api.Test;

/** The reader's table of common OIDs gives exactly what spelling the OID out gives, and what Bouncy Castle encodes. */
class DerOidTest {
    @Test
    void commonOidsReadTheSameAsBouncyCastleWritesThem() throws Exception {
        for (String dotted : List.of("1.2.840.113549.1.1.11", "1.2.840.10045.4.3.2", "1.3.132.0.34", "1.3.101.112",
                "1.3.6.1.5.5.7.3.1", "1.3.6.1.4.1.11129.2.4.2", "2.23.140.1.2.1", "2.5.29.17",
                // not in the table: spelt out
                "1.2.3.4.5.6.7.8.9999999", "2.999.1", "0.39.1")) {
            byte[] der = new ASN1ObjectIdentifier(dotted).getEncoded();
            assertThat(Der.encodeOid(dotted)).as(dotted).isEqualTo(java.util.Arrays.copyOfRange(der, 2, der.length));
            Der d = new Der(der);
            assertThat(d.next(Der.OID).oid()).as(dotted).isEqualTo(dotted);
        }
    }
}
