package dev.certa.cli;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Instants as people write them: 2026-11-19T10:00:00Z, 2026-11-19T10:00+01:00, 2026-11-19T10:00 (UTC), 2026-11-19 (midnight UTC). */
final class Instants {
    private Instants() {}

    static Instant parse(String text, String option) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the forms without an offset
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // try a date
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new CertaException(ErrorKind.USAGE, option + " '" + text + "' is not a date or time",
                    "write it in ISO-8601, e.g. 2026-11-19, 2026-11-19T10:00:00Z or 2026-11-19T10:00+01:00");
        }
    }
}
