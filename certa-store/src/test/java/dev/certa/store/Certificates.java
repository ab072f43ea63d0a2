package dev.certa.store;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test certificates for the store: the DER is random bytes (the store never parses it), the serial a
 * random 159-bit number like a CA's, everything else settable.
 */
record Certificates(
        BigInteger serial,
        String issuerId,
        byte[] der,
        List<String> names,
        Instant notBefore,
        Instant notAfter,
        String profile,
        String requester,
        Instant issuedAt) {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    static Certificates any() {
        byte[] der = new byte[300 + ThreadLocalRandom.current().nextInt(400)];
        ThreadLocalRandom.current().nextBytes(der);
        der[0] = 0x30;
        return new Certificates(randomSerial(), "issuer-a", der, List.of("dns:www.example.com", "dns:example.com"),
                T0, T0.plus(Duration.ofDays(90)), "server", "provisioner:admin/alice", T0);
    }

    static BigInteger randomSerial() {
        return new BigInteger(159, ThreadLocalRandom.current()).setBit(150);
    }

    Certificates serial(BigInteger s) {
        return new Certificates(s, issuerId, der, names, notBefore, notAfter, profile, requester, issuedAt);
    }

    Certificates issuer(String i) {
        return new Certificates(serial, i, der, names, notBefore, notAfter, profile, requester, issuedAt);
    }

    Certificates withNames(String... n) {
        return new Certificates(serial, issuerId, der, List.of(n), notBefore, notAfter, profile, requester, issuedAt);
    }

    Certificates notAfter(Instant t) {
        return new Certificates(serial, issuerId, der, names, notBefore, t, profile, requester, issuedAt);
    }

    Certificates requester(String r) {
        return new Certificates(serial, issuerId, der, names, notBefore, notAfter, profile, r, issuedAt);
    }

    Certificates issuedAt(Instant t) {
        return new Certificates(serial, issuerId, der, names, t, notAfter, profile, requester, t);
    }

    Certificates profile(String p) {
        return new Certificates(serial, issuerId, der, names, notBefore, notAfter, p, requester, issuedAt);
    }

    IssuedCertificateRecord record() {
        return new IssuedCertificateRecord(serial, issuerId, der, names, notBefore, notAfter, profile, requester, issuedAt);
    }
}
