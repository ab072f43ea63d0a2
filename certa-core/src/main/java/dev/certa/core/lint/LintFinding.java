package dev.certa.core.lint;

/**
 * What one lint found: which rule, how bad, what is wrong in plain words, and how to fix the request.
 */
public record LintFinding(String lint, Severity severity, String message, String fix) {

    public enum Severity { ERROR, WARNING }

    public static LintFinding error(String lint, String message, String fix) {
        return new LintFinding(lint, Severity.ERROR, message, fix);
    }

    public static LintFinding warning(String lint, String message, String fix) {
        return new LintFinding(lint, Severity.WARNING, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "[san-required] a server certificate needs at least one DNS or IP name; add --san api.example.com". */
    public String describe() {
        return "[" + lint + "] " + message + "; " + fix;
    }
}
