package dev.timbre.convai.batchcalling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.convai.agents.AgentRepository;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.phonecalls.PhoneCalls;
import dev.timbre.convai.phonecalls.PlacedCall;
import dev.timbre.convai.phonenumbers.PhoneNumberRepository;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.secrets.SecretCipher;
import dev.timbre.db.Database;
import dev.timbre.http.Json;
import dev.timbre.testing.TestDatabases;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The batch calling job with a fake {@link dev.timbre.convai.phonecalls.PhoneDialer} on H2: the concurrency limits
 * (server-wide and per batch), each call's end, cancel, retry, scheduled batches and resuming after a restart.
 */
@Tag("integration")
class BatchDispatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Database db;
    private final AtomicLong nowMillis = new AtomicLong(1_800_000_000_000L);
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(nowMillis.get()); }
    };
    private AgentsService agents;
    private PhoneNumbersService numbers;
    private BatchCallRepository repo;
    private String agentId;
    private String numberId;
    private BatchDispatcher dispatcher;
    private BatchCallsService service;
    /** Recipients numbered so far: each batch calls numbers no other batch of the test calls. */
    private int numbered;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabases.h2();
        agents = new AgentsService(new AgentRepository(db.jdbi()), clock);
        agentId = agents.create((ObjectNode) Json.MAPPER.readTree("{\"name\":\"Caller\"}"));
        numbers = new PhoneNumbersService(new PhoneNumberRepository(db.jdbi()), agents,
                SecretCipher.openOrCreate(Files.createTempDirectory("batch-keys").resolve("secrets.key")), clock);
        numberId = numbers.create(Json.MAPPER.readTree("{\"phone_number\":\"+15550009999\",\"label\":\"Out\",\"sid\":\"s\",\"token\":\"t\"}"))
                .get("phone_number_id");
        repo = new BatchCallRepository(db.jdbi());
    }

    @AfterEach
    void close() {
        if (dispatcher != null) dispatcher.close();
        db.close();
    }

    private FakeDialer start(int concurrency) {
        FakeDialer dialer = new FakeDialer();
        if (dispatcher != null) dispatcher.close();
        dispatcher = new BatchDispatcher(repo, new PhoneCalls(List.of(dialer)), numbers::stored, clock, concurrency, Duration.ofMillis(50), "node_test").start();
        service = new BatchCallsService(repo, dispatcher, agents, numbers, clock);
        return dialer;
    }

    private String submit(int recipients, String extra) throws Exception {
        int first = numbered;
        numbered += recipients;
        String rows = String.join(",", IntStream.range(first, first + recipients).mapToObj(i -> "{\"phone_number\":\"" + number(i) + "\"}").toList());
        JsonNode body = Json.MAPPER.readTree("{\"call_name\":\"Batch\",\"agent_id\":\"" + agentId + "\",\"agent_phone_number_id\":\"" + numberId
                + "\",\"recipients\":[" + rows + "]" + extra + "}");
        return service.submit(body).get("id").asText();
    }

    private static String number(int i) {
        return "+1555010" + String.format("%04d", i);
    }

    private List<String> statuses(String batchId) {
        return repo.recipients(batchId).stream().map(StoredRecipient::status).toList();
    }

    private String status(String batchId) {
        return repo.find(batchId).orElseThrow().status();
    }

    @Test
    void keeps_at_most_the_server_limit_of_calls_live_and_links_each_to_its_conversation() throws Exception {
        FakeDialer dialer = start(2);
        String id = submit(7, "");
        for (int ended = 0; ended < 7; ) {
            int expectLive = Math.min(2, 7 - ended);
            await().atMost(WAIT).until(() -> dialer.live.get() == expectLive);
            Thread.sleep(150); // several polls: nothing more is dialed while two calls are live
            assertThat(dialer.dialed).hasSize(ended + expectLive);
            assertThat(status(id)).isEqualTo(StoredBatch.IN_PROGRESS);
            dialer.endAll("completed");
            ended += expectLive;
        }
        await().atMost(WAIT).until(() -> status(id).equals(StoredBatch.COMPLETED));
        assertThat(dialer.maxLive.get()).isEqualTo(2);
        List<StoredRecipient> rows = repo.recipients(id);
        assertThat(rows).extracting(StoredRecipient::status).containsOnly(StoredRecipient.COMPLETED);
        assertThat(rows).extracting(StoredRecipient::conversationId).allMatch(c -> c.startsWith("conv_fake")).doesNotHaveDuplicates();
        // picked in list order: each window of two live calls is the next two recipients (dialed in parallel, so
        // within a window in either order)
        List<String> dialedNumbers = dialer.dialed.stream().map(c -> c.toNumber()).toList();
        for (int k = 0; k < 7; k += 2) {
            assertThat(dialedNumbers.subList(k, Math.min(7, k + 2))).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(k, Math.min(7, k + 2)).mapToObj(BatchDispatcherTest::number).toList());
        }
        JsonNode view = service.get(id);
        assertThat(view.get("total_calls_finished").asInt()).isEqualTo(7);
        assertThat(view.get("total_calls_dispatched").asInt()).isEqualTo(7);
    }

    @Test
    void a_batch_limit_below_the_server_limit_holds() throws Exception {
        FakeDialer dialer = start(3);
        String id = submit(3, ",\"target_concurrency_limit\":1");
        String other = submit(2, "");
        await().atMost(WAIT).until(() -> dialer.live.get() == 3);
        Thread.sleep(150);
        assertThat(statuses(id).stream().filter(StoredRecipient.IN_FLIGHT::contains).count()).isEqualTo(1);
        assertThat(statuses(other).stream().filter(StoredRecipient.IN_FLIGHT::contains).count()).isEqualTo(2);
        for (int i = 0; i < 6 && !status(id).equals(StoredBatch.COMPLETED); i++) {
            Thread.sleep(100);
            assertThat(statuses(id).stream().filter(StoredRecipient.IN_FLIGHT::contains).count()).isLessThanOrEqualTo(1);
            dialer.endAll("completed");
        }
        await().atMost(WAIT).until(() -> status(id).equals(StoredBatch.COMPLETED) && status(other).equals(StoredBatch.COMPLETED));
    }

    @Test
    void records_answered_voicemail_refused_and_unanswered_calls_and_retries_the_failed_ones() throws Exception {
        FakeDialer dialer = start(4);
        dialer.outcomes.put(number(0), new PlacedCall.CallResult("completed", "hung up"));
        dialer.outcomes.put(number(1), new PlacedCall.CallResult("voicemail", "machine"));
        dialer.refuse.put(number(2), "The number is not reachable.");
        dialer.outcomes.put(number(3), new PlacedCall.CallResult("no_answer", "no-answer"));
        dialer.outcomes.put(number(4), new PlacedCall.CallResult("busy", "busy"));
        String id = submit(5, "");
        await().atMost(WAIT).until(() -> status(id).equals(StoredBatch.COMPLETED));
        List<StoredRecipient> rows = repo.recipients(id);
        assertThat(rows).extracting(StoredRecipient::status).containsExactly("completed", "voicemail", "failed", "failed", "failed");
        assertThat(rows.get(2).error()).isEqualTo("The number is not reachable.");
        assertThat(rows.get(2).conversationId()).isNull();
        assertThat(rows.get(3).error()).isEqualTo("no_answer: no-answer");
        assertThat(rows.get(4).error()).startsWith("busy");

        dialer.refuse.clear();
        dialer.outcomes.replaceAll((k, v) -> new PlacedCall.CallResult("completed", "ok"));
        dialer.outcomes.put(number(2), new PlacedCall.CallResult("completed", "ok"));
        JsonNode retried = service.retry(id);
        assertThat(retried.get("retry_count").asInt()).isEqualTo(1);
        assertThat(retried.get("status").asText()).isEqualTo(StoredBatch.IN_PROGRESS);
        await().atMost(WAIT).until(() -> status(id).equals(StoredBatch.COMPLETED) && statuses(id).stream().allMatch(s -> !s.equals("pending")));
        rows = repo.recipients(id);
        assertThat(rows).extracting(StoredRecipient::status).containsExactly("completed", "voicemail", "completed", "completed", "completed");
        assertThat(rows.get(2).attempts()).isEqualTo(2);
        assertThat(rows.get(0).attempts()).as("answered calls are not called again").isEqualTo(1);
        assertThat(rows.get(2).error()).isNull();
        assertThat(dialer.dialed).hasSize(8);
    }

    @Test
    void a_batch_whose_every_call_failed_is_failed() throws Exception {
        FakeDialer dialer = start(4);
        IntStream.range(0, 3).forEach(i -> dialer.refuse.put(number(i), "Trunk down."));
        String id = submit(3, "");
        await().atMost(WAIT).until(() -> status(id).equals(StoredBatch.FAILED));
        assertThat(statuses(id)).containsOnly("failed");
        JsonNode view = service.get(id);
        assertThat(view.get("total_calls_finished").asInt()).isEqualTo(3);
    }

    @Test
    void a_number_without_a_dialer_fails_each_call_with_the_reason() throws Exception {
        dispatcher = new BatchDispatcher(repo, new PhoneCalls(List.of()), numbers::stored, clock, 2, Duration.ofMillis(50), "node_test").start();
        service = new BatchCallsService(repo, dispatcher, agents, numbers, clock);
        String id = submit(2, "");
        await().atMost(WAIT).until(() -> status(id).equals(StoredBatch.FAILED));
        assertThat(repo.recipients(id)).extracting(StoredRecipient::error).allMatch(e -> e.contains("not available on this server"));
    }

    @Test
    void cancel_stops_pending_recipients_and_lets_live_calls_finish() throws Exception {
        FakeDialer dialer = start(1);
        String id = submit(3, "");
        await().atMost(WAIT).until(() -> dialer.live.get() == 1);
        JsonNode cancelled = service.cancel(id);
        assertThat(cancelled.get("status").asText()).isEqualTo(StoredBatch.CANCELLED);
        assertThat(statuses(id)).containsExactly("in_progress", "cancelled", "cancelled");
        dialer.endAll("completed");
        await().atMost(WAIT).until(() -> statuses(id).get(0).equals("completed"));
        Thread.sleep(200);
        assertThat(dialer.dialed).hasSize(1);
        assertThat(status(id)).isEqualTo(StoredBatch.CANCELLED);
        assertThat(service.cancel(id).get("status").asText()).as("cancelling twice changes nothing").isEqualTo(StoredBatch.CANCELLED);
    }

    @Test
    void a_scheduled_batch_waits_for_its_time_and_a_past_time_means_now() throws Exception {
        FakeDialer dialer = start(2);
        long now = clock.instant().getEpochSecond();
        String later = submit(1, ",\"scheduled_time_unix\":" + (now + 3600));
        String past = submit(1, ",\"scheduled_time_unix\":" + (now - 3600));
        assertThat(repo.find(past).orElseThrow().scheduledTimeUnix()).isEqualTo(now);
        await().atMost(WAIT).until(() -> dialer.dialed.size() == 1);
        Thread.sleep(200);
        assertThat(dialer.dialed).hasSize(1);
        assertThat(status(later)).isEqualTo(StoredBatch.PENDING);
        nowMillis.addAndGet(3_600_000);
        await().atMost(WAIT).until(() -> dialer.dialed.size() == 2);
        assertThat(status(later)).isEqualTo(StoredBatch.IN_PROGRESS);
    }

    @Test
    void after_a_restart_calls_that_were_live_are_failed_and_pending_ones_are_dialed() throws Exception {
        FakeDialer before = start(1);
        String id = submit(3, "");
        await().atMost(WAIT).until(() -> statuses(id).get(0).equals("in_progress"));
        dispatcher.close(); // the process dies: its live call is lost
        before.endAll("completed"); // ignored: the dispatcher is gone
        assertThat(statuses(id)).containsExactly("in_progress", "pending", "pending");

        FakeDialer after = new FakeDialer();
        IntStream.range(0, 3).forEach(i -> after.outcomes.put(number(i), new PlacedCall.CallResult("completed", "ok")));
        dispatcher = new BatchDispatcher(repo, new PhoneCalls(List.of(after)), numbers::stored, clock, 1, Duration.ofMillis(50), "node_test").start();
        service = new BatchCallsService(repo, dispatcher, agents, numbers, clock);
        assertThat(dispatcher.resumePending()).isEqualTo(1);
        await().atMost(WAIT).until(() -> status(id).equals(StoredBatch.COMPLETED));
        List<StoredRecipient> rows = repo.recipients(id);
        assertThat(rows).extracting(StoredRecipient::status).containsExactly("failed", "completed", "completed");
        assertThat(rows.get(0).error()).isEqualTo(BatchDispatcher.INTERRUPTED);
        assertThat(after.dialed).extracting(c -> c.toNumber()).containsExactly(number(1), number(2));
        assertThat(repo.inFlight()).isEmpty();
    }
}
