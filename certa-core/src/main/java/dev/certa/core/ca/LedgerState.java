package dev.certa.core.ca;

import dev.certa.core.revocation.RevokedCertificate;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link CaLedger} holds, read at one moment: the certificates in the order they were issued,
 * the revocations (the first of a serial stands), each CA's last CRL number, and whether the last
 * line was damaged (a write interrupted by a crash; it is ignored, and cut off by the next write).
 *
 * @param damage what was wrong with the last line, if anything
 * @param validLength how many bytes of the file hold whole, checked records
 */
public record LedgerState(List<LedgerCertificate> certificates, Map<BigInteger, LedgerRevocation> revocations,
        Map<String, BigInteger> crlNumbers, Optional<String> damage, long validLength) {

    public LedgerState {
        certificates = List.copyOf(certificates);
        revocations = Collections.unmodifiableMap(new LinkedHashMap<>(revocations));
        crlNumbers = Map.copyOf(crlNumbers);
    }

    /** The state that {@code records}, read in order, add up to. */
    static LedgerState of(List<LedgerRecord> records, Optional<String> damage, long validLength) {
        List<LedgerCertificate> certs = new ArrayList<>();
        Map<BigInteger, LedgerRevocation> revoked = new LinkedHashMap<>();
        Map<String, BigInteger> numbers = new LinkedHashMap<>();
        for (LedgerRecord r : records) {
            switch (r) {
                case LedgerCertificate c -> certs.add(c);
                case LedgerRevocation v -> revoked.putIfAbsent(v.serial(), v);
                case LedgerCrlNumber n -> numbers.merge(n.issuerKey(), n.number(), BigInteger::max);
            }
        }
        return new LedgerState(certs, revoked, numbers, damage, validLength);
    }

    /** The certificate with this serial, if the CA recorded it. */
    public Optional<LedgerCertificate> certificate(BigInteger serial) {
        return certificates.stream().filter(c -> c.serial().equals(serial)).findFirst();
    }

    public Optional<LedgerRevocation> revocation(BigInteger serial) {
        return Optional.ofNullable(revocations.get(serial));
    }

    /** Revoked, expired (at {@code now}) or valid. */
    public LedgerStatus status(LedgerCertificate c, Instant now) {
        if (revocations.containsKey(c.serial())) {
            return LedgerStatus.REVOKED;
        }
        return now.isAfter(c.notAfter()) ? LedgerStatus.EXPIRED : LedgerStatus.VALID;
    }

    /**
     * What the CRL of the CA with key {@code issuerKey} lists at {@code thisUpdate}: its revoked
     * certificates that have not expired yet (RFC 5280 lets a CRL drop an entry once it has expired).
     */
    public List<RevokedCertificate> revokedBy(String issuerKey, Instant thisUpdate) {
        List<RevokedCertificate> out = new ArrayList<>();
        for (LedgerRevocation v : revocations.values()) {
            if (v.issuerKey().equals(issuerKey)
                    && certificate(v.serial()).map(c -> !thisUpdate.isAfter(c.notAfter())).orElse(true)) {
                out.add(v.toCrlEntry());
            }
        }
        return out;
    }

    /** The number the next CRL of this CA gets: one more than the last it signed, starting at 1. */
    public BigInteger nextCrlNumber(String issuerKey) {
        return crlNumbers.getOrDefault(issuerKey, BigInteger.ZERO).add(BigInteger.ONE);
    }
}
