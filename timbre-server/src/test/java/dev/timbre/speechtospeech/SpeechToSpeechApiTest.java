package dev.timbre.speechtospeech;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.WordErrorRate;
import dev.timbre.engine.sphinx.PocketsphinxSpeechToText;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The voice changer on the real engines: flite (a voice Timbre did not make) speaks, the server converts it to a
 * MaryTTS voice, and the result is recognised again and compared word by word with the source.
 */
@Tag("integration")
class SpeechToSpeechApiTest {
    static final String TEXT = "The weather today is sunny with a light breeze. Please call me back when you have finished reading the report.";
    static TestServer server;
    static String voiceId;
    static byte[] source;

    @BeforeAll
    static void start() throws Exception {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(PocketsphinxSpeechToText.available() && FliteSpeech.available(), "pocketsphinx and flite are needed");
        }
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("marytts", List.of(), "pocketsphinx")));
        voiceId = server.firstVoiceId();
        source = FliteSpeech.say("rms", TEXT);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static TestServer.Response convert(String path, Multipart form) {
        return server.postMultipart(path, form);
    }

    static JsonNode transcribe(byte[] wav) {
        var r = server.postMultipart("/v1/speech-to-text", new Multipart().field("model_id", "scribe_v1").file("file", "a.wav", "audio/wav", wav));
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    static double wer(JsonNode transcript) {
        return (double) WordErrorRate.errors(TEXT, transcript.get("text").asText()) / WordErrorRate.words(TEXT).size();
    }

    @Test
    void converted_speech_says_the_same_words_at_the_same_times() {
        var r = convert("/v1/speech-to-speech/" + voiceId + "?output_format=pcm_16000",
                new Multipart().file("audio", "source.wav", "audio/wav", source).field("model_id", "eleven_english_sts_v2"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("content-type")).startsWith("audio/pcm");
        assertThat(r.header("history-item-id")).isNotBlank();
        Wav.Decoded src = new UploadDecoder().decode16k(source);
        double srcSeconds = src.format().seconds(src.pcm().length);
        double outSeconds = new PcmFormat(16000).seconds(r.body().length);
        assertThat(outSeconds).isBetween(srcSeconds - 0.05, srcSeconds + 0.5);

        JsonNode heardSource = transcribe(source), heardOut = transcribe(Wav.wrap(r.body(), new PcmFormat(16000)));
        double srcWer = wer(heardSource), outWer = wer(heardOut);
        double[] d = WordStarts.matched(heardSource.get("words"), heardOut.get("words"));
        double diff = d[0];
        int n = (int) d[1];
        System.out.printf("STS: source WER %.1f %%, converted WER %.1f %%, %d words matched, mean start difference %.0f ms%n",
                100 * srcWer, 100 * outWer, n, 1000 * diff);
        assertThat(outWer).isLessThanOrEqualTo(srcWer + 0.15);
        assertThat(n).isGreaterThanOrEqualTo(10);
        assertThat(diff).isLessThanOrEqualTo(0.1);
        assertThat(server.get("/v1/history/" + r.header("history-item-id")).json().get("source").asText()).isEqualTo("STS");
    }

    @Test
    void the_default_is_mp3_and_the_stream_variant_streams_it() throws Exception {
        for (String path : List.of("/v1/speech-to-speech/" + voiceId, "/v1/speech-to-speech/" + voiceId + "/stream")) {
            var r = convert(path + "?enable_logging=false", new Multipart().file("audio", "s.wav", "audio/wav", source)
                    .field("remove_background_noise", "true").field("voice_settings", "{\"stability\":0.4}").field("seed", "7"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.header("content-type")).startsWith("audio/mpeg");
            assertThat(r.header("history-item-id")).isNull();
            Wav.Decoded mp3 = new UploadDecoder().decode(r.body());
            assertThat(mp3.format().sampleRate()).isEqualTo(44100);
            assertThat(mp3.format().seconds(mp3.pcm().length)).isGreaterThan(4);
        }
    }

    @Test
    void raw_pcm_input_is_accepted() {
        byte[] pcm = new UploadDecoder().decode16k(source).pcm();
        var r = convert("/v1/speech-to-speech/" + voiceId + "?output_format=pcm_24000",
                new Multipart().file("audio", "s.pcm", "application/octet-stream", pcm).field("file_format", "pcm_s16le_16"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(new PcmFormat(24000).seconds(r.body().length)).isGreaterThan(4);
    }

    @Test
    void bad_input_is_a_clear_4xx() {
        Multipart ok = new Multipart().file("audio", "s.wav", "audio/wav", source);
        var unknown = convert("/v1/speech-to-speech/no_such_voice", ok);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/detail/status").asText()).isEqualTo("voice_not_found");
        assertThat(convert("/v1/speech-to-speech/" + voiceId, new Multipart().field("model_id", "eleven_english_sts_v2")).status()).isEqualTo(422);
        for (Multipart bad : List.of(
                new Multipart().file("audio", "s.wav", "audio/wav", source).field("model_id", "eleven_multilingual_v2"),
                new Multipart().file("audio", "s.wav", "audio/wav", source).field("file_format", "flac"),
                new Multipart().file("audio", "s.wav", "audio/wav", source).field("voice_settings", "{not json"),
                new Multipart().file("audio", "s.wav", "audio/wav", source).field("voice_settings", "{\"stability\": 3}"),
                new Multipart().file("audio", "s.wav", "audio/wav", source).field("seed", "-1"))) {
            var r = convert("/v1/speech-to-speech/" + voiceId, bad);
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            OpenApiContract.assertConforms("POST", "/v1/speech-to-speech/{voice_id}", r);
        }
        assertThat(convert("/v1/speech-to-speech/" + voiceId + "?output_format=wav_1", ok).status()).isEqualTo(422);
        var junk = convert("/v1/speech-to-speech/" + voiceId, new Multipart().file("audio", "a.bin", "audio/wav", "nope".getBytes()));
        assertThat(junk.status()).isEqualTo(400);
        assertThat(junk.json().at("/detail/message").asText()).isNotBlank();
        var silent = convert("/v1/speech-to-speech/" + voiceId,
                new Multipart().file("audio", "s.wav", "audio/wav", Wav.wrap(new byte[32000], new PcmFormat(16000))));
        assertThat(silent.status()).isEqualTo(400);
        assertThat(silent.json().at("/detail/status").asText()).isEqualTo("no_speech_detected");
    }
}
