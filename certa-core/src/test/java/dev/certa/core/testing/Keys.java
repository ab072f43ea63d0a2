package dev.certa.core.testing;

import dev.certa.core.key.KeyType;
import java.security.KeyPair;
import java.util.EnumMap;
import java.util.Map;

/**
 * One key pair per key type, generated on first use and shared by the tests of one JVM (RSA-4096 takes
 * a while). Tests must not depend on which test generated a key.
 */
public final class Keys {
    private static final Map<KeyType, KeyPair> PAIRS = new EnumMap<>(KeyType.class);

    private Keys() {}

    public static synchronized KeyPair of(KeyType type) {
        return PAIRS.computeIfAbsent(type, t -> t.generate(TestPki.RANDOM));
    }
}
