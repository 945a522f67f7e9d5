package dev.timbre.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A project conversion stopped by a server shutdown in the middle resumes at the next start on the same data dir and
 * speaks only the blocks it had not stored: the characters charged over both runs are the project's, plus at most the
 * one block that was being spoken when the server stopped.
 */
@Tag("integration")
class StudioResumeApiTest {
    static final int BLOCKS = 200;
    static final String BASE = "/v1/studio/projects";

    @Test
    void a_conversion_cut_by_a_restart_finishes_after_it_without_speaking_anything_twice() throws Exception {
        Path data = Files.createTempDirectory("timbre-studio-resume");
        String id;
        int total = 0;
        long chargedBefore;
        double progressAtStop;
        try (TestServer a = TestServer.start(c -> c.withDataDir(data))) {
            String voice = a.firstVoiceId();
            chargedBefore = charged(a);
            List<Map<String, Object>> blocks = new ArrayList<>();
            for (int i = 0; i < BLOCKS; i++) {
                String text = "Block number " + i + " says a few words.";
                total += text.length();
                blocks.add(Map.of("nodes", List.of(Map.of("type", "tts_node", "voice_id", voice, "text", text))));
            }
            var r = a.postMultipart(BASE, new Multipart().field("name", "Long").field("from_content_json",
                    Json.write(List.of(Map.of("name", "Only chapter", "blocks", blocks)))).field("auto_convert", "true"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            id = r.json().at("/project/project_id").asText();
            String pid = id;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> a.get(BASE + "/" + pid).json().at("/chapters/0/conversion_progress").asDouble() > 0.2);
            progressAtStop = a.get(BASE + "/" + pid).json().at("/chapters/0/conversion_progress").asDouble();
        }
        assertThat(progressAtStop).as("stopped in the middle").isLessThan(0.95);

        try (TestServer b = TestServer.start(c -> c.withDataDir(data))) {
            String pid = id;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
                JsonNode p = b.get(BASE + "/" + pid).json();
                return p.get("state").asText().equals("default") && p.get("can_be_downloaded").asBoolean();
            });
            JsonNode p = b.get(BASE + "/" + pid).json();
            assertThat(p.at("/chapters/0/statistics/paragraphs_converted").asInt()).isEqualTo(BLOCKS);
            assertThat(b.get(BASE + "/" + pid + "/snapshots").json().get("snapshots")).hasSize(1);
            long spent = charged(b) - chargedBefore;
            int longest = ("Block number " + (BLOCKS - 1) + " says a few words.").length();
            System.out.printf("Studio resume: stopped at %.0f %%, characters charged over both runs %d of %d%n",
                    100 * progressAtStop, spent, total);
            assertThat(spent).isBetween((long) total, (long) total + longest);
        }
    }

    static long charged(TestServer s) {
        return s.get("/v1/user/subscription").json().get("character_count").asLong();
    }
}
