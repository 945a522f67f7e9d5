package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioEncoderTest {
    static byte[] sine(int rate, double seconds) {
        short[] s = new short[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) s[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
        return Pcm.toBytes(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3_22050_32", "mp3_24000_48", "mp3_44100_32", "mp3_44100_64", "mp3_44100_96", "mp3_44100_128", "mp3_44100_192"})
    void mp3_decodes_back_to_the_right_rate_and_duration(String id) {
        OutputFormat f = OutputFormat.parse(id).orElseThrow();
        byte[] mp3 = AudioEncoder.encodeAll(sine(48000, 2.0), 48000, f);
        assertThat((double) mp3.length).as("bytes for 2 s at the nominal bitrate").isCloseTo(f.bitrateKbps() * 1000 * 2.0 / 8, org.assertj.core.data.Percentage.withPercentage(25));
        Wav.Decoded d = AudioDecoder.mp3(mp3);
        assertThat(d.format().sampleRate()).isEqualTo(f.sampleRate());
        assertThat(d.format().seconds(d.pcm().length)).isCloseTo(2.0, offset(0.15));
        assertThat(Pcm.rms(d.pcm())).isGreaterThan(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pcm_8000", "pcm_16000", "pcm_22050", "pcm_24000", "pcm_32000", "pcm_44100", "pcm_48000"})
    void pcm_has_exactly_the_expected_length(String id) {
        OutputFormat f = OutputFormat.parse(id).orElseThrow();
        byte[] out = AudioEncoder.encodeAll(sine(16000, 1.0), 16000, f);
        assertThat(out.length).isEqualTo(f.sampleRate() * 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ulaw_8000", "alaw_8000"})
    void g711_is_one_byte_per_sample_at_8k(String id) {
        byte[] out = AudioEncoder.encodeAll(sine(16000, 1.0), 16000, OutputFormat.parse(id).orElseThrow());
        assertThat(out.length).isEqualTo(8000);
    }
}
