package dev.certa.core.path;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * One certificate on a path, with where it came from and how it fared.
 *
 * @param position 0 for the leaf, then 1, 2… towards the anchor
 * @param subject the subject as RFC 4514 text, most specific attribute first
 * @param store for an anchor, the trust store it was found in
 */
public record PathLink(int position, X509Certificate certificate, String subject, Role role, Optional<String> store, Status status) {

    /** The certificate's part in the path. */
    public enum Role {
        /** The end-entity certificate being validated. */
        LEAF,
        /** A CA certificate between leaf and anchor, taken from the untrusted certificates given. */
        INTERMEDIATE,
        /** The trusted certificate the path ends at (from a trust store). */
        ANCHOR,
        /** The last certificate of a path that reaches no trust store. */
        UNTRUSTED_END
    }

    /** How this certificate fared. */
    public enum Status {
        OK,
        /** Valid, with a warning. */
        WARNING,
        /** At least one problem. */
        FAILED
    }

    public PathLink {
        Objects.requireNonNull(certificate);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(role);
        Objects.requireNonNull(store);
        Objects.requireNonNull(status);
    }
}
