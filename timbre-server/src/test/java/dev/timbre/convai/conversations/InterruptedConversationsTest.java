package dev.timbre.convai.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a restart does to the conversations the previous process left unfinished. */
public class InterruptedConversationsTest {

    public static StoredConversation row(String id, String status) {
        StoredConversation r = ConversationRepositoryTest.row(id, "agent_a", null, 1000, "unknown");
        return new StoredConversation(r.conversationId(), r.agentId(), r.agentName(), r.userId(), status, r.startTimeUnix(), 7, 0,
                r.callSuccessful(), r.transcript(), r.metadata(), null, null, null, null, 0, 0, null, true, "", null, null,
                r.createdAtUnix(), r.updatedAtUnix(), 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void live_conversations_become_failed_and_others_stay(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ConversationRepository repo = new ConversationRepository(db.jdbi());
            for (String status : new String[] {"initiated", "in-progress", "processing", "done", "failed"}) repo.insert(row("c_" + status, status));
            ConversationsService service = new ConversationsService(repo, Clock.systemUTC());

            assertThat(service.failInterrupted()).isEqualTo(2);
            for (String id : new String[] {"c_initiated", "c_in-progress"}) {
                StoredConversation c = repo.find(id).orElseThrow();
                assertThat(c.status()).isEqualTo("failed");
                assertThat(c.terminationReason()).isEqualTo(ConversationsService.INTERRUPTED);
                assertThat(c.errorCode()).isEqualTo(1011);
                assertThat(c.callDurationSecs()).as("as far as the last stored turn").isEqualTo(7);
                assertThat(service.get(id).at("/metadata/error/reason").asText()).isEqualTo(ConversationsService.INTERRUPTED);
            }
            assertThat(repo.find("c_processing").orElseThrow().status()).isEqualTo("processing");
            assertThat(repo.find("c_done").orElseThrow().status()).isEqualTo("done");
            assertThat(service.processing()).containsExactly("c_processing");
            assertThat(service.failInterrupted()).as("a second start finds nothing").isZero();
        }
    }
}
