package dev.certa.core.path;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * A named set of trust anchors: the root certificates someone has decided to trust, such as the
 * operating system's bundle, the JDK's {@code cacerts}, or a company's private root. A path is trusted
 * when it ends at one of them. Only the anchor's name and key vouch for what is below it, but certa also
 * checks the anchor's own validity period, CA flag and critical extensions, as browsers do.
 *
 * <p>Load stores with {@link TrustStores}. A store is immutable; duplicate certificates are kept once.
 * It indexes its anchors by subject, so asking one store many times is cheap.
 */
public final class TrustStore {
    private final String name;
    private final String source;
    private final List<X509Certificate> anchors;
    private final Map<X500Principal, List<X509Certificate>> bySubject;

    /**
     * @param name a short name shown in verdicts: "system", "jdk", "corp-roots.pem"
     * @param source where it was loaded from, e.g. "/etc/ssl/certs/ca-certificates.crt"
     */
    public TrustStore(String name, String source, List<X509Certificate> anchors) {
        this.name = Objects.requireNonNull(name);
        this.source = Objects.requireNonNull(source);
        Map<Key, X509Certificate> unique = new LinkedHashMap<>();
        for (X509Certificate c : anchors) {
            unique.putIfAbsent(new Key(der(c)), c);
        }
        this.anchors = List.copyOf(unique.values());
        Map<X500Principal, List<X509Certificate>> index = new HashMap<>();
        for (X509Certificate c : this.anchors) {
            index.computeIfAbsent(c.getSubjectX500Principal(), k -> new ArrayList<>(1)).add(c);
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.bySubject = Map.copyOf(index);
    }

    /** A store of {@code anchors} named {@code name}, its source the same as its name. */
    public static TrustStore of(String name, List<X509Certificate> anchors) {
        return new TrustStore(name, name, anchors);
    }

    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    /** The anchors, each once, in the order first loaded. */
    public List<X509Certificate> anchors() {
        return anchors;
    }

    public int size() {
        return anchors.size();
    }

    /** True when this exact certificate is an anchor here. */
    public boolean contains(X509Certificate certificate) {
        byte[] der = der(certificate);
        for (X509Certificate c : bySubject.getOrDefault(certificate.getSubjectX500Principal(), List.of())) {
            if (Arrays.equals(der(c), der)) {
                return true;
            }
        }
        return false;
    }

    /** Anchors whose subject is {@code name} (compared in RFC 5280's normalised form). */
    List<X509Certificate> withSubject(X500Principal subjectName) {
        return bySubject.getOrDefault(subjectName, List.of());
    }

    @Override
    public String toString() {
        return name + " (" + anchors.size() + " anchors from " + source + ")";
    }

    static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("a certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    private record Key(byte[] der) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(der, k.der);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(der);
        }
    }
}
