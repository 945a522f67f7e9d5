package dev.timbre.convai.postcall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.audio.AudioDecoder;
import dev.timbre.audio.AudioEncoder;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.conversations.ConversationAudio;
import dev.timbre.db.Database;
import dev.timbre.engine.rules.RuleLanguageModel;
import dev.timbre.http.Json;
import dev.timbre.jobs.Jobs;
import dev.timbre.testing.TestDatabases;
import dev.timbre.testing.TestJobs;
import dev.timbre.webhooks.WebhookSender;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The post_call_audio webhook: queued after the analysis, streamed chunked from the recording, signed. */
class PostCallAudioTest {
    static final String SECRET = "wsec_audio";

    WebhookReceiver receiver;
    FakeConversationRecords records = new FakeConversationRecords();
    Map<String, byte[]> recordings = new ConcurrentHashMap<>();
    AtomicBoolean sendsAudio = new AtomicBoolean(true);
    TimbreConfig.Webhook hook;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        hook = new TimbreConfig.Webhook(receiver.url(), SECRET, null);
        records.add("conv_1", "agent_1", "[{\"role\": \"user\", \"message\": \"hello\", \"time_in_call_secs\": 0}]");
    }

    @AfterEach
    void stop() { receiver.close(); }

    /** A processor on {@code scheduler}, which it starts. */
    PostCallProcessor processor(Database db, Jobs scheduler) {
        PostCallJobs jobs = new PostCallJobs(db.jdbi());
        PostCallWebhooks webhooks = new PostCallWebhooks(jobs, agentId -> Optional.of(hook),
                new WebhookSender(Clock.systemUTC(), Duration.ofSeconds(5)), Clock.systemUTC(), 3, Duration.ofMillis(50),
                id -> Optional.ofNullable(recordings.get(id)).map(ByteArrayInputStream::new), scheduler);
        PostCallProcessor p = new PostCallProcessor(records, id -> Optional.of(Json.MAPPER.createObjectNode()), prompt -> new RuleLanguageModel(),
                new ConversationAnalyser(Duration.ofSeconds(5)), jobs, webhooks, agent -> Optional.of(hook), agent -> sendsAudio.get(),
                Clock.systemUTC(), scheduler);
        scheduler.start();
        return p;
    }

    /** 20 s of tone as the recording of conv_1, flagged on the record. */
    byte[] record() {
        short[] pcm = new short[20 * 16000];
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) (6000 * Math.sin(2 * Math.PI * 300 * i / 16000.0));
        byte[] mp3 = AudioEncoder.encodeAll(dev.timbre.audio.Pcm.toBytes(pcm), 16000, ConversationAudio.FORMAT);
        recordings.put("conv_1", mp3);
        ((ObjectNode) records.conversations.get("conv_1")).put("has_audio", true).put("has_user_audio", true).put("has_response_audio", false);
        return mp3;
    }

    List<WebhookReceiver.Delivery> deliveries(int n) throws InterruptedException {
        List<WebhookReceiver.Delivery> all = new ArrayList<>();
        for (int i = 0; i < n; i++) all.add(receiver.next());
        return all;
    }

    @Test
    void a_recorded_call_sends_its_mp3_chunked_and_signed() throws Exception {
        byte[] mp3 = record();
        try (Database db = TestDatabases.h2(); Jobs scheduler = TestJobs.on(db)) {
            PostCallProcessor p = processor(db, scheduler);
            p.conversationEnded("conv_1");
            List<WebhookReceiver.Delivery> both = deliveries(2);
            WebhookReceiver.Delivery audio = both.stream().filter(d -> d.body().contains("post_call_audio")).findFirst().orElseThrow();
            WebhookReceiver.Delivery transcript = both.stream().filter(d -> d != audio).findFirst().orElseThrow();

            assertThat(audio.transferEncoding()).isEqualToIgnoringCase("chunked");
            JsonNode body = WebhookReceiver.verified(audio, SECRET);
            assertThat(body.get("type").asText()).isEqualTo("post_call_audio");
            assertThat(body.get("event_timestamp").isIntegralNumber()).isTrue();
            List<String> fields = new ArrayList<>();
            body.get("data").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("agent_id", "conversation_id", "full_audio");
            assertThat(body.at("/data/agent_id").asText()).isEqualTo("agent_1");
            assertThat(body.at("/data/conversation_id").asText()).isEqualTo("conv_1");
            byte[] sent = Base64.getDecoder().decode(body.at("/data/full_audio").asText());
            assertThat(sent).isEqualTo(mp3);
            var decoded = AudioDecoder.mp3(sent);
            assertThat(decoded.pcm().length / 2.0 / decoded.format().sampleRate()).isBetween(20.0, 20.2);

            JsonNode t = WebhookReceiver.verified(transcript, SECRET);
            assertThat(t.get("type").asText()).isEqualTo("post_call_transcription");
            assertThat(t.at("/data/has_audio").asBoolean()).isTrue();
        }
    }

    @Test
    void no_audio_webhook_without_a_recording_or_when_not_asked_for() throws Exception {
        try (Database db = TestDatabases.h2(); Jobs scheduler = TestJobs.on(db)) {
            PostCallProcessor p = processor(db, scheduler);
            p.conversationEnded("conv_1");  // not recorded
            assertThat(WebhookReceiver.verified(receiver.next(), SECRET).get("type").asText()).isEqualTo("post_call_transcription");
            record();
            sendsAudio.set(false);
            p.conversationEnded("conv_1");
            assertThat(WebhookReceiver.verified(receiver.next(), SECRET).get("type").asText()).isEqualTo("post_call_transcription");
            // Webhook jobs are queued with the end of the analysis, before any delivery: these are all there will be.
            assertThat(new PostCallJobs(db.jdbi()).ofConversation("conv_1")).filteredOn(j -> j.kind().equals(PostCallJob.WEBHOOK))
                    .extracting(PostCallJob::payload)
                    .hasSize(2).allMatch(payload -> payload.contains("\"type\":\"post_call_transcription\""));
            assertThat(receiver.deliveries).isEmpty();
        }
    }

    @Test
    void an_audio_job_whose_recording_is_gone_fails_without_a_post() throws Exception {
        try (Database db = TestDatabases.h2()) {
            PostCallJobs jobs = new PostCallJobs(db.jdbi());
            try (Jobs scheduler = TestJobs.on(db)) {
                PostCallWebhooks webhooks = new PostCallWebhooks(jobs, agentId -> Optional.of(hook),
                        new WebhookSender(Clock.systemUTC()), Clock.systemUTC(), 3, Duration.ofMillis(50), id -> Optional.empty(), scheduler);
                PostCallJob job = PostCallAudio.event(webhooks, "agent_1", "conv_deleted");
                jobs.insert(job);
                webhooks.attempt(job.jobId());
                PostCallJob after = jobs.find(job.jobId()).orElseThrow();
                assertThat(after.state()).isEqualTo(PostCallJob.FAILED);
                assertThat(after.error()).contains("no recording");
                assertThat(receiver.deliveries).isEmpty();
            }
        }
    }
}
