package dev.timbre.audionative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code /v1/audio-native} and the public player (script, settings, audio) on the fake engine. */
@Tag("integration")
class AudioNativeApiTest {
    static final String ARTICLE = "<html><body><div><p>The first paragraph of the article.</p><h3>A heading</h3>"
            + "<p>The second paragraph says more.</p></div></body></html>";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void an_article_becomes_a_player_that_plays_from_another_origin() {
        var created = server.postMultipart("/v1/audio-native", new Multipart().field("name", "Article").field("title", "My article")
                .field("author", "A. Writer").field("text_color", "#112233").field("background_color", "#FFEEDD")
                .field("voice_id", server.firstVoiceId()).field("auto_convert", "true")
                .file("file", "article.html", "text/html", ARTICLE.getBytes(StandardCharsets.UTF_8)));
        OpenApiContract.assertConforms("POST", "/v1/audio-native", created);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String id = created.json().get("project_id").asText();
        assertThat(created.json().get("converting").asBoolean()).isTrue();
        String snippet = created.json().get("html_snippet").asText();
        assertThat(snippet).contains("id=\"elevenlabs-audionative-widget\"").contains("data-projectid=\"" + id + "\"")
                .contains(server.url("/audio-native/player.js"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                server.get("/v1/audio-native/" + id + "/settings").json().at("/settings/status").asText().equals("ready"));
        var settings = server.get("/v1/audio-native/" + id + "/settings");
        OpenApiContract.assertConforms("GET", "/v1/audio-native/{project_id}/settings", settings);
        JsonNode s = settings.json();
        assertThat(s.get("enabled").asBoolean()).isTrue();
        assertThat(s.get("snapshot_id").isTextual()).isTrue();
        assertThat(s.at("/settings/title").asText()).isEqualTo("My article");
        assertThat(s.at("/settings/text_color").asText()).isEqualTo("#112233");
        String audioUrl = s.at("/settings/audio_url").asText();
        assertThat(audioUrl).endsWith("/audio-native/" + id + "/audio.mp3");

        // the public player: no key, any origin
        var script = server.send(HttpRequest.newBuilder(java.net.URI.create(server.url("/audio-native/player.js")))
                .header("Origin", "https://blog.example").GET());
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("content-type")).startsWith("text/javascript");
        assertThat(script.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(script.text()).contains("elevenlabs-audionative-widget").contains("/player.json");
        var json = server.send(HttpRequest.newBuilder(java.net.URI.create(server.url("/audio-native/" + id + "/player.json")))
                .header("Origin", "https://blog.example").GET());
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(json.json().get("audio_url").asText()).isEqualTo(audioUrl);
        var audio = server.send(HttpRequest.newBuilder(java.net.URI.create(audioUrl)).GET());
        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.header("access-control-allow-origin")).isEqualTo("*");
        var decoded = new UploadDecoder().decode(audio.body(), 16000);
        assertThat(decoded.pcm().length / 2.0 / 16000).isGreaterThan(3);

        // new content, converted again
        var edited = server.postMultipart("/v1/audio-native/" + id + "/content", new Multipart().field("auto_convert", "true")
                .field("auto_publish", "true").file("file", "article.txt", "text/plain", "Only one short paragraph now.".getBytes(StandardCharsets.UTF_8)));
        OpenApiContract.assertConforms("POST", "/v1/audio-native/{project_id}/content", edited);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("publishing").asBoolean()).isTrue();
        String first = s.get("snapshot_id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode now = server.get("/v1/audio-native/" + id + "/settings").json();
            return now.at("/settings/status").asText().equals("ready") && !now.get("snapshot_id").asText().equals(first);
        });
    }

    @Test
    void bad_input_and_other_projects_are_refused() {
        var noFile = server.postMultipart("/v1/audio-native", new Multipart().field("name", "x"));
        assertThat(noFile.status()).isEqualTo(422);
        var noName = server.postMultipart("/v1/audio-native", new Multipart().file("file", "a.txt", "text/plain", "Text.".getBytes(StandardCharsets.UTF_8)));
        assertThat(noName.status()).isEqualTo(422);
        var binary = server.postMultipart("/v1/audio-native", new Multipart().field("name", "x")
                .file("file", "a.pdf", "application/pdf", new byte[] {0, 1, 2, 3}));
        assertThat(binary.status()).isEqualTo(400);
        var unknown = server.get("/v1/audio-native/nosuchproject/settings");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/detail/status").asText()).isEqualTo("project_not_found");
        assertThat(server.get("/audio-native/nosuchproject/player.json").status()).isEqualTo(404);
        assertThat(server.get("/audio-native/nosuchproject/audio.mp3").status()).isEqualTo(404);
        // a plain Studio project is not served by the public player
        String studio = server.postMultipart("/v1/studio/projects", new Multipart().field("name", "private")).json().at("/project/project_id").asText();
        assertThat(server.get("/v1/audio-native/" + studio + "/settings").status()).isEqualTo(404);
        assertThat(server.send(HttpRequest.newBuilder(java.net.URI.create(server.url("/audio-native/" + studio + "/player.json"))).GET()).status())
                .isEqualTo(404);
    }
}
