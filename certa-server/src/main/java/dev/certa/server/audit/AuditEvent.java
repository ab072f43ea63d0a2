package dev.certa.server.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing the CA did or refused, as the audit log records it.
 *
 * @param actor who asked: {@code provisioner:ops/sub}, {@code mtls:<serial>}, {@code admin}
 * @param action {@code issue}, {@code renew}, {@code revoke}, {@code search}, {@code start}, ...
 * @param serial the certificate concerned, in hex, if any
 * @param names the names concerned
 * @param outcome {@code ok} or {@code refused}
 * @param detail a short plain reason (never a secret)
 */
public record AuditEvent(String actor, String action, Optional<String> serial, List<String> names, String outcome, String detail) {
    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(serial, "serial");
        names = List.copyOf(names);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    public static AuditEvent ok(String actor, String action, String serial, List<String> names) {
        return new AuditEvent(actor, action, Optional.of(serial), names, "ok", "");
    }

    public static AuditEvent refused(String actor, String action, List<String> names, String detail) {
        return new AuditEvent(actor, action, Optional.empty(), names, "refused", detail);
    }
}
