package dev.certa.core.path;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one {@link PathValidator} remembers between validations, keyed by content so that it can never
 * confuse two certificates: decoded certificates (by their DER encoding) and signatures that verified
 * (on the decoded certificate, with the issuer's public key). Servers validate the same
 * intermediates and roots over and over; this spares decoding them and verifying their signatures
 * every time. Bounded: when a map is full it is replaced by an empty one (cheaper than clearing it in
 * place, which locks every bin). Thread-safe.
 *
 * <p>The JDK's {@code CertificateFactory} hands out the same immutable certificate object for the same
 * bytes, so such an object is first looked up by identity: the intermediate a server sends with every
 * handshake is then found without copying and hashing its encoding again.
 */
final class ValidationCache {
    private static final int MAX_CERTIFICATES = 2_048;
    /** The JDK's own certificate class: immutable once made, so its identity stands for its content. */
    private static final String JDK_CERTIFICATE = "sun.security.x509.X509CertImpl";

    private volatile Map<Encoded, CertificateFacts> facts = emptyMap();
    private volatile Map<Same, CertificateFacts> byIdentity = emptyMap();

    /** Sized for its bound, so that filling it never rehashes. */
    private static <K> Map<K, CertificateFacts> emptyMap() {
        return new ConcurrentHashMap<>(MAX_CERTIFICATES + MAX_CERTIFICATES / 2);
    }

    /** Decoded facts of {@code c}, from the cache or freshly decoded (and then kept); empty when undecodable. */
    Optional<CertificateFacts> facts(X509Certificate c, List<String> whyNot) {
        boolean immutable = c.getClass().getName().equals(JDK_CERTIFICATE);
        Same same = immutable ? new Same(c) : null;
        if (same != null) {
            CertificateFacts f = byIdentity.get(same);
            if (f != null) {
                return Optional.of(f);
            }
        }
        Encoded key;
        try {
            key = new Encoded(c.getEncoded());
        } catch (CertificateEncodingException e) {
            whyNot.add("it cannot be encoded (" + e.getMessage() + ")");
            return Optional.empty();
        }
        Map<Encoded, CertificateFacts> known = facts;
        CertificateFacts f = known.get(key);
        if (f == null) {
            Optional<CertificateFacts> decoded = CertificateFacts.of(c, key, whyNot);
            if (decoded.isEmpty()) {
                return decoded;
            }
            f = decoded.get();
            if (known.size() >= MAX_CERTIFICATES) {
                known = emptyMap();
                facts = known;
            }
            known.put(key, f);
        }
        if (same != null && (f.isCa() || f.selfIssued)) { // issuers come back; a leaf mostly does not
            Map<Same, CertificateFacts> ids = byIdentity;
            if (ids.size() >= MAX_CERTIFICATES) {
                ids = emptyMap();
                byIdentity = ids;
            }
            ids.put(same, f);
        }
        return Optional.of(f);
    }

    /** {@code c}'s encoding as a key when this very object was decoded before (no copy, no hashing); else null. */
    Encoded knownEncoding(X509Certificate c) {
        CertificateFacts f = byIdentity.get(new Same(c));
        return f == null ? null : f.encoded;
    }

    /**
     * True when this exact certificate was seen to verify under this exact key before. The facts are shared by
     * every validation that meets the same bytes (see {@link #facts}), so they carry what verified them.
     */
    boolean knownGood(CertificateFacts child, CertificateFacts issuer) {
        return issuer.publicKeyInfoKey().equals(child.verifiedUnder);
    }

    void rememberGood(CertificateFacts child, CertificateFacts issuer) {
        child.verifiedUnder = issuer.publicKeyInfoKey();
    }

    /** A certificate object compared by identity. */
    private record Same(X509Certificate certificate) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.certificate == certificate;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(certificate);
        }
    }
}
