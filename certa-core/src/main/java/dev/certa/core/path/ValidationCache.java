package dev.certa.core.path;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one {@link PathValidator} remembers between validations, keyed by content so that it can never
 * confuse two certificates: decoded certificates (by their DER encoding) and signatures that verified
 * (by the signed certificate's encoding and the issuer's public key). Servers validate the same
 * intermediates and roots over and over; this spares decoding them and verifying their signatures
 * every time. Bounded: when a map is full it is emptied and refilled. Thread-safe.
 */
final class ValidationCache {
    private static final int MAX_CERTIFICATES = 2_048;
    private static final int MAX_SIGNATURES = 4_096;

    private final Map<Bytes, CertificateFacts> facts = new ConcurrentHashMap<>();
    private final Map<Pair, Boolean> verified = new ConcurrentHashMap<>();

    /** Decoded facts of {@code c}, from the cache or freshly decoded (and then kept); empty when undecodable. */
    Optional<CertificateFacts> facts(X509Certificate c, List<String> whyNot) {
        Bytes key;
        try {
            key = new Bytes(c.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            whyNot.add("it cannot be encoded (" + e.getMessage() + ")");
            return Optional.empty();
        }
        CertificateFacts f = facts.get(key);
        if (f != null) {
            return Optional.of(f);
        }
        Optional<CertificateFacts> decoded = CertificateFacts.of(c, key.b, whyNot);
        decoded.ifPresent(d -> {
            if (facts.size() >= MAX_CERTIFICATES) {
                facts.clear();
            }
            facts.put(key, d);
        });
        return decoded;
    }

    /** True when this exact certificate was seen to verify under this exact key before. */
    boolean knownGood(CertificateFacts child, CertificateFacts issuer) {
        return verified.containsKey(new Pair(new Bytes(child.der), new Bytes(issuer.publicKeyInfoDer())));
    }

    void rememberGood(CertificateFacts child, CertificateFacts issuer) {
        if (verified.size() >= MAX_SIGNATURES) {
            verified.clear();
        }
        verified.put(new Pair(new Bytes(child.der), new Bytes(issuer.publicKeyInfoDer())), Boolean.TRUE);
    }

    private record Pair(Bytes child, Bytes issuerKey) {}

    /** A byte array compared by content, its hash computed once. */
    private static final class Bytes {
        private final byte[] b;
        private final int hash;

        Bytes(byte[] b) {
            this.b = b;
            this.hash = Arrays.hashCode(b);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes x && x.hash == hash && Arrays.equals(x.b, b);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
