package dev.certa.core.path;

import dev.certa.core.name.NameText;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a version 3 certificate in plain DER that path validation reads, split out with {@link Der}
 * instead of Bouncy Castle's general ASN.1 object model (which read every byte through nested streams and was
 * over a third of a fresh chain's validation time).
 *
 * <p>Only the common, unremarkable shape is accepted: version 3, a serial, algorithm identifiers whose
 * parameters are absent, NULL or a curve OID, names made of UTF8String, PrintableString or IA5String values,
 * UTCTime/GeneralizedTime in their DER forms, an octet-aligned key and signature, extensions without repeats
 * whose critical flag is absent or TRUE. Anything else is {@link Der.Unusual} and goes to Bouncy Castle, so
 * unusual and malformed certificates are judged and described exactly as before.
 */
record PlainCertificate(
        BigInteger serial,
        byte[] signatureAlgorithm,
        String signatureAlgorithmOid,
        Parameters signatureParameters,
        boolean signatureAlgorithmsAgree,
        byte[] issuer,
        byte[] subject,
        int subjectAttributes,
        byte[] publicKeyInfo,
        String publicKeyAlgorithm,
        @Nullable String publicKeyCurve,
        byte[] signature,
        List<RawExtension> extensions) {

    private static final byte[] VERSION_3 = {(byte) 0xa0, 0x03, 0x02, 0x01, 0x02};
    private static final byte[] EMPTY_NAME = {0x30, 0x00};

    /** An AlgorithmIdentifier's parameters: absent, NULL, or an OID (a named curve). */
    record Parameters(boolean absent, @Nullable String oid) {
        static final Parameters NONE = new Parameters(true, null);
        static final Parameters NULL = new Parameters(false, null);
    }

    /** One extension as found: its OID in dotted form, the critical flag and the contents of extnValue. */
    record RawExtension(String oid, boolean critical, byte[] value) {}

    static PlainCertificate split(byte[] der) throws Der.Unusual {
        Der top = new Der(der);
        Der cert = top.next(Der.SEQUENCE).inside();
        top.end();
        Der tbs = cert.next(Der.SEQUENCE).inside();
        cert.next(Der.SEQUENCE);
        int outerFrom = cert.start();
        int outerTo = cert.valueEnd();
        Der outerAlgorithm = cert.inside();
        String signatureOid = outerAlgorithm.next(Der.OID).oid();
        Parameters signatureParameters = parameters(outerAlgorithm);
        byte[] outer = cert.element();
        cert.next(Der.BIT_STRING);
        byte[] signature = Arrays.copyOfRange(der, cert.octetAlignedBits(), cert.valueEnd());
        cert.end();

        if (!tbs.next(0xa0).elementIs(VERSION_3)) {
            throw new Der.Unusual("not version 3");
        }
        tbs.next(Der.INTEGER).requireMinimalInteger();
        BigInteger serial = new BigInteger(der, tbs.valueStart(), tbs.valueLength());
        tbs.next(Der.SEQUENCE);
        boolean agree = Arrays.equals(der, tbs.start(), tbs.valueEnd(), der, outerFrom, outerTo);
        Der innerAlgorithm = tbs.inside();
        innerAlgorithm.next(Der.OID).checkOid();
        parameters(innerAlgorithm);
        tbs.next(Der.SEQUENCE);
        name(tbs.inside());
        byte[] issuer = tbs.elementIs(EMPTY_NAME) ? EMPTY_NAME : tbs.element();
        validity(tbs.next(Der.SEQUENCE).inside());
        tbs.next(Der.SEQUENCE);
        int attributes = name(tbs.inside());
        byte[] subject = tbs.elementIs(EMPTY_NAME) ? EMPTY_NAME : tbs.element();
        tbs.next(Der.SEQUENCE);
        byte[] spki = tbs.element();
        Der key = tbs.inside();
        key.next(Der.SEQUENCE);
        Der keyAlgorithm = key.inside();
        String keyOid = keyAlgorithm.next(Der.OID).oid();
        String curve = parameters(keyAlgorithm).oid();
        key.next(Der.BIT_STRING).octetAlignedBits();
        key.end();
        List<RawExtension> extensions = List.of();
        if (tbs.hasMore()) {
            extensions = extensions(tbs.next(0xa3).inside());
        }
        tbs.end();
        return new PlainCertificate(serial, outer, signatureOid, signatureParameters, agree, issuer, subject, attributes, spki, keyOid, curve, signature,
                extensions);
    }

    /** Checks the parameters that may follow an algorithm's OID: absent, NULL or an OID, nothing else. */
    private static Parameters parameters(Der alg) throws Der.Unusual {
        if (!alg.hasMore()) {
            return Parameters.NONE;
        }
        Parameters p;
        if (alg.peekTag() == Der.NULL) {
            alg.next(Der.NULL);
            if (alg.valueLength() != 0) {
                throw new Der.Unusual("NULL with contents");
            }
            p = Parameters.NULL;
        } else {
            p = new Parameters(false, alg.next(Der.OID).oid());
        }
        alg.end();
        return p;
    }

    /** A Name of single-string attribute values; returns how many attributes it holds. */
    private static int name(Der rdns) throws Der.Unusual {
        int count = 0;
        while (rdns.hasMore()) {
            Der set = rdns.next(Der.SET).inside();
            if (!set.hasMore()) {
                throw new Der.Unusual("empty RDN");
            }
            while (set.hasMore()) {
                Der atv = set.next(Der.SEQUENCE).inside();
                atv.next(Der.OID).checkOid();
                int t = atv.next().tag();
                if (t != Der.UTF8_STRING && t != Der.PRINTABLE_STRING && t != Der.IA5_STRING) {
                    throw new Der.Unusual("unusual attribute value");
                }
                if (t == Der.UTF8_STRING && !NameText.isUtf8(atv.bytes(), atv.valueStart(), atv.valueLength())) {
                    throw new Der.Unusual("a UTF8String that is not UTF-8");
                }
                atv.end();
                count++;
            }
        }
        return count;
    }

    private static void validity(Der v) throws Der.Unusual {
        time(v);
        time(v);
        v.end();
    }

    /** "YYMMDDHHMMSSZ" or "YYYYMMDDHHMMSSZ", nothing else. */
    private static void time(Der v) throws Der.Unusual {
        int t = v.next().tag();
        int digits = t == Der.UTC_TIME ? 12 : t == Der.GENERALIZED_TIME ? 14 : -1;
        if (digits < 0 || v.valueLength() != digits + 1 || v.at(v.valueEnd() - 1) != 'Z') {
            throw new Der.Unusual("unusual time");
        }
        for (int i = v.valueStart(); i < v.valueEnd() - 1; i++) {
            byte c = v.at(i);
            if (c < '0' || c > '9') {
                throw new Der.Unusual("unusual time");
            }
        }
    }

    private static List<RawExtension> extensions(Der wrapper) throws Der.Unusual {
        Der list = wrapper.next(Der.SEQUENCE).inside();
        wrapper.end();
        List<RawExtension> out = new ArrayList<>(12);
        while (list.hasMore()) {
            Der ext = list.next(Der.SEQUENCE).inside();
            String oid = ext.next(Der.OID).oid();
            boolean critical = false;
            if (ext.peekTag() == Der.BOOLEAN) {
                ext.next(Der.BOOLEAN);
                if (ext.valueLength() != 1 || ext.at(ext.valueStart()) != (byte) 0xff) {
                    throw new Der.Unusual("critical flag other than DER TRUE");
                }
                critical = true;
            }
            byte[] value = ext.next(Der.OCTET_STRING).value();
            ext.end();
            for (RawExtension seen : out) {
                if (seen.oid().equals(oid)) {
                    throw new Der.Unusual("repeated extension");
                }
            }
            out.add(new RawExtension(oid, critical, value));
        }
        if (out.isEmpty()) {
            throw new Der.Unusual("empty extensions");
        }
        return List.copyOf(out);
    }
}
