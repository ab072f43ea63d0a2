package dev.certa.core.path;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One thing a validation found: a problem that stops trust, or a warning about what still works but
 * will hurt. It names the certificate (subject and position: 0 is the leaf, counting up towards the
 * anchor), the check, what is wrong in plain words and what to do about it.
 *
 * <p>Example: severity ERROR, check CHAIN, position 0, subject "CN=www.example.com", message "the server
 * sent no intermediate certificate; the chain stops at 'CN=www.example.com', whose issuer 'CN=Example
 * Intermediate CA' is in no trusted store", fix "serve the full chain (fullchain.pem), or install the
 * intermediate 'CN=Example Intermediate CA'".
 *
 * @param position the certificate's place on the path (0 = leaf); empty when the finding is about the
 *     whole chain
 * @param subject the certificate's subject as RFC 4514 text, most specific attribute first
 */
public record Finding(Severity severity, Check check, OptionalInt position, Optional<String> subject, String message, String fix) {

    /** How bad a finding is. */
    public enum Severity {
        /** The path is not trusted because of this. */
        ERROR,
        /** Trust holds, but something should be fixed. */
        WARNING
    }

    public Finding {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(check);
        Objects.requireNonNull(position);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(message);
        Objects.requireNonNull(fix);
    }

    static Finding error(Check check, int position, String subject, String message, String fix) {
        return new Finding(Severity.ERROR, check, OptionalInt.of(position), Optional.of(subject), message, fix);
    }

    static Finding warning(Check check, int position, String subject, String message, String fix) {
        return new Finding(Severity.WARNING, check, OptionalInt.of(position), Optional.of(subject), message, fix);
    }

    static Finding chainError(Check check, String message, String fix) {
        return new Finding(Severity.ERROR, check, OptionalInt.empty(), Optional.empty(), message, fix);
    }

    static Finding chainWarning(Check check, String message, String fix) {
        return new Finding(Severity.WARNING, check, OptionalInt.empty(), Optional.empty(), message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line: "[name constraints] #1 CN=Example CA: …; fix: …". */
    public String describe() {
        StringBuilder sb = new StringBuilder("[").append(check.label()).append("] ");
        position.ifPresent(p -> sb.append('#').append(p).append(' '));
        subject.ifPresent(s -> sb.append(s).append(": "));
        return sb.append(message).append("; fix: ").append(fix).toString();
    }
}
