package dev.timbre.studio.podcasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.testing.MockLlmServer;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/studio/podcasts}: the template without a model, the configured model's script, bad input. */
@Tag("integration")
class PodcastsApiTest {
    static final String SOURCE = "Honey bees live in colonies of many thousands. A single queen lays all of the eggs in the hive. "
            + "Worker bees gather nectar and pollen from flowers nearby. They communicate where food is with a waggle dance. "
            + "Drones exist only to mate with a queen from another colony. In winter the bees cluster together to stay warm.";
    static TestServer plain;
    static TestServer withModel;
    static MockLlmServer llm;

    @BeforeAll
    static void start() throws Exception {
        plain = TestServer.start();
        llm = new MockLlmServer("{\"title\": \"All about bees\", \"lines\": [{\"speaker\": \"host\", \"text\": \"Today, bees.\"}, "
                + "{\"speaker\": \"guest\", \"text\": \"They dance to talk.\"}, {\"speaker\": \"host\", \"text\": \"Goodbye.\"}]}");
        withModel = TestServer.start(c -> c.withLlm(new LlmSettings(List.of(
                new LlmProvider("mock", "openai", llm.url(), null, null, Map.of(), List.of("gpt-*"), 0)), 0)));
    }

    @AfterAll
    static void stop() {
        plain.close();
        withModel.close();
        llm.close();
    }

    static Map<String, Object> conversation(String host, String guest, Object source) {
        return Map.of("model_id", "eleven_multilingual_v2", "mode", Map.of("type", "conversation", "conversation",
                Map.of("host_voice_id", host, "guest_voice_id", guest)), "source", source, "duration_scale", "short");
    }

    static List<String> voicesOfBlocks(TestServer s, String projectId) {
        JsonNode chapter = s.get("/v1/studio/projects/" + projectId).json().at("/chapters/0");
        JsonNode blocks = s.get("/v1/studio/projects/" + projectId + "/chapters/" + chapter.get("chapter_id").asText()).json().at("/content/blocks");
        List<String> out = new ArrayList<>();
        for (JsonNode b : blocks) out.add(b.at("/nodes/0/voice_id").asText() + ":" + b.at("/nodes/0/text").asText());
        return out;
    }

    @Test
    void without_a_model_the_template_alternates_host_and_guest_and_converts() {
        List<String> ids = plain.get("/v1/voices").json().get("voices").findValuesAsText("voice_id");
        String host = ids.get(0), guest = ids.get(1);
        var r = plain.postJson("/v1/studio/podcasts", conversation(host, guest, Map.of("type", "text", "text", SOURCE)));
        OpenApiContract.assertConforms("POST", "/v1/studio/podcasts", r);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String id = r.json().at("/project/project_id").asText();
        assertThat(r.json().at("/project/creation_meta/type").asText()).isEqualTo("generate_podcast");
        List<String> lines = voicesOfBlocks(plain, id);
        assertThat(lines.get(0)).startsWith(host + ":Welcome to the show");
        assertThat(lines.get(1)).startsWith(guest + ":");
        assertThat(lines).anyMatch(l -> l.contains("waggle dance") || l.contains("single queen"));
        assertThat(lines.stream().filter(l -> l.startsWith(guest + ":")).count()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> plain.get("/v1/studio/projects/" + id).json().get("can_be_downloaded").asBoolean());

        var bulletin = plain.postJson("/v1/studio/podcasts", Map.of("model_id", "eleven_multilingual_v2", "mode", Map.of("type", "bulletin",
                "bulletin", Map.of("host_voice_id", host)), "source", List.of(Map.of("type", "text", "text", SOURCE)),
                "intro", "Good morning, here is the bee news.", "outro", "Stay curious."));
        assertThat(bulletin.status()).as(bulletin.toString()).isEqualTo(200);
        List<String> read = voicesOfBlocks(plain, bulletin.json().at("/project/project_id").asText());
        assertThat(read).allMatch(l -> l.startsWith(host + ":"));
        assertThat(read.get(0)).isEqualTo(host + ":Good morning, here is the bee news.");
        assertThat(read.get(read.size() - 1)).isEqualTo(host + ":Stay curious.");
    }

    @Test
    void a_configured_model_writes_the_script() {
        List<String> ids = withModel.get("/v1/voices").json().get("voices").findValuesAsText("voice_id");
        var r = withModel.postJson("/v1/studio/podcasts", conversation(ids.get(0), ids.get(1), Map.of("type", "text", "text", SOURCE)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().at("/project/name").asText()).isEqualTo("All about bees");
        assertThat(voicesOfBlocks(withModel, r.json().at("/project/project_id").asText()))
                .containsExactly(ids.get(0) + ":Today, bees.", ids.get(1) + ":They dance to talk.", ids.get(0) + ":Goodbye.");
        assertThat(llm.bodies.get(llm.bodies.size() - 1).toString()).contains("waggle dance").contains("guest");
    }

    @Test
    void bad_input_is_refused() {
        String voice = plain.firstVoiceId();
        assertThat(plain.postJson("/v1/studio/podcasts", Map.of("model_id", "eleven_multilingual_v2", "source",
                Map.of("type", "text", "text", SOURCE))).status()).isEqualTo(422);
        assertThat(plain.postJson("/v1/studio/podcasts", Map.of("model_id", "eleven_multilingual_v2", "mode", Map.of("type", "radio"),
                "source", Map.of("type", "text", "text", SOURCE))).status()).isEqualTo(422);
        var unknownVoice = plain.postJson("/v1/studio/podcasts", conversation(voice, "novoicehere", Map.of("type", "text", "text", SOURCE)));
        assertThat(unknownVoice.status()).isEqualTo(404);
        var badSource = plain.postJson("/v1/studio/podcasts", conversation(voice, voice, Map.of("type", "pdf")));
        assertThat(badSource.status()).isEqualTo(422);
        var internal = plain.postJson("/v1/studio/podcasts", conversation(voice, voice, Map.of("type", "url", "url", "http://10.0.0.8/")));
        assertThat(internal.status()).isEqualTo(400);
        assertThat(internal.json().at("/detail/status").asText()).isEqualTo("url_not_allowed");
        var badModel = plain.postJson("/v1/studio/podcasts", Map.of("model_id", "no_such_model", "mode", Map.of("type", "bulletin",
                "bulletin", Map.of("host_voice_id", voice)), "source", Map.of("type", "text", "text", SOURCE)));
        assertThat(badModel.status()).isEqualTo(400);
    }
}
