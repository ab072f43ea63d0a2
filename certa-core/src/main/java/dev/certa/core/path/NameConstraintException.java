package dev.certa.core.path;

import org.jspecify.annotations.NullMarked;

/**
 * A CA certificate's name constraints extension cannot be honoured: it is malformed (a bad IP mask, a DNS
 * constraint with a wildcard, an empty extension) or uses a form RFC 5280 does not define. A path
 * through such a CA is rejected, because ignoring a constraint could let through a name the CA was never
 * allowed to vouch for. The message is plain language and names the offending constraint.
 */
@NullMarked
public final class NameConstraintException extends Exception {
    private static final long serialVersionUID = 1L;

    public NameConstraintException(String message) {
        super(message);
    }
}
