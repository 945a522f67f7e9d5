package dev.timbre.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.RecognizedWord;
import dev.timbre.engine.SpeechToText.Transcript;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiTranscriptionSpeechToTextTest {
    static final String VERBOSE = """
            {"task":"transcribe","language":"english","duration":1.0,"text":" Hello there world.",
             "words":[{"word":" Hello","start":0.1,"end":0.4},{"word":" there","start":0.45,"end":0.7,"probability":0.5},
                      {"word":" world.","start":0.72,"end":0.98}]}""";

    FakeTranscriptionServer server;
    final PcmFormat format = new PcmFormat(16000);
    final byte[] pcm = new byte[32000];

    @BeforeEach
    void start() throws Exception {
        server = new FakeTranscriptionServer();
        for (int i = 0; i < pcm.length; i += 2) pcm[i] = (byte) (i % 200);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sends_a_wav_multipart_request_and_returns_the_timed_words() {
        server.answer(200, VERBOSE);
        var stt = new OpenAiTranscriptionSpeechToText(server.url() + "/", "sk-test", "large-v3", Duration.ofSeconds(5));

        Transcript t = stt.transcribe(pcm, format, "en");

        assertThat(t.text()).isEqualTo("Hello there world.");
        assertThat(t.language()).isEqualTo("en");
        assertThat(t.recognized()).extracting(RecognizedWord::word).containsExactly("Hello", "there", "world.");
        assertThat(t.words().get(1).start()).isEqualTo(0.45);
        assertThat(t.words().get(1).end()).isEqualTo(0.7);
        assertThat(t.recognized().get(0).logprob()).isNaN();
        assertThat(t.recognized().get(1).logprob()).isCloseTo(Math.log(0.5), within(1e-9));

        var r = server.requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/audio/transcriptions");
        assertThat(r.authorization()).isEqualTo("Bearer sk-test");
        assertThat(r.contentType()).startsWith("multipart/form-data; boundary=");
        assertThat(r.parts().get("model").text()).isEqualTo("large-v3");
        assertThat(r.parts().get("language").text()).isEqualTo("en");
        assertThat(r.parts().get("response_format").text()).isEqualTo("verbose_json");
        assertThat(r.parts().get("timestamp_granularities[]").text()).isEqualTo("word");
        var file = r.parts().get("file");
        assertThat(file.filename()).isEqualTo("audio.wav");
        assertThat(file.contentType()).isEqualTo("audio/wav");
        Wav.Decoded wav = Wav.read(file.content());
        assertThat(wav.format().sampleRate()).isEqualTo(16000);
        assertThat(wav.pcm()).isEqualTo(pcm);
    }

    @Test
    void no_key_no_language_sends_neither_and_default_model() {
        server.answer(200, "{\"text\":\"hola\",\"language\":\"spanish\",\"words\":[{\"word\":\"hola\",\"start\":0,\"end\":0.5}]}");
        var stt = new OpenAiTranscriptionSpeechToText(server.url() + "/v1", null, null, null);

        Transcript t = stt.transcribe(pcm, format, null);

        assertThat(t.language()).isEqualTo("es");
        var r = server.requests.get(0);
        assertThat(r.path()).isEqualTo("/v1/audio/transcriptions");
        assertThat(r.authorization()).isNull();
        assertThat(r.parts()).doesNotContainKey("language");
        assertThat(r.parts().get("model").text()).isEqualTo("whisper-1");
    }

    @Test
    void segments_without_words_are_spread_over_their_words() {
        server.answer(200, """
                {"text":"aa bbbb","language":"en","segments":[{"start":1.0,"end":2.2,"text":" aa bbbb"}]}""");
        Transcript t = new OpenAiTranscriptionSpeechToText(server.url(), null, null, null).transcribe(pcm, format, null);

        assertThat(t.words()).hasSize(2);
        assertThat(t.words().get(0).word()).isEqualTo("aa");
        assertThat(t.words().get(0).start()).isEqualTo(1.0);
        assertThat(t.words().get(0).end()).isCloseTo(1.4, within(1e-9));
        assertThat(t.words().get(1).end()).isCloseTo(2.2, within(1e-9));
    }

    @Test
    void server_error_is_a_retryable_engine_exception() {
        server.answer(500, "{\"error\":{\"message\":\"CUDA out of memory\"}}");
        var stt = new OpenAiTranscriptionSpeechToText(server.url(), null, null, null);

        assertThatThrownBy(() -> stt.transcribe(pcm, format, "en"))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("500").hasMessageContaining("CUDA out of memory");
    }

    @Test
    void client_error_is_not_retryable() {
        server.answer(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}");
        var stt = new OpenAiTranscriptionSpeechToText(server.url(), "wrong", null, null);

        assertThatThrownBy(() -> stt.transcribe(pcm, format, "en"))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("401").hasMessageContaining("Incorrect API key");
    }

    @Test
    void a_slow_server_times_out() {
        server.answer(200, VERBOSE).delay(3000);
        var stt = new OpenAiTranscriptionSpeechToText(server.url(), null, null, Duration.ofMillis(500));

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> stt.transcribe(pcm, format, "en"))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("did not answer in time");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2.5);
    }

    @Test
    void an_unreachable_server_is_a_retryable_engine_exception() {
        String url = server.url();
        server.close();
        var stt = new OpenAiTranscriptionSpeechToText(url, null, null, Duration.ofSeconds(2));

        assertThatThrownBy(() -> stt.transcribe(pcm, format, "en"))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("could not be reached");
    }

    @Test
    void a_body_that_is_not_json_is_a_clear_error() {
        server.answer(200, "<html>proxy</html>");
        var stt = new OpenAiTranscriptionSpeechToText(server.url(), null, null, null);

        assertThatThrownBy(() -> stt.transcribe(pcm, format, "en"))
                .isInstanceOf(EngineException.class).hasMessageContaining("verbose_json").hasMessageContaining("proxy");
    }

    @Test
    void language_names_and_codes_map_to_iso_639_1() {
        assertThat(WhisperLanguages.iso639_1("english")).contains("en");
        assertThat(WhisperLanguages.iso639_1("English")).contains("en");
        assertThat(WhisperLanguages.iso639_1("de")).contains("de");
        assertThat(WhisperLanguages.iso639_1("pt-BR")).contains("pt");
        assertThat(WhisperLanguages.iso639_1("deu")).contains("de");
        assertThat(WhisperLanguages.iso639_1("haitian creole")).contains("ht");
        assertThat(WhisperLanguages.iso639_1("castilian")).contains("es");
        assertThat(WhisperLanguages.iso639_1("klingon")).isEmpty();
        assertThat(WhisperLanguages.codes()).contains("en", "zh", "jv").hasSizeGreaterThan(95);
    }

    @Test
    void endpoint_from_base_url() {
        assertThat(OpenAiTranscriptionSpeechToText.endpoint("http://gpu:8000").toString()).isEqualTo("http://gpu:8000/v1/audio/transcriptions");
        assertThat(OpenAiTranscriptionSpeechToText.endpoint("https://api.openai.com/v1/").toString()).isEqualTo("https://api.openai.com/v1/audio/transcriptions");
        assertThat(OpenAiTranscriptionSpeechToText.endpoint("http://h/x/v1/audio/transcriptions").toString()).isEqualTo("http://h/x/v1/audio/transcriptions");
        assertThatThrownBy(() -> OpenAiTranscriptionSpeechToText.endpoint("gpu:8000")).isInstanceOf(IllegalArgumentException.class);
    }
}
