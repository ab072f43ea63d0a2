package dev.certa.core.path;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Small pieces of wording shared by the findings. */
final class Texts {
    private Texts() {}

    /** "'CN=Example CA'". */
    static String q(String subject) {
        return "'" + subject + "'";
    }

    /** "3 days", "1 hour", "12 seconds": the largest unit that fits, rounded down. */
    static String span(Instant a, Instant b) {
        Duration d = Duration.between(a, b).abs();
        long days = d.toDays();
        if (days >= 1) {
            return plural(days, "day");
        }
        long hours = d.toHours();
        if (hours >= 1) {
            return plural(hours, "hour");
        }
        long minutes = d.toMinutes();
        if (minutes >= 1) {
            return plural(minutes, "minute");
        }
        return plural(Math.max(d.getSeconds(), 0), "second");
    }

    static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** An instant to the second: "2024-04-01T00:00:00Z". */
    static String time(Instant i) {
        return i.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "a.example, b.example", or "no names" when empty. */
    static String list(List<String> items) {
        return items.isEmpty() ? "no names" : String.join(", ", items);
    }

    /** "the stores system, jdk", "the store system", or "no trust store (none was given)". */
    static String stores(List<TrustStore> stores) {
        if (stores.isEmpty()) {
            return "no trust store (none was given)";
        }
        List<String> names = stores.stream().map(TrustStore::name).toList();
        return (names.size() == 1 ? "the trust store " : "the trust stores ") + String.join(", ", names);
    }
}
