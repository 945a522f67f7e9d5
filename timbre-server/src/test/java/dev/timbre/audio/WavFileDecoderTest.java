package dev.timbre.audio;

import static dev.timbre.audio.UploadFixtures.assertTone;
import static dev.timbre.audio.UploadFixtures.interleave;
import static dev.timbre.audio.UploadFixtures.samples;
import static dev.timbre.audio.UploadFixtures.sine;
import static dev.timbre.audio.UploadFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WAV uploads: every depth, float, G.711, extensible, stereo (through {@link UploadDecoder}). */
class WavFileDecoderTest {
    private final UploadDecoder decoder = new UploadDecoder(UploadDecoder.DEFAULT_MAX_BYTES, 600, Optional.empty());

    @ParameterizedTest
    @ValueSource(strings = {"wav_8000", "wav_16000", "wav_22050", "wav_44100", "wav_48000"})
    void wavsFromTheEncoderAtEachRate(String format) {
        OutputFormat f = OutputFormat.parse(format).orElseThrow();
        byte[] file = AudioEncoder.encodeAll(Tone.sine(24000, 1.0), 24000, f);
        Wav.Decoded d = decoder.decode(file);
        assertThat(d.format().sampleRate()).isEqualTo(f.sampleRate());
        assertTone(d, 1.0, 0.01);
        assertThat(AudioContainer.detect(file)).isEqualTo(AudioContainer.WAV);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 24, 32})
    void integerWavsOfEachDepth(int bits) {
        short[] tone = sine(11025, 0.5, 440, 8000);
        Wav.Decoded d = decoder.decode(wav(1, 1, 11025, bits, interleave(new short[][] {tone}, bits, false), false));
        assertThat(d.format().sampleRate()).isEqualTo(11025);
        assertTone(d, 0.5, 0.001);
        if (bits >= 16) assertThat(samples(d)).containsExactly(tone);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void floatWavs(int bits) {
        short[] tone = sine(16000, 0.5, 440, 8000);
        Wav.Decoded d = decoder.decode(wav(3, 1, 16000, bits, interleave(new short[][] {tone}, bits, true), false));
        assertThat(samples(d)).containsExactly(tone);
    }

    @Test
    void floatWavClipsOutOfRangeSamples() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putFloat(2f).putFloat(-2f).putFloat(Float.NaN).putFloat(0.5f);
        Wav.Decoded d = decoder.decode(wav(3, 1, 8000, 32, b.array(), false));
        assertThat(samples(d)).containsExactly((short) 32767, (short) -32768, (short) 0, (short) 16384);
    }

    @Test
    void stereoWavDownmixesAndSplitsChannels() {
        short[] left = sine(44100, 1.0, 440, 8000), right = new short[left.length];
        byte[] file = wav(1, 2, 44100, 16, interleave(new short[][] {left, right}, 16, false), false);
        Wav.Decoded mono = decoder.decode(file);
        assertTone(mono, 1.0, 0.001);
        assertThat(Tone.rms(samples(mono))).isCloseTo(Tone.rms(left) / 2, within(2.0));
        List<Wav.Decoded> channels = decoder.decodeChannels(file);
        assertThat(channels).hasSize(2);
        assertThat(samples(channels.get(0))).containsExactly(left);
        assertThat(Pcm.rms(channels.get(1).pcm())).isZero();
    }

    @Test
    void extensibleWav24BitStereo() {
        short[] a = sine(48000, 0.5, 440, 8000), b = sine(48000, 0.5, 440, 8000);
        Wav.Decoded d = decoder.decode(wav(1, 2, 48000, 24, interleave(new short[][] {a, b}, 24, false), true));
        assertThat(samples(d)).containsExactly(a);
    }

    @Test
    void extensibleFloatWav() {
        short[] a = sine(22050, 0.5, 440, 8000);
        assertThat(samples(decoder.decode(wav(3, 1, 22050, 32, interleave(new short[][] {a}, 32, true), true)))).containsExactly(a);
    }

    @Test
    void muLawAndALawWavs() {
        byte[] pcm = Tone.sine(8000, 1.0);
        Wav.Decoded u = decoder.decode(wav(7, 1, 8000, 8, G711.ulaw(pcm), false));
        Wav.Decoded a = decoder.decode(wav(6, 1, 8000, 8, G711.alaw(pcm), false));
        for (Wav.Decoded d : List.of(u, a)) {
            assertTone(d, 1.0, 0.001);
            short[] s = samples(d), orig = Pcm.toSamples(pcm, 0, pcm.length);
            for (int i = 0; i < s.length; i++) assertThat(Math.abs(s[i] - orig[i])).isLessThanOrEqualTo(Math.abs(orig[i]) / 16 + 16);
        }
    }

    @Test
    void aLawDecodesKnownCodes() {
        assertThat(WavFileDecoder.alawDecode((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(WavFileDecoder.alawDecode((byte) 0x55)).isEqualTo((short) -8);
        assertThat(WavFileDecoder.alawDecode((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(WavFileDecoder.alawDecode((byte) 0x2A)).isEqualTo((short) -32256);
    }

    /** A chunk whose size wraps a 32-bit position back onto itself (0xFFFFFFF8 + 8 = 2^32) once hung the server. */
    @Test
    @org.junit.jupiter.api.Timeout(5)
    void aChunkSizeThatWrapsThePositionIsRejectedNotLoopedOn() {
        ByteBuffer b = ByteBuffer.allocate(108).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(100).put("WAVE".getBytes());
        b.put("junk".getBytes()).putInt(0xFFFFFFF8);
        assertThatThrownBy(() -> decoder.decode(b.array())).isInstanceOf(AudioFormatException.class).hasMessageContaining("no fmt chunk");
        ByteBuffer odd = ByteBuffer.allocate(108).order(ByteOrder.LITTLE_ENDIAN);
        odd.put("RIFF".getBytes()).putInt(100).put("WAVE".getBytes());
        odd.put("junk".getBytes()).putInt(0xFFFFFFF7); // odd: the pad byte makes the step 2^32 too
        assertThatThrownBy(() -> decoder.decode(odd.array())).isInstanceOf(AudioFormatException.class);
    }
}
