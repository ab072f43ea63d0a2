package dev.certa.bench;

import dev.certa.core.crypto.CryptoProviders;
import dev.certa.core.key.KeyDescription;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;

/** The JCA providers the benchmark compares, by the short names used as JMH parameters. */
final class BenchProviders {
    static final String ACCP = "accp";
    static final String BOUNCY_CASTLE = "bc";
    static final String JDK = "jdk";

    private BenchProviders() {}

    /** The short names of the providers that load on this machine, fastest-first as certa prefers them. */
    static List<String> available() {
        List<String> out = new ArrayList<>();
        if (CryptoProviders.get().fast().isPresent()) {
            out.add(ACCP);
        }
        out.add(BOUNCY_CASTLE);
        out.add(JDK);
        return out;
    }

    /** The provider {@code name} stands for, for a key like {@code key} (the JDK splits EC and RSA). */
    static Provider named(String name, PublicKey key) {
        return switch (name) {
            case ACCP -> CryptoProviders.get().fast().orElseThrow(() -> new IllegalStateException(
                    "the native provider did not load: " + CryptoProviders.get().describe()));
            case BOUNCY_CASTLE -> CryptoProviders.get().bouncyCastle();
            case JDK -> {
                String jdk = KeyDescription.of(key).algorithm().equals("RSA") ? "SunRsaSign" : "SunEC";
                Provider p = Security.getProvider(jdk);
                if (p == null) {
                    throw new IllegalStateException("this JDK has no " + jdk + " provider");
                }
                yield p;
            }
            default -> throw new IllegalArgumentException("unknown provider '" + name + "'; use accp, bc or jdk");
        };
    }

    /** The short name of a provider, for the report: certa's pick is shown this way. */
    static String shortName(Provider p) {
        if (p == CryptoProviders.get().bouncyCastle()) {
            return BOUNCY_CASTLE;
        }
        if (CryptoProviders.get().fast().filter(f -> f == p).isPresent()) {
            return ACCP;
        }
        return JDK;
    }
}
