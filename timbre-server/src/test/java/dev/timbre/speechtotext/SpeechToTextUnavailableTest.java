package dev.timbre.speechtotext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Without a speech-to-text engine (the production default for now) the endpoint is a clear 503. */
@Tag("integration")
class SpeechToTextUnavailableTest {
    @Test
    void no_engine_is_503() {
        try (TestServer server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("fake")))) {
            TestServer.Response r = server.postMultipart("/v1/speech-to-text",
                    new Multipart().field("model_id", "scribe_v1").file("file", "a.wav", "audio/wav", SpeechAudio.wav(0.3)));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.json().at("/detail/status").asText()).isEqualTo("speech_to_text_unavailable");
            assertThat(r.json().at("/detail/message").asText()).contains("engines.speech_to_text");
        }
    }
}
