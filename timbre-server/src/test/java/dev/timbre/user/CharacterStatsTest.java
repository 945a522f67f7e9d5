package dev.timbre.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.access.Caller;
import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The character stats over recorded charges, on both databases: buckets, breakdowns, calendar months. */
class CharacterStatsTest {
    static final long DAY = 86_400_000L;
    static final long JAN_1 = 1_735_689_600_000L; // 2025-01-01T00:00Z

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void sums_charges_into_buckets_by_breakdown(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            UsageRepository usage = new UsageRepository(db.jdbi());
            usage.configure(1_000_000, JAN_1 / 1000);
            usage.charge(10, JAN_1 / 1000 + 60, "k1", null, new ChargedFor(ChargedFor.TEXT_TO_SPEECH, "v1", "m1"));
            usage.charge(5, (JAN_1 + DAY) / 1000 + 60, "k2", null, new ChargedFor(ChargedFor.TEXT_TO_SPEECH, "v2", "m1"));
            usage.charge(7, (JAN_1 + 40 * DAY) / 1000, null, null, new ChargedFor(ChargedFor.TEXT_TO_DIALOGUE, null, "m2"));
            CharacterStats stats = new CharacterStats(new CharacterStatsRepository(db.jdbi()));

            var daily = stats.query(new CharacterStats.Query(JAN_1, JAN_1 + 3 * DAY - 1, true, "none", "day", null, "credits"));
            assertThat(daily.time()).containsExactly(JAN_1, JAN_1 + DAY, JAN_1 + 2 * DAY);
            assertThat(daily.usage()).containsOnlyKeys("All");
            assertThat(daily.usage().get("All")).containsExactly(10.0, 5.0, 0.0);

            var keys = stats.query(new CharacterStats.Query(JAN_1, JAN_1 + 3 * DAY - 1, true, "api_keys", "cumulative", null, "credits"));
            assertThat(keys.usage()).containsOnlyKeys("k1", "k2");
            assertThat(keys.usage().get("k2")).containsExactly(5.0);

            var months = stats.query(new CharacterStats.Query(JAN_1, JAN_1 + 59 * DAY - 1, true, "product_type", "month", null, "request_count"));
            assertThat(months.time()).hasSize(2).element(1).isEqualTo(JAN_1 + 31 * DAY); // February begins after 31 days
            assertThat(months.usage().get("text_to_speech")).containsExactly(2.0, 0.0);
            assertThat(months.usage().get("text_to_dialogue")).containsExactly(0.0, 1.0);

            var custom = stats.query(new CharacterStats.Query(JAN_1, JAN_1 + DAY + 3_600_000, true, "voice", "day", 43_200L, "credits"));
            assertThat(custom.time()).hasSize(3);
            assertThat(custom.usage().get("v1")).containsExactly(10.0, 0.0, 0.0);
            assertThat(custom.usage().get("v2")).containsExactly(0.0, 0.0, 5.0);
            assertThat(Caller.INTERNAL.keyId()).isNull();
            assertThat(List.of(custom.time().get(2))).containsExactly(JAN_1 + DAY);
        }
    }
}
