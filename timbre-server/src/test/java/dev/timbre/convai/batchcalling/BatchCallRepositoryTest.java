package dev.timbre.convai.batchcalling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.convai.agents.AgentRepository;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.db.Database;
import dev.timbre.http.Json;
import dev.timbre.testing.TestDatabases;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code convai_batch_calls} and its recipients (V25) on H2 and PostgreSQL: paging, counts, due batches, the state changes' guards. */
@Tag("integration")
class BatchCallRepositoryTest {

    private static StoredBatch batch(String id, String agent, long scheduled, Integer limit) {
        return new StoredBatch(id, "Batch " + id, agent, null, "phnum_x", "twilio", StoredBatch.PENDING, scheduled, 100, 100, 0, limit,
                limit == null ? null : Json.MAPPER.createObjectNode().put("ringing_timeout_secs", 30), 0);
    }

    private static List<StoredRecipient> rows(String batchId, int n) throws Exception {
        List<StoredRecipient> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new StoredRecipient(batchId, "r" + i, i, "+1555000000" + i, i == 0 ? Json.MAPPER.readTree("{\"dynamic_variables\":{\"name\":\"Ada\"}}") : null,
                    StoredRecipient.PENDING, null, null, null, 0, 100, 100));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void stores_batches_and_moves_recipients_through_their_states(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            BatchCallRepository repo = new BatchCallRepository(db.jdbi());
            AgentsService agents = new AgentsService(new AgentRepository(db.jdbi()), Clock.systemUTC());
            String agent = agents.create((ObjectNode) Json.MAPPER.readTree("{\"name\":\"Dialer\"}"));
            repo.insert(batch("b1", agent, 100, 2), rows("b1", 3));
            repo.insert(batch("b2", "agent_gone", 500, null), rows("b2", 1));
            repo.insert(batch("b3", agent, 100, null), rows("b3", 2));

            StoredBatch b1 = repo.find("b1").orElseThrow();
            assertThat(b1.agentName()).isEqualTo("Dialer");
            assertThat(b1.concurrencyLimit()).isEqualTo(2);
            assertThat(b1.telephonyCallConfig().get("ringing_timeout_secs").asInt()).isEqualTo(30);
            StoredBatch b2 = repo.find("b2").orElseThrow();
            assertThat(b2.agentName()).isNull();
            assertThat(b2.concurrencyLimit()).isNull();
            assertThat(b2.telephonyCallConfig()).isNull();

            assertThat(repo.page(null, null, 2)).extracting(StoredBatch::batchId).containsExactly("b3", "b2");
            assertThat(repo.page(null, repo.find("b2").orElseThrow().seq(), 10)).extracting(StoredBatch::batchId).containsExactly("b1");
            assertThat(repo.page(agent, null, 10)).extracting(StoredBatch::batchId).containsExactly("b3", "b1");

            List<StoredRecipient> r = repo.recipients("b1");
            assertThat(r).extracting(StoredRecipient::recipientId).containsExactly("r0", "r1", "r2");
            assertThat(r.get(0).initiation().at("/dynamic_variables/name").asText()).isEqualTo("Ada");
            assertThat(r.get(1).initiation()).isNull();

            assertThat(repo.due(200)).extracting(StoredBatch::batchId).containsExactly("b1", "b3");
            assertThat(repo.pending("b1", 2)).extracting(StoredRecipient::recipientId).containsExactly("r0", "r1");

            assertThat(repo.claim("b1", "r0", 150, "node_a")).isTrue();
            assertThat(repo.claim("b1", "r0", 150, "node_a")).as("claimed once").isFalse();
            assertThat(repo.placed("b1", "r0", "conv_1", "CA1", 151)).isTrue();
            assertThat(repo.claim("b1", "r1", 150, "node_a")).isTrue();
            assertThat(repo.inFlight()).extracting(StoredRecipient::recipientId).containsExactlyInAnyOrder("r0", "r1");
            assertThat(repo.finish("b1", "r1", StoredRecipient.FAILED, "busy", 152)).isTrue();
            assertThat(repo.finish("b1", "r1", StoredRecipient.COMPLETED, null, 153)).as("only a live call ends").isFalse();
            assertThat(repo.cancelPending("b1", 154)).isEqualTo(1);
            assertThat(repo.claim("b1", "r2", 155, "node_a")).as("a cancelled recipient is never claimed").isFalse();
            assertThat(repo.statusCounts(List.of("b1", "b2"))).isEqualTo(Map.of(
                    "b1", Map.of("in_progress", 1, "failed", 1, "cancelled", 1), "b2", Map.of("pending", 1)));
            StoredRecipient r0 = repo.recipients("b1").get(0);
            assertThat(r0.conversationId()).isEqualTo("conv_1");
            assertThat(r0.callId()).isEqualTo("CA1");
            assertThat(r0.attempts()).isEqualTo(1);
            assertThat(repo.recipients("b1").get(1).error()).isEqualTo("busy");

            assertThat(repo.retryFailed("b1", 160)).isEqualTo(1);
            assertThat(repo.claim("b1", "r1", 161, "node_a")).isTrue();
            StoredRecipient again = repo.recipients("b1").get(1);
            assertThat(again.attempts()).isEqualTo(2);
            assertThat(again.error()).isNull();

            assertThat(repo.setStatus("b1", StoredBatch.CANCELLED, 170, StoredBatch.PENDING, StoredBatch.IN_PROGRESS)).isTrue();
            assertThat(repo.setStatus("b1", StoredBatch.COMPLETED, 171, StoredBatch.PENDING, StoredBatch.IN_PROGRESS)).isFalse();
            assertThat(repo.find("b1").orElseThrow().lastUpdatedAtUnix()).isEqualTo(170);
            repo.retried("b1", StoredBatch.IN_PROGRESS, 180);
            assertThat(repo.find("b1").orElseThrow().retryCount()).isEqualTo(1);
            assertThat(repo.activeBatchIds()).containsExactlyInAnyOrder("b1", "b2", "b3");
            assertThat(repo.end("b2", StoredBatch.COMPLETED, 190)).as("b2 has a pending recipient").isFalse();
            assertThat(repo.claim("b2", "r0", 190, "node_a")).isTrue();
            assertThat(repo.end("b2", StoredBatch.COMPLETED, 191)).as("and then a live one").isFalse();
            assertThat(repo.finish("b2", "r0", StoredRecipient.FAILED, "x", 192)).isTrue();
            assertThat(repo.end("b2", StoredBatch.FAILED, 193)).isTrue();
            assertThat(repo.end("b2", StoredBatch.COMPLETED, 194)).as("an ended batch stays ended").isFalse();
            assertThat(repo.find("b2").orElseThrow().status()).isEqualTo(StoredBatch.FAILED);
        }
    }
}
