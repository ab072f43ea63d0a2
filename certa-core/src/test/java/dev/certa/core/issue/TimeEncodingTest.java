package dev.certa.core.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"1949-12-31T23:59:59Z", "1950-01-01T00:00:00Z", "1999-12-31T23:59:59Z",
            "2000-01-01T00:00:00Z", "2026-11-23T00:05:07Z", "2026-11-23T00:05:07.999Z", "2049-12-31T23:59:59Z",
            "2050-01-01T00:00:00Z", "2125-06-30T12:00:00Z", "1000-01-01T00:00:00Z", "1900-02-28T09:08:07Z", "9999-12-31T23:59:59Z", "0999-01-01T00:00:00Z"})
    void encodesAsBouncyCastleDoes(String instant) throws Exception {
        Instant t = Instant.parse(instant);
        Time expected = new Time(Date.from(t));
        byte[] actual = CertificateDer.time(t);
        assertThat(actual).isEqualTo(expected.getEncoded(ASN1Encoding.DER));
        assertThat(Time.getInstance(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(actual)).getDate()).isEqualTo(expected.getDate());
    }
}
