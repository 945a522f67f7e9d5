package dev.timbre.convai.postcall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.db.Database;
import dev.timbre.http.Json;
import dev.timbre.jobs.Jobs;
import dev.timbre.testing.TestDatabases;
import dev.timbre.testing.TestJobs;
import dev.timbre.webhooks.WebhookSender;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Durable post-call webhook delivery against a JDK HttpServer, on H2. */
class PostCallWebhooksTest {
    static final String SECRET = "wsec_post_call";

    WebhookReceiver receiver;
    Database db;
    PostCallJobs jobs;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        db = TestDatabases.h2();
        jobs = new PostCallJobs(db.jdbi());
    }

    @AfterEach
    void stop() {
        receiver.close();
        db.close();
    }

    /** Delivery on {@code node}, which it starts. */
    PostCallWebhooks webhooks(Jobs node, int maxAttempts) {
        TimbreConfig.Webhook hook = new TimbreConfig.Webhook(receiver.url(), SECRET, null);
        return started(node, new PostCallWebhooks(jobs, agentId -> Optional.of(hook), new WebhookSender(Clock.systemUTC(), Duration.ofSeconds(5)),
                Clock.systemUTC(), maxAttempts, Duration.ofMillis(50), node));
    }

    static PostCallWebhooks started(Jobs node, PostCallWebhooks w) {
        node.start();
        return w;
    }

    static JsonNode data(String conversationId) {
        return Json.MAPPER.createObjectNode().put("agent_id", "agent_1").put("conversation_id", conversationId).put("status", "done");
    }

    /** The webhook's health once {@code until} holds (it is recorded just after the job's row is closed). */
    PostCallJobs.Health awaitHealth(java.util.function.Predicate<PostCallJobs.Health> until) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> jobs.health(receiver.url()).orElse(null), h -> h != null && until.test(h));
    }

    PostCallJob awaitFinished(String jobId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            PostCallJob j = jobs.find(jobId).orElseThrow();
            if (!j.state().equals(PostCallJob.PENDING)) return j;
            Thread.sleep(25);
        }
        throw new AssertionError("job " + jobId + " still pending");
    }

    @Test
    void delivers_the_event_signed() throws Exception {
        try (Jobs node = TestJobs.on(db)) {
            PostCallWebhooks w = webhooks(node, 3);
            PostCallJob job = w.event("post_call_transcription", "conv_1", data("conv_1"));
            w.enqueue(job);
            JsonNode body = WebhookReceiver.verified(receiver.next(), SECRET);
            assertThat(body.get("type").asText()).isEqualTo("post_call_transcription");
            assertThat(body.get("event_timestamp").isIntegralNumber()).isTrue();
            assertThat(Math.abs(body.get("event_timestamp").asLong() - System.currentTimeMillis() / 1000)).isLessThan(60);
            assertThat(body.at("/data/conversation_id").asText()).isEqualTo("conv_1");
            PostCallJob done = awaitFinished(job.jobId());
            assertThat(done.state()).isEqualTo(PostCallJob.DONE);
            assertThat(done.attempts()).isEqualTo(1);
            assertThat(awaitHealth(h -> h.lastSuccessMs() != null).lastSuccessMs()).isNotNull();
        }
    }

    @Test
    void retries_after_a_500() throws Exception {
        receiver.statuses.add(500);
        receiver.statuses.add(503);
        try (Jobs node = TestJobs.on(db)) {
            PostCallWebhooks w = webhooks(node, 3);
            PostCallJob job = w.event("post_call_transcription", "conv_2", data("conv_2"));
            w.enqueue(job);
            String first = receiver.next().body();
            assertThat(receiver.next().body()).isEqualTo(first);
            assertThat(receiver.next().body()).as("the same event, byte for byte").isEqualTo(first);
            PostCallJob done = awaitFinished(job.jobId());
            assertThat(done.state()).isEqualTo(PostCallJob.DONE);
            assertThat(done.attempts()).isEqualTo(3);
        }
    }

    @Test
    void gives_up_after_the_last_attempt() throws Exception {
        for (int i = 0; i < 5; i++) receiver.statuses.add(500);
        try (Jobs node = TestJobs.on(db)) {
            PostCallWebhooks w = webhooks(node, 3);
            PostCallJob job = w.event("call_initiation_failure", "conv_3", data("conv_3"));
            w.enqueue(job);
            PostCallJob failed = awaitFinished(job.jobId());
            assertThat(failed.state()).isEqualTo(PostCallJob.FAILED);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.error()).isEqualTo("webhook answered HTTP 500");
            assertThat(receiver.deliveries).hasSize(3);
            assertThat(awaitHealth(h -> h.consecutiveFailures() > 0).consecutiveFailures()).isEqualTo(1);
        }
    }

    @Test
    void an_unreachable_webhook_is_a_failed_attempt() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        TimbreConfig.Webhook nowhere = new TimbreConfig.Webhook("http://127.0.0.1:" + closedPort + "/hook", SECRET, null);
        try (Jobs node = TestJobs.on(db)) {
            PostCallWebhooks w = started(node, new PostCallWebhooks(jobs, a -> Optional.of(nowhere), new WebhookSender(Clock.systemUTC()),
                    Clock.systemUTC(), 2, Duration.ofMillis(10), node));
            PostCallJob job = w.event("post_call_transcription", "conv_4", data("conv_4"));
            w.enqueue(job);
            PostCallJob failed = awaitFinished(job.jobId());
            assertThat(failed.state()).isEqualTo(PostCallJob.FAILED);
            assertThat(failed.error()).startsWith("webhook delivery failed");
        }
    }

    @Test
    void pending_jobs_resume_after_a_restart() throws Exception {
        PostCallJob job;
        try (Jobs node = TestJobs.on(db)) {
            PostCallWebhooks before = webhooks(node, 3);
            job = before.event("post_call_transcription", "conv_5", data("conv_5"));
            jobs.insert(job); // stored, then the server stopped before the first attempt
        }
        assertThat(receiver.deliveries).isEmpty();
        try (Jobs node = TestJobs.on(db)) {
            PostCallWebhooks after = webhooks(node, 3);
            assertThat(after.resumePending()).isEqualTo(1);
            JsonNode body = WebhookReceiver.verified(receiver.next(), SECRET);
            assertThat(body.at("/data/conversation_id").asText()).isEqualTo("conv_5");
            assertThat(awaitFinished(job.jobId()).state()).isEqualTo(PostCallJob.DONE);
            assertThat(after.resumePending()).isZero();
        }
    }

    @Test
    void a_job_scheduled_before_a_stop_is_sent_once_by_the_next_node_without_any_start_up_scan() throws Exception {
        PostCallJob job;
        try (Jobs stopped = TestJobs.on(db)) {
            PostCallWebhooks before = new PostCallWebhooks(jobs, a -> Optional.empty(), new WebhookSender(Clock.systemUTC()),
                    Clock.systemUTC(), 3, Duration.ofMillis(50), stopped); // never started: the job waits in the table
            job = before.event("post_call_transcription", "conv_r", data("conv_r"));
            before.enqueue(job);
        }
        try (Jobs node = TestJobs.on(db)) {
            webhooks(node, 3); // started, and resumePending() not called
            JsonNode body = WebhookReceiver.verified(receiver.next(), SECRET);
            assertThat(body.at("/data/conversation_id").asText()).isEqualTo("conv_r");
            assertThat(awaitFinished(job.jobId()).state()).isEqualTo(PostCallJob.DONE);
            Thread.sleep(500);
            assertThat(receiver.deliveries).as("sent once").isEmpty();
        }
    }

    @Test
    void a_job_that_throws_every_time_is_given_up_and_its_row_failed_with_the_reason() throws Exception {
        PostCallJob broken = PostCallJob.pending("pcw_broken", PostCallJob.WEBHOOK, "conv_b", "{not json", System.currentTimeMillis());
        jobs.insert(broken);
        try (Jobs node = TestJobs.on(db)) {
            PostCallWebhooks w = webhooks(node, 3);
            assertThat(w.resumePending()).isEqualTo(1);
            PostCallJob failed = awaitFinished(broken.jobId());
            assertThat(failed.state()).isEqualTo(PostCallJob.FAILED);
            assertThat(failed.error()).contains("Unexpected character");
            assertThat(receiver.deliveries).isEmpty();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("dev.timbre.testing.TestDatabases#both")
    void two_nodes_on_one_database_send_each_event_once(String kind) throws Exception {
        // steady heartbeats: this is about one claim per job; with 200 ms ones a stalled JVM on a busy machine made a live
        // job look dead to the other node, which sent it again (the at-least-once window the README states)
        try (Database shared = TestDatabases.open(kind); Jobs one = TestJobs.on(shared, TestJobs.STEADY);
             Jobs two = TestJobs.on(shared, TestJobs.STEADY)) {
            PostCallJobs rows = new PostCallJobs(shared.jdbi());
            TimbreConfig.Webhook hook = new TimbreConfig.Webhook(receiver.url(), SECRET, null);
            PostCallWebhooks a = new PostCallWebhooks(rows, agentId -> Optional.of(hook), new WebhookSender(Clock.systemUTC()),
                    Clock.systemUTC(), 3, Duration.ofMillis(50), one);
            PostCallWebhooks b = new PostCallWebhooks(rows, agentId -> Optional.of(hook), new WebhookSender(Clock.systemUTC()),
                    Clock.systemUTC(), 3, Duration.ofMillis(50), two);
            java.util.List<PostCallJob> events = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                PostCallJob job = a.event("post_call_transcription", "conv_n" + i, data("conv_n" + i));
                rows.insert(job); // stored; both nodes then race for every job
                events.add(job);
            }
            one.start();
            two.start();
            // each pending row is scheduled at least once; a job that already ran and finished between a node's query and its
            // scheduling may be scheduled again (its run then finds the row done and sends nothing): the deliveries say
            assertThat(a.resumePending() + b.resumePending()).isBetween(30, 60);
            java.util.List<String> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) sent.add(WebhookReceiver.verified(receiver.next(), SECRET).at("/data/conversation_id").asText());
            for (PostCallJob job : events) {
                for (int i = 0; i < 200 && rows.find(job.jobId()).orElseThrow().state().equals(PostCallJob.PENDING); i++) Thread.sleep(25);
                assertThat(rows.find(job.jobId()).orElseThrow().state()).isEqualTo(PostCallJob.DONE);
            }
            Thread.sleep(500);
            assertThat(receiver.deliveries).as("nothing sent twice").isEmpty();
            assertThat(sent).doesNotHaveDuplicates().hasSize(30);
        }
    }

    @Test
    void no_webhook_any_more_fails_the_job_without_sending() throws Exception {
        try (Jobs node = TestJobs.on(db)) {
            PostCallWebhooks w = started(node, new PostCallWebhooks(jobs, a -> Optional.empty(), new WebhookSender(Clock.systemUTC()),
                    Clock.systemUTC(), 3, Duration.ofMillis(10), node));
            PostCallJob job = w.event("post_call_transcription", "conv_6", data("conv_6"));
            w.enqueue(job);
            assertThat(awaitFinished(job.jobId()).error()).isEqualTo("no post-call webhook is configured any more");
            assertThat(receiver.deliveries).isEmpty();
        }
    }

    @Test
    void ten_failed_events_without_a_recent_success_disable_the_webhook_until_restart() throws Exception {
        for (int i = 0; i < 10; i++) receiver.statuses.add(500);
        try (Jobs node = TestJobs.on(db)) {
            PostCallWebhooks w = webhooks(node, 1);
            for (int i = 0; i < 10; i++) {
                PostCallJob job = w.event("post_call_transcription", "conv_f" + i, data("conv_f" + i));
                w.enqueue(job);
                assertThat(awaitFinished(job.jobId()).state()).isEqualTo(PostCallJob.FAILED);
                int failures = i + 1;
                awaitHealth(h -> h.consecutiveFailures() == failures); // recorded just after the row is closed
            }
            assertThat(jobs.health(receiver.url()).orElseThrow().disabled()).isTrue();
            PostCallJob skipped = w.event("post_call_transcription", "conv_g", data("conv_g"));
            w.enqueue(skipped);
            assertThat(awaitFinished(skipped.jobId()).error()).contains("auto-disabled");
            assertThat(receiver.deliveries).hasSize(10);
        }
        try (Jobs node = TestJobs.on(db)) {
            PostCallWebhooks restarted = webhooks(node, 1);
            restarted.resumePending();
            assertThat(jobs.health(receiver.url()).orElseThrow().disabled()).isFalse();
            PostCallJob job = restarted.event("post_call_transcription", "conv_h", data("conv_h"));
            restarted.enqueue(job);
            assertThat(awaitFinished(job.jobId()).state()).isEqualTo(PostCallJob.DONE);
        }
    }
}
