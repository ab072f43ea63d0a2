package dev.certa.core.issue;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x509.Time;

/**
 * The DER of a certificate, put together from parts that are already DER (RFC 5280 §4.1):
 *
 * <pre>
 * Certificate ::= SEQUENCE { tbsCertificate TBSCertificate, signatureAlgorithm AlgorithmIdentifier,
 *                            signatureValue BIT STRING }
 * TBSCertificate ::= SEQUENCE { version [0] EXPLICIT INTEGER (2 = v3), serialNumber INTEGER,
 *     signature AlgorithmIdentifier, issuer Name, validity SEQUENCE { notBefore Time, notAfter Time },
 *     subject Name, subjectPublicKeyInfo SubjectPublicKeyInfo, extensions [3] EXPLICIT Extensions }
 * </pre>
 *
 * The result is byte for byte what Bouncy Castle's V3TBSCertificateGenerator and a DERSequence
 * produce from the same parts (tested), without building and re-encoding their object trees, and it
 * is handed straight to the JDK's certificate parser.
 */
final class CertificateDer {
    private static final int SEQUENCE = 0x30;
    private static final int BIT_STRING = 0x03;
    private static final int INTEGER = 0x02;
    private static final byte[] VERSION_3 = {(byte) 0xa0, 0x03, 0x02, 0x01, 0x02};
    private static final int EXTENSIONS_TAG = 0xa3;

    private CertificateDer() {}

    /** The DER TBSCertificate of a v3 certificate. */
    static byte[] tbsCertificate(BigInteger serial, byte[] signatureAlgorithm, byte[] issuer, Instant notBefore,
            Instant notAfter, byte[] subject, byte[] subjectPublicKeyInfo, byte[] extensions) {
        return tlv(SEQUENCE, VERSION_3, tlv(INTEGER, serial.toByteArray()), signatureAlgorithm, issuer,
                tlv(SEQUENCE, time(notBefore), time(notAfter)), subject, subjectPublicKeyInfo,
                tlv(EXTENSIONS_TAG, extensions));
    }

    /** The DER Certificate around a DER TBSCertificate, a DER AlgorithmIdentifier and the signature octets. */
    static byte[] assemble(byte[] tbs, byte[] signatureAlgorithm, byte[] signature) {
        byte[] bits = new byte[signature.length + 1]; // a leading octet counts the unused bits: none
        System.arraycopy(signature, 0, bits, 1, signature.length);
        return tlv(SEQUENCE, tbs, signatureAlgorithm, tlv(BIT_STRING, bits));
    }

    /**
     * An X.509 Time, as Bouncy Castle's {@code new Time(Date)} encodes it (§4.1.2.5: UTCTime for
     * 1950–2049, GeneralizedTime otherwise, whole seconds, "Z") but without the SimpleDateFormat
     * instances that constructor formats and re-parses with. Years outside 1950–9999 go to Bouncy Castle.
     */
    static byte[] time(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1950 || year > 9999) { // before 1583 java.util.Date's calendar is Julian: leave those to it
            try {
                return new Time(Date.from(instant)).getEncoded(ASN1Encoding.DER);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        boolean utcTime = year >= 1950 && year <= 2049;
        byte[] text = new byte[utcTime ? 13 : 15]; // [YY]YYMMDDHHMMSSZ
        int at = 0;
        if (!utcTime) {
            at = digits(text, at, year / 100);
        }
        at = digits(text, at, year % 100);
        at = digits(text, at, utc.getMonthValue());
        at = digits(text, at, utc.getDayOfMonth());
        at = digits(text, at, utc.getHour());
        at = digits(text, at, utc.getMinute());
        at = digits(text, at, utc.getSecond());
        text[at] = 'Z';
        return tlv(utcTime ? BERTags.UTC_TIME : BERTags.GENERALIZED_TIME, text);
    }

    /** Two decimal digits of {@code value} (0–99). */
    private static int digits(byte[] out, int at, int value) {
        out[at] = (byte) ('0' + value / 10);
        out[at + 1] = (byte) ('0' + value % 10);
        return at + 2;
    }

    /** The JDK's view of a certificate certa has just encoded. */
    static X509Certificate toJca(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new CertaException(ErrorKind.INTERNAL, "could not encode the certificate (" + e.getMessage() + ")",
                    null, e);
        }
    }

    /** Tag, definite length, and the contents concatenated. */
    static byte[] tlv(int tag, byte[]... contents) {
        return dev.certa.core.der.Tlv.of(tag, contents);
    }
}
