package dev.certa.core.error;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * certa's one error type: a {@link ErrorKind kind}, a plain-language {@link #reason() reason} that
 * names the thing at fault (file, field, certificate), and where there is one a {@link #fix() fix}.
 *
 * <p>Messages are written for the person at the terminal, e.g. reason "root.key.pem: the password
 * does not decrypt this key" and fix "check --password-file or CERTA_PASSWORD".
 */
public class CertaException extends RuntimeException {
    private final ErrorKind kind;
    private final String reason;
    private final @Nullable String fix;
    private final List<String> details;

    public CertaException(ErrorKind kind, String reason, @Nullable String fix) {
        this(kind, reason, fix, List.of(), null);
    }

    public CertaException(ErrorKind kind, String reason, @Nullable String fix, @Nullable Throwable cause) {
        this(kind, reason, fix, List.of(), cause);
    }

    public CertaException(
            ErrorKind kind, String reason, @Nullable String fix, List<String> details, @Nullable Throwable cause) {
        super(reason, cause);
        this.kind = Objects.requireNonNull(kind);
        this.reason = Objects.requireNonNull(reason);
        this.fix = fix;
        this.details = List.copyOf(details);
    }

    public static CertaException badInput(String reason, String fix) {
        return new CertaException(ErrorKind.BAD_INPUT, reason, fix);
    }

    public static CertaException badInput(String reason, String fix, Throwable cause) {
        return new CertaException(ErrorKind.BAD_INPUT, reason, fix, cause);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public Optional<String> fix() {
        return Optional.ofNullable(fix);
    }

    /** Further lines, e.g. one per failed lint. */
    public List<String> details() {
        return details;
    }

    /** The same error with its reason prefixed by where it happened, e.g. a file name. */
    public CertaException in(String where) {
        CertaException e = new CertaException(kind, where + ": " + reason, fix, details, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** Reason, details and fix as one short paragraph. */
    public String describe() {
        StringBuilder sb = new StringBuilder(reason);
        for (String d : details) {
            sb.append(System.lineSeparator()).append("  - ").append(d);
        }
        if (fix != null) {
            sb.append(System.lineSeparator()).append("Fix: ").append(fix);
        }
        return sb.toString();
    }
}
