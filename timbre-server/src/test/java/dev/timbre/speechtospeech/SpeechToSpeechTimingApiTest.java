package dev.timbre.speechtospeech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On the fake engines (tone TTS without timed speech, so the stretching path; energy recogniser): the converted audio
 * is as long as the source and has speech where the source had it, whole or streamed, and is encoded as asked.
 */
@Tag("integration")
class SpeechToSpeechTimingApiTest {
    static TestServer server;
    static String voiceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        voiceId = server.firstVoiceId();
    }

    @AfterAll
    static void stop() { server.close(); }

    /** 3 s at 16 kHz: a 0.6 s tone at 0.5 s and a 0.3 s tone at 2.0 s. */
    static byte[] source() {
        short[] s = new short[48000];
        for (int[] span : new int[][] {{8000, 9600}, {32000, 4800}}) {
            for (int i = 0; i < span[1]; i++) s[span[0] + i] = (short) (6000 * Math.sin(2 * Math.PI * 180 * i / 16000.0));
        }
        return Wav.wrap(Pcm.toBytes(s), new PcmFormat(16000));
    }

    static double rms(byte[] pcm16k, double from, double to) {
        return Pcm.rms(Arrays.copyOfRange(pcm16k, (int) (from * 16000) * 2, (int) (to * 16000) * 2));
    }

    @Test
    void speech_lands_where_the_source_spoke_and_the_pauses_stay() {
        var r = server.postMultipart("/v1/speech-to-speech/" + voiceId + "?output_format=pcm_16000", new Multipart().file("audio", "s.wav", "audio/wav", source()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/speech-to-speech/{voice_id}", r);
        assertThat(r.body().length).isEqualTo(48000 * 2);
        byte[] out = r.body();
        assertThat(rms(out, 0.0, 0.45)).isLessThan(50);
        assertThat(rms(out, 0.55, 1.05)).isGreaterThan(1000);
        assertThat(rms(out, 1.2, 1.9)).isLessThan(50);
        assertThat(rms(out, 2.05, 2.25)).isGreaterThan(1000);
        assertThat(rms(out, 2.4, 3.0)).isLessThan(50);

        var streamed = server.postMultipart("/v1/speech-to-speech/" + voiceId + "/stream?output_format=pcm_16000",
                new Multipart().file("audio", "s.wav", "audio/wav", source()));
        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.body()).isEqualTo(out);
    }

    @Test
    void output_formats_are_the_tts_encoders() {
        var ulaw = server.postMultipart("/v1/speech-to-speech/" + voiceId + "?output_format=ulaw_8000&enable_logging=false",
                new Multipart().file("audio", "s.wav", "audio/wav", source()));
        assertThat(ulaw.status()).isEqualTo(200);
        assertThat(ulaw.body().length).isEqualTo(24000);
        var wav = server.postMultipart("/v1/speech-to-speech/" + voiceId + "?output_format=wav_22050",
                new Multipart().file("audio", "s.wav", "audio/wav", source()));
        assertThat(wav.status()).isEqualTo(200);
        Wav.Decoded d = new dev.timbre.audio.UploadDecoder().decode(wav.body());
        assertThat(d.format().sampleRate()).isEqualTo(22050);
        assertThat(d.format().seconds(d.pcm().length)).isBetween(2.95, 3.05);
    }
}
