package dev.timbre.forcedalignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The endpoint's shape and its bad input, on the fake recogniser (one word per voiced 0.3 s). */
@Tag("integration")
class ForcedAlignmentApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    /** Two 0.3 s tones with silence around them, as a 16 kHz WAV. */
    static byte[] twoWords() {
        short[] s = new short[16000 * 2];
        for (int w = 0; w < 2; w++) {
            int from = 4000 + w * 12000;
            for (int i = 0; i < 4800; i++) s[from + i] = (short) (6000 * Math.sin(2 * Math.PI * 300 * i / 16000.0));
        }
        return Wav.wrap(Pcm.toBytes(s), new PcmFormat(16000));
    }

    @Test
    void aligns_the_given_words_and_characters() {
        var r = server.postMultipart("/v1/forced-alignment", new Multipart().file("file", "a.wav", "audio/wav", twoWords()).field("text", "hello world"));
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/forced-alignment", r);
        var words = r.json().get("words");
        assertThat(words).hasSize(2);
        assertThat(words.get(0).get("text").asText()).isEqualTo("hello");
        assertThat(words.get(0).get("start").asDouble()).isBetween(0.2, 0.3);
        assertThat(words.get(1).get("start").asDouble()).isGreaterThan(words.get(0).get("end").asDouble());
        var chars = r.json().get("characters");
        assertThat(chars).hasSize("hello world".length());
        assertThat(chars.get(chars.size() - 1).get("end").asDouble()).isEqualTo(2.0);
        assertThat(r.json().get("loss").isNumber()).isTrue();
    }

    @Test
    void a_text_longer_than_the_limit_or_than_the_audio_can_hold_is_a_422() {
        var tooLong = server.postMultipart("/v1/forced-alignment", new Multipart().file("file", "a.wav", "audio/wav", twoWords())
                .field("text", "word ".repeat(ForcedAlignmentService.MAX_TEXT / 5 + 1)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().at("/detail/0/type").asText()).isEqualTo("string_too_long");
        assertThat(tooLong.json().at("/detail/0/loc/1").asText()).isEqualTo("text");
        var moreThanSpoken = server.postMultipart("/v1/forced-alignment", new Multipart().file("file", "a.wav", "audio/wav", twoWords())
                .field("text", "word ".repeat(ForcedAlignmentService.MIN_TEXT_LIMIT)));
        assertThat(moreThanSpoken.status()).isEqualTo(422);
        assertThat(moreThanSpoken.json().at("/detail/0/msg").asText()).contains("of audio can hold");
    }

    @Test
    void bad_input_is_a_clear_4xx() {
        assertThat(server.postMultipart("/v1/forced-alignment", new Multipart().field("text", "x")).status()).isEqualTo(422);
        assertThat(server.postMultipart("/v1/forced-alignment", new Multipart().file("file", "a.wav", "audio/wav", twoWords())).status())
                .isEqualTo(422);
        assertThat(server.postMultipart("/v1/forced-alignment",
                new Multipart().file("file", "a.wav", "audio/wav", twoWords()).field("text", "  ")).status()).isEqualTo(422);
        var junk = server.postMultipart("/v1/forced-alignment", new Multipart().file("file", "a.bin", "audio/wav", "nope".getBytes()).field("text", "x"));
        assertThat(junk.status()).isEqualTo(400);
        assertThat(junk.json().at("/detail/status").asText()).isNotBlank();
    }
}
