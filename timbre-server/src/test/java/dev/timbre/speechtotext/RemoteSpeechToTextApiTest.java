package dev.timbre.speechtotext;

import dev.timbre.config.RemoteSpeechToText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.Wav;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.remote.FakeTranscriptionServer;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/speech-to-text} on the {@code openai} provider, against a fake OpenAI-compatible transcription server. */
@Tag("integration")
class RemoteSpeechToTextApiTest {
    static FakeTranscriptionServer remote;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        remote = new FakeTranscriptionServer();
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("fake", List.of(), "openai",
                new RemoteSpeechToText(remote.url(), "sk-remote", "large-v3", 1))));
    }

    @AfterAll
    static void stop() {
        server.close();
        remote.close();
    }

    @BeforeEach
    void reset() {
        remote.requests.clear();
        remote.delay(0);
    }

    static TestServer.Response post(String language) {
        Multipart form = new Multipart().field("model_id", "scribe_v1").file("file", "speech.wav", "audio/wav", SpeechAudio.wav(0.3, 0.3));
        if (language != null) form.field("language_code", language);
        return server.postMultipart("/v1/speech-to-text", form);
    }

    @Test
    void transcribes_on_the_remote_server_with_its_word_times() {
        remote.answer(200, """
                {"task":"transcribe","language":"english","duration":1.1,"text":" Hello world.",
                 "words":[{"word":" Hello","start":0.2,"end":0.5},{"word":" world.","start":0.6,"end":0.9}]}""");

        TestServer.Response r = post("eng");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/speech-to-text", r);
        JsonNode body = r.json();
        assertThat(body.get("text").asText()).isEqualTo("Hello world.");
        assertThat(body.get("language_code").asText()).isEqualTo("en");
        List<String> texts = new ArrayList<>();
        body.get("words").forEach(w -> texts.add(w.get("type").asText() + ":" + w.get("text").asText()));
        assertThat(texts).containsExactly("word:Hello", "spacing: ", "word:world.");
        assertThat(body.at("/words/0/start").asDouble()).isEqualTo(0.2);
        assertThat(body.at("/words/2/end").asDouble()).isEqualTo(0.9);

        assertThat(remote.requests).hasSize(1);
        FakeTranscriptionServer.Request sent = remote.requests.get(0);
        assertThat(sent.path()).isEqualTo("/v1/audio/transcriptions");
        assertThat(sent.authorization()).isEqualTo("Bearer sk-remote");
        assertThat(sent.parts().get("model").text()).isEqualTo("large-v3");
        assertThat(sent.parts().get("language").text()).isEqualTo("en");
        assertThat(sent.parts().get("response_format").text()).isEqualTo("verbose_json");
        Wav.Decoded wav = Wav.read(sent.parts().get("file").content());
        assertThat(wav.pcm().length).isGreaterThan(0);
    }

    @Test
    void a_failing_remote_server_is_a_503() {
        remote.answer(500, "{\"error\":{\"message\":\"CUDA out of memory\"}}");

        TestServer.Response r = post(null);

        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("speech_to_text_engine_failed");
        assertThat(r.text()).doesNotContain(remote.url());
    }

    @Test
    void a_remote_server_slower_than_the_timeout_is_a_503() {
        remote.answer(200, "{\"text\":\"late\"}").delay(2500);

        TestServer.Response r = post(null);

        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("speech_to_text_engine_failed");
    }

    @Test
    void a_rejected_request_is_a_502() {
        remote.answer(400, "{\"error\":{\"message\":\"bad model\"}}");

        assertThat(post(null).status()).isEqualTo(502);
    }
}
