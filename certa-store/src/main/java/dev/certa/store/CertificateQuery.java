package dev.certa.store;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A search over recorded certificates, newest first, paged by serial cursor.
 *
 * @param name only certificates with this exact name (as in {@link IssuedCertificateRecord#names()})
 * @param revoked only revoked ({@code true}) or only unrevoked ({@code false}) certificates
 * @param expiringBefore only certificates whose notAfter is before this instant
 * @param requester only certificates requested by this requester
 * @param afterSerial cursor: continue after this serial of a previous page (in the store's order)
 * @param limit at most this many results (1..1000)
 */
public record CertificateQuery(
        Optional<String> name,
        Optional<Boolean> revoked,
        Optional<Instant> expiringBefore,
        Optional<String> requester,
        Optional<BigInteger> afterSerial,
        int limit) {

    public CertificateQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(revoked, "revoked");
        Objects.requireNonNull(expiringBefore, "expiringBefore");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(afterSerial, "afterSerial");
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
        }
    }

    /** Everything, first page of {@code limit}. */
    public static CertificateQuery all(int limit) {
        return new CertificateQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public CertificateQuery withName(String n) {
        return new CertificateQuery(Optional.of(n), revoked, expiringBefore, requester, afterSerial, limit);
    }

    public CertificateQuery withRevoked(boolean r) {
        return new CertificateQuery(name, Optional.of(r), expiringBefore, requester, afterSerial, limit);
    }

    public CertificateQuery withExpiringBefore(Instant t) {
        return new CertificateQuery(name, revoked, Optional.of(t), requester, afterSerial, limit);
    }

    public CertificateQuery withRequester(String r) {
        return new CertificateQuery(name, revoked, expiringBefore, Optional.of(r), afterSerial, limit);
    }

    public CertificateQuery after(BigInteger serial) {
        return new CertificateQuery(name, revoked, expiringBefore, requester, Optional.of(serial), limit);
    }
}
