package dev.certa.server.ra.acme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.server.testing.MovableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ids: unguessable, unique, and grouped by the time they were made (for the store's indexes). */
class IdsTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final Ids ids = new Ids(clock, new SecureRandom());

    @Test
    void idsMadeInTheSameMillisecondAreDistinctBase64urlOf128BitsSharingTheirTimePrefix() {
        Set<String> seen = new HashSet<>();
        String first = ids.id();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.id();
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
            assertThat(id.substring(0, 8)).isEqualTo(first.substring(0, 8));
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void idsMadeSecondsApartShareAShorterPrefixAndThoseMadeDaysApartDoNot() {
        String now = ids.id();
        clock.advance(Duration.ofSeconds(2));
        String soon = ids.id();
        clock.advance(Duration.ofDays(3));
        String later = ids.id();

        assertThat(soon.substring(0, 6)).isEqualTo(now.substring(0, 6));
        assertThat(soon.substring(0, 8)).isNotEqualTo(now.substring(0, 8));
        assertThat(later.substring(0, 5)).isNotEqualTo(now.substring(0, 5));
    }

    @Test
    void tokensAre256RandomBits() {
        assertThat(ids.token()).hasSize(43).isNotEqualTo(ids.token());
    }
}
