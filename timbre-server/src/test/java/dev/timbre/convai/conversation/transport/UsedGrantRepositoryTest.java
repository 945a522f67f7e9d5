package dev.timbre.convai.conversation.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UsedGrantRepositoryTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void a_grant_is_spent_once_even_across_a_restart_until_it_expires(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            UsedGrants before = new UsedGrantRepository(db.jdbi());
            assertThat(before.spend("conv_a", 2000, 1000)).isTrue();
            assertThat(before.spend("conv_a", 2000, 1000)).isFalse();
            assertThat(before.spend("conv_b", 2000, 1000)).isTrue();

            UsedGrants restarted = new UsedGrantRepository(db.jdbi());
            assertThat(restarted.spend("conv_a", 2000, 1500)).as("still spent after a restart").isFalse();
            assertThat(restarted.spend("conv_a", 3000, 2001)).as("forgotten once expired").isTrue();
            long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM used_conversation_grants").mapTo(Long.class).one());
            assertThat(rows).as("the expired conv_b is gone").isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void a_signed_url_opens_one_conversation_across_a_restart(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            byte[] key = new byte[32];
            Clock clock = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
            ConversationSignatures first = new ConversationSignatures(key, clock, new UsedGrantRepository(db.jdbi()));
            String grant = first.sign("agent_1", "conv_1", "signed_url");
            assertThat(first.verify(grant, "agent_1")).isPresent();

            ConversationSignatures restarted = new ConversationSignatures(key, clock, new UsedGrantRepository(db.jdbi()));
            assertThat(restarted.verify(grant, "agent_1")).isEmpty();
            String reusable = restarted.sign("agent_1", null, "signed_url");
            assertThat(restarted.verify(reusable, "agent_1")).isPresent();
            assertThat(restarted.verify(reusable, "agent_1")).as("no conversation id: not single-use").isPresent();
        }
    }
}
