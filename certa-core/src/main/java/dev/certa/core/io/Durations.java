package dev.certa.core.io;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: 90d, 12h, 30m, 2w, 10y (365 days), or ISO-8601 (P90D). */
public final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("^(\\d{1,6})\\s*(s|m|h|d|w|y)$");

    private Durations() {}

    public static Duration parse(String text, String option) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                case "w" -> Duration.ofDays(7 * n);
                default -> Duration.ofDays(365 * n);
            };
            return positive(d, text, option);
        }
        try {
            return positive(Duration.parse(text.trim().toUpperCase(Locale.ROOT)), text, option);
        } catch (DateTimeParseException e) {
            throw new CertaException(ErrorKind.USAGE, option + " '" + text + "' is not a duration",
                    "write it like 90d, 12h, 2w or 10y");
        }
    }

    private static Duration positive(Duration d, String text, String option) {
        if (d.isZero() || d.isNegative()) {
            throw new CertaException(ErrorKind.USAGE, option + " '" + text + "' must be positive", "write it like 90d");
        }
        return d;
    }

    /** "90 days", "10 years". */
    public static String describe(Duration d) {
        long days = d.toDays();
        if (days >= 365 && days % 365 == 0) {
            return days / 365 + (days == 365 ? " year" : " years");
        }
        if (days > 0) {
            return days + (days == 1 ? " day" : " days");
        }
        return d.toHours() + " hours";
    }
}
