package dev.certa.store;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One issued certificate as the CA records it, before the certificate is handed to anyone.
 *
 * @param serial the certificate's serial number (positive; unique across the store)
 * @param issuerId which issuing CA signed it (the server's stable id for that CA, e.g. its key id in hex)
 * @param der the certificate's DER encoding
 * @param names the subject alternative names as text ({@code dns:a.example}, {@code ip:10.0.0.1}, ...),
 *     lower-cased, for search
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param profile the certificate profile's name ({@code server}, {@code client}, ...)
 * @param requester who asked: provisioner name and subject, ACME account URL, or admin
 * @param issuedAt when the CA signed it
 */
public record IssuedCertificateRecord(
        BigInteger serial,
        String issuerId,
        byte[] der,
        List<String> names,
        Instant notBefore,
        Instant notAfter,
        String profile,
        String requester,
        Instant issuedAt) {

    public IssuedCertificateRecord {
        Objects.requireNonNull(serial, "serial");
        if (serial.signum() <= 0) {
            throw new IllegalArgumentException("serial must be positive");
        }
        Objects.requireNonNull(issuerId, "issuerId");
        der = der.clone();
        names = List.copyOf(names);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    @Override
    public byte[] der() {
        return der.clone();
    }
}
