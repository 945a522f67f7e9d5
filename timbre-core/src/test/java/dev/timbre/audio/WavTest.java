package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WavTest {
    @Test
    void wraps_and_reads_back_the_same_samples() {
        byte[] pcm = Pcm.toBytes(new short[] {0, 1000, -1000, 32767, -32768});
        Wav.Decoded d = Wav.read(Wav.wrap(pcm, new PcmFormat(16000)));
        assertThat(d.format().sampleRate()).isEqualTo(16000);
        assertThat(d.pcm()).isEqualTo(pcm);
    }

    @Test
    void rejects_what_is_not_wav() {
        assertThatThrownBy(() -> Wav.read("hello world, not a wav".getBytes())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resampling_keeps_duration() {
        byte[] pcm = new byte[48000 * 2];
        assertThat(Pcm.resample(pcm, 48000, 16000)).hasSize(16000 * 2);
    }

    @Test
    void ulaw_round_trips_within_companding_error() {
        short[] s = {0, 100, -100, 5000, -5000, 30000};
        byte[] u = G711.ulaw(Pcm.toBytes(s));
        for (int i = 0; i < s.length; i++) {
            assertThat((double) G711.ulawDecode(u[i])).isCloseTo(s[i], org.assertj.core.data.Offset.offset(Math.abs(s[i]) * 0.07 + 10));
        }
    }

    @Test
    void ulaw_bytes_decode_to_s16le_sample_by_sample() {
        byte[] u = G711.ulaw(Pcm.toBytes(new short[] {0, 100, -100, 5000, -5000, 30000}));
        short[] decoded = Pcm.toSamples(G711.ulawDecode(u), 0, u.length * 2);
        assertThat(decoded).hasSize(u.length);
        for (int i = 0; i < u.length; i++) assertThat(decoded[i]).isEqualTo(G711.ulawDecode(u[i]));
    }
}
