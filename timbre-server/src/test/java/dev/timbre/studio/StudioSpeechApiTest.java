package dev.timbre.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.WordErrorRate;
import dev.timbre.engine.sphinx.PocketsphinxSpeechToText;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Studio chapter converted by MaryTTS transcribes back through pocketsphinx (skipped without pocketsphinx unless
 * {@code CI=true}): the snapshot's audio decodes, lasts as the text asks, and says the text.
 */
@Tag("integration")
class StudioSpeechApiTest {
    static final List<String> PARAGRAPHS = List.of(
            "The weather today is sunny with a light breeze from the west.",
            "Please call me back when you have finished reading the report.",
            "She bought three red apples and a loaf of bread at the market.");
    static TestServer server;

    @BeforeAll
    static void start() {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(PocketsphinxSpeechToText.available(), "pocketsphinx is not installed");
        }
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("marytts", List.of(), "pocketsphinx")));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void a_converted_chapter_says_its_text() {
        String base = "/v1/studio/projects";
        var r = server.postMultipart(base, new Multipart().field("name", "Round trip")
                .field("from_content_json", String.join("\n\n", PARAGRAPHS)).field("auto_convert", "true"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String id = r.json().at("/project/project_id").asText();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> server.get(base + "/" + id).json().get("can_be_downloaded").asBoolean());
        JsonNode chapter = server.get(base + "/" + id).json().at("/chapters/0");
        String chapterId = chapter.get("chapter_id").asText();
        String snap = server.get(base + "/" + id + "/chapters/" + chapterId + "/snapshots").json().at("/snapshots/0/chapter_snapshot_id").asText();
        var audio = server.postJson(base + "/" + id + "/chapters/" + chapterId + "/snapshots/" + snap + "/stream", Map.of());
        assertThat(audio.status()).isEqualTo(200);
        Wav.Decoded d = new UploadDecoder().decode(audio.body(), 16000);
        double seconds = d.pcm().length / 2.0 / d.format().sampleRate();
        int words = PARAGRAPHS.stream().mapToInt(p -> p.split(" ").length).sum();
        assertThat(seconds).as("about 2–4 words a second").isBetween(words / 4.0, words / 2.0 + 2);

        String expected = String.join(" ", PARAGRAPHS);
        var stt = server.postMultipart("/v1/speech-to-text", new Multipart().field("model_id", "scribe_v1")
                .file("file", "chapter.wav", "audio/wav", Wav.wrap(d.pcm(), new PcmFormat(d.format().sampleRate()))));
        assertThat(stt.status()).as(stt.toString()).isEqualTo(200);
        double wer = (double) WordErrorRate.errors(expected, stt.json().get("text").asText()) / WordErrorRate.words(expected).size();
        System.out.printf("Studio chapter (MaryTTS) → pocketsphinx: %.1f s of audio, WER %.1f %%%n", seconds, 100 * wer);
        assertThat(wer).isLessThanOrEqualTo(0.3);
    }
}
