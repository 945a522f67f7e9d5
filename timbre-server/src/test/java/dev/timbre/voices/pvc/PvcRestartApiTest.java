package dev.timbre.voices.pvc;

import static dev.timbre.voices.pvc.PvcApiTest.PVC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PVC jobs survive a stop: a training and a separation left queued/pending (and a training whose attempts all died
 * with the process) are picked up by the next start on the same data dir.
 */
@Tag("integration")
class PvcRestartApiTest {
    @Test
    void pending_training_and_separation_resume_at_start_up() throws Exception {
        Path data;
        String voiceId, sampleId, stuckId;
        try (TestServer a = TestServer.start()) {
            PvcApiTest.server = a;
            data = a.dataDir();
            voiceId = PvcApiTest.create("Interrupted");
            sampleId = PvcApiTest.addSamples(voiceId, PvcAudio.wav(1.5, 2, 140)).get(0);
            stuckId = PvcApiTest.create("Stuck");
            PvcApiTest.addSamples(stuckId, PvcAudio.wav(1.0, 1, 140));
            // what a stop in the middle leaves behind: rows say queued / pending / running, no job runs them
            a.timbre().database().jdbi().useHandle(h -> {
                h.execute("UPDATE pvc_voices SET verified = TRUE");
                h.execute("INSERT INTO pvc_fine_tuning (voice_id, model_id, state, progress, message, attempts, updated_at) "
                        + "VALUES (?, 'eleven_multilingual_v2', 'fine_tuning', 0.4, 'Fine-tuning.', 1, 1)", voiceId);
                h.execute("INSERT INTO pvc_fine_tuning (voice_id, model_id, state, progress, message, attempts, updated_at) "
                        + "VALUES (?, 'eleven_multilingual_v2', 'fine_tuning', 0.4, 'Fine-tuning.', ?, 2)", stuckId, PvcJobs.MAX_ATTEMPTS);
                h.execute("UPDATE pvc_samples SET separation_status = 'pending' WHERE sample_id = ?", sampleId);
            });
        }
        try (TestServer b = TestServer.start(c -> c.withDataDir(data))) {
            PvcApiTest.server = b;
            JsonNode v = PvcApiTest.poll("/v1/voices/" + voiceId,
                    j -> j.at("/fine_tuning/state/eleven_multilingual_v2").asText().matches("fine_tuned|failed"));
            assertThat(v.at("/fine_tuning/state/eleven_multilingual_v2").asText()).isEqualTo("fine_tuned");
            JsonNode stuck = PvcApiTest.poll("/v1/voices/" + stuckId,
                    j -> j.at("/fine_tuning/state/eleven_multilingual_v2").asText().matches("fine_tuned|failed"));
            assertThat(stuck.at("/fine_tuning/state/eleven_multilingual_v2").asText()).isEqualTo("failed");
            assertThat(stuck.at("/fine_tuning/message/eleven_multilingual_v2").asText()).contains("gave up");
            JsonNode sep = PvcApiTest.poll(PVC + "/" + voiceId + "/samples/" + sampleId + "/speakers",
                    j -> !j.get("status").asText().equals("pending"));
            assertThat(sep.get("status").asText()).isEqualTo("completed");
            assertThat(sep.get("speakers").size()).isEqualTo(1);
            assertThat(b.get(PVC + "/" + voiceId + "/samples/" + sampleId + "/speakers/speaker_0/audio").status()).isEqualTo(200);
            assertThat(List.of(b.get("/v1/voices/" + voiceId).status())).containsExactly(200);
        }
    }
}
