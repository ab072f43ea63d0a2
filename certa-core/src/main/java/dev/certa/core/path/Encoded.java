package dev.certa.core.path;

import java.util.Arrays;

/**
 * A DER encoding compared by content, its hash computed once: the key of every content-keyed map in path
 * validation. A certificate's own key is made when it is decoded and reused for every lookup, so a fresh
 * leaf's kilobyte of DER is hashed once per validation, not once per map. ({@code Arrays.hashCode} is an
 * intrinsic; {@code ByteBuffer.hashCode} walks the buffer a byte at a time.)
 */
final class Encoded {
    final byte[] bytes;
    private final int hash;

    /** {@code bytes} is kept, not copied: do not modify it afterwards. */
    Encoded(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Encoded x && x.hash == hash && Arrays.equals(x.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
