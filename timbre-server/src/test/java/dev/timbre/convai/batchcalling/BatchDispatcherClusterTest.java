package dev.timbre.convai.batchcalling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.cluster.ClusterNode;
import dev.timbre.convai.agents.AgentRepository;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.phonecalls.OutboundCall;
import dev.timbre.convai.phonecalls.PhoneCalls;
import dev.timbre.convai.phonenumbers.PhoneNumberRepository;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.secrets.SecretCipher;
import dev.timbre.db.Database;
import dev.timbre.http.Json;
import dev.timbre.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes' batch dispatchers on one PostgreSQL database (one JVM, two {@link ClusterNode}s): each recipient is
 * dialed by exactly one node, each node keeps its own concurrency, and a node's restart fails only its own
 * interrupted calls, never the live calls of the other node; a node gone silent has its calls failed by a sweep.
 */
@Tag("integration")
class BatchDispatcherClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    Path dir;

    @Test
    void each_recipient_is_dialed_once_and_a_restart_fails_only_its_own_calls() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Database db = TestDatabases.postgres()) {
            AgentsService agents = new AgentsService(new AgentRepository(db.jdbi()), clock);
            String agentId = agents.create((ObjectNode) Json.MAPPER.readTree("{\"name\":\"Caller\"}"));
            PhoneNumbersService numbers = new PhoneNumbersService(new PhoneNumberRepository(db.jdbi()), agents,
                    SecretCipher.openOrCreate(dir.resolve("secrets.key")), clock);
            String numberId = numbers.create(Json.MAPPER.readTree("{\"phone_number\":\"+15550009999\",\"label\":\"Out\",\"sid\":\"s\",\"token\":\"t\"}"))
                    .get("phone_number_id");
            BatchCallRepository repo = new BatchCallRepository(db.jdbi());
            ClusterNode nodeA = ClusterNode.join(db.jdbi(), dir.resolve("a"), clock);
            ClusterNode nodeB = ClusterNode.join(db.jdbi(), dir.resolve("b"), clock);
            FakeDialer dialA = new FakeDialer(), dialB = new FakeDialer(), dialB2 = new FakeDialer();
            BatchDispatcher a = dispatcher(repo, numbers, dialA, nodeA.id());
            BatchDispatcher b = dispatcher(repo, numbers, dialB, nodeB.id());
            BatchDispatcher b2 = null;
            try {
                BatchCallsService service = new BatchCallsService(repo, a, agents, numbers, clock);
                String rows = String.join(",", IntStream.range(0, 6).mapToObj(i -> "{\"phone_number\":\"" + number(i) + "\"}").toList());
                String id = service.submit(Json.MAPPER.readTree("{\"call_name\":\"Spread\",\"agent_id\":\"" + agentId
                        + "\",\"agent_phone_number_id\":\"" + numberId + "\",\"recipients\":[" + rows + "]}")).get("id").asText();

                // both nodes fill their own two slots; the other two recipients wait
                await().atMost(WAIT).until(() -> dialA.live.get() == 2 && dialB.live.get() == 2);
                Thread.sleep(300);
                assertThat(dialA.dialed).hasSize(2);
                assertThat(dialB.dialed).hasSize(2);
                assertThat(count(repo, id, StoredRecipient.PENDING)).isEqualTo(2);
                for (OutboundCall c : dialA.dialed) assertThat(repo.claimedBy(id, recipientOf(repo, id, c.toNumber()))).isEqualTo(nodeA.id());
                for (OutboundCall c : dialB.dialed) assertThat(repo.claimedBy(id, recipientOf(repo, id, c.toNumber()))).isEqualTo(nodeB.id());

                // a sweep of A sees B live: nothing is failed
                assertThat(a.failOrphaned(nodeA.id(), clock.millis() - ClusterNode.SILENCE.toMillis(), false)).isZero();

                // B restarts (its process dies with its two calls): only B's calls are failed, A's go on
                b.close();
                nodeB.close();
                nodeB = ClusterNode.join(db.jdbi(), dir.resolve("b"), clock);
                b2 = dispatcher(repo, numbers, dialB2, nodeB.id());
                assertThat(b2.resumePending()).isEqualTo(2);
                for (OutboundCall c : dialB.dialed) {
                    StoredRecipient r = recipient(repo, id, c.toNumber());
                    assertThat(r.status()).isEqualTo(StoredRecipient.FAILED);
                    assertThat(r.error()).isEqualTo(BatchDispatcher.INTERRUPTED);
                }
                for (OutboundCall c : dialA.dialed) assertThat(recipient(repo, id, c.toNumber()).status()).isEqualTo(StoredRecipient.IN_PROGRESS);

                // the restarted B dials the two that waited; everything ends once
                await().atMost(WAIT).until(() -> dialB2.live.get() == 2);
                dialA.endAll("completed");
                dialB2.endAll("completed");
                await().atMost(WAIT).until(() -> repo.find(id).orElseThrow().status().equals(StoredBatch.COMPLETED));
                List<String> dialed = Stream.of(dialA, dialB, dialB2).flatMap(d -> d.dialed.stream()).map(OutboundCall::toNumber).toList();
                assertThat(dialed).as("each recipient dialed by exactly one node, once")
                        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 6).mapToObj(BatchDispatcherClusterTest::number).toList());
                assertThat(count(repo, id, StoredRecipient.COMPLETED)).isEqualTo(4);
                assertThat(count(repo, id, StoredRecipient.FAILED)).isEqualTo(2);

                // a call left by a node that is gone (no beat) is failed by any node's sweep
                String other = service.submit(Json.MAPPER.readTree("{\"call_name\":\"Orphan\",\"agent_id\":\"" + agentId
                        + "\",\"agent_phone_number_id\":\"" + numberId + "\",\"recipients\":[{\"phone_number\":\"+15550207777\"}],"
                        + "\"scheduled_time_unix\":" + (clock.instant().getEpochSecond() + 3600) + "}")).get("id").asText();
                String orphan = repo.recipients(other).get(0).recipientId();
                assertThat(repo.claim(other, orphan, clock.instant().getEpochSecond(), "node_gone")).isTrue();
                assertThat(a.failOrphaned(nodeA.id(), clock.millis() - ClusterNode.SILENCE.toMillis(), false)).isEqualTo(1);
                assertThat(repo.recipients(other).get(0).error()).isEqualTo(BatchDispatcher.INTERRUPTED);
            } finally {
                a.close();
                b.close();
                if (b2 != null) b2.close();
                nodeA.close();
                nodeB.close();
            }
        }
    }

    private static BatchDispatcher dispatcher(BatchCallRepository repo, PhoneNumbersService numbers, FakeDialer dialer, String node) {
        return new BatchDispatcher(repo, new PhoneCalls(List.of(dialer)), numbers::stored, Clock.systemUTC(), 2, Duration.ofMillis(30), node).start();
    }

    private static String number(int i) {
        return "+1555020" + String.format("%04d", i);
    }

    private static StoredRecipient recipient(BatchCallRepository repo, String batchId, String phone) {
        return repo.recipients(batchId).stream().filter(r -> r.phoneNumber().equals(phone)).findFirst().orElseThrow();
    }

    private static String recipientOf(BatchCallRepository repo, String batchId, String phone) {
        return recipient(repo, batchId, phone).recipientId();
    }

    private static long count(BatchCallRepository repo, String batchId, String status) {
        return new ArrayList<>(repo.recipients(batchId)).stream().filter(r -> r.status().equals(status)).count();
    }
}
