package dev.timbre.texttospeech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.timbre.audio.AudioDecoder;
import dev.timbre.audio.OggOpusCheck;
import dev.timbre.audio.OutputFormat;
import dev.timbre.engine.fake.ToneTextToSpeech;
import dev.timbre.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every output format the API lists, through {@code POST /v1/text-to-speech/{voice_id}}: decoded and measured. */
@Tag("integration")
class OutputFormatsApiTest {
    static final String TEXT = "one two three four five";
    static TestServer server;
    static String voiceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        voiceId = server.firstVoiceId();
    }

    @AfterAll
    static void stop() { server.close(); }

    static java.util.List<String> formats() { return OutputFormat.API_VALUES; }

    @ParameterizedTest
    @MethodSource("formats")
    void audio_decodes_at_the_right_rate_and_duration(String id) throws Exception {
        OutputFormat format = OutputFormat.parse(id).orElseThrow();
        var r = server.postJson("/v1/text-to-speech/" + voiceId + "?output_format=" + id, Map.of("text", TEXT));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo(format.contentType());
        double expected = ToneTextToSpeech.secondsFor(TEXT);
        byte[] body = r.body();
        switch (format.codec()) {
            case MP3 -> {
                var decoded = AudioDecoder.decode(body);
                assertThat(decoded.format().sampleRate()).isEqualTo(format.sampleRate());
                // LAME adds its encoder delay and pads to whole frames: at most ~0.2 s more
                assertThat(decoded.format().seconds(decoded.pcm().length)).isBetween(expected - 0.01, expected + 0.2);
            }
            case PCM -> assertThat(body.length / 2.0 / format.sampleRate()).isCloseTo(expected, within(0.01));
            case ULAW, ALAW -> assertThat(body.length / (double) format.sampleRate()).isCloseTo(expected, within(0.01));
            case OPUS -> {
                assertThat(new String(body, 0, 4)).isEqualTo("OggS");
                assertThat(OggOpusCheck.decode(body).length / 48000.0).isCloseTo(expected, within(0.03));
            }
            case WAV -> assertThat(AudioDecoder.decode(body).format().sampleRate()).isEqualTo(format.sampleRate());
        }
    }
}
