package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import dev.timbre.audio.AudioFormatException.Kind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Hand-built upload files and the checks the upload decoder tests share. */
final class UploadFixtures {
    private UploadFixtures() {}

    static short[] samples(Wav.Decoded d) { return Pcm.toSamples(d.pcm(), 0, d.pcm().length); }

    static double seconds(Wav.Decoded d) { return d.format().seconds(d.pcm().length); }

    static void assertTone(Wav.Decoded d, double expectedSeconds, double tolerance) {
        assertThat(seconds(d)).isCloseTo(expectedSeconds, within(tolerance));
        assertThat(Tone.frequency(samples(d), d.format().sampleRate())).isCloseTo(Tone.FREQUENCY, within(3.0));
        assertThat(Tone.rms(samples(d))).isGreaterThan(Tone.AMPLITUDE / Math.sqrt(2) * 0.4);
    }

    static short[] sine(int rate, double seconds, double freq, double amp) {
        short[] s = new short[(int) Math.round(rate * seconds)];
        for (int i = 0; i < s.length; i++) s[i] = (short) Math.round(amp * Math.sin(2 * Math.PI * freq * i / rate));
        return s;
    }

    /** A hand-built WAV: {@code tag} 1 PCM, 3 float, 6 A-law, 7 µ-law; extensible wraps it in WAVE_FORMAT_EXTENSIBLE. */
    static byte[] wav(int tag, int channels, int rate, int bits, byte[] data, boolean extensible) {
        int fmtLen = extensible ? 40 : 16;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtLen + 8 + 8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(fmtLen).putShort((short) (extensible ? 0xFFFE : tag)).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) bits).putInt(channels == 2 ? 3 : 4);
            b.putShort((short) tag).put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        b.put("LIST".getBytes()).putInt(0); // an empty chunk to skip
        b.put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }

    /** Interleaves channels and writes each sample with {@code bits} (8 unsigned, 16/24/32 signed, or float when float). */
    static byte[] interleave(short[][] ch, int bits, boolean isFloat) {
        int n = ch[0].length, bytes = bits / 8;
        ByteBuffer b = ByteBuffer.allocate(n * ch.length * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            for (short[] c : ch) {
                int v = c[i];
                if (isFloat) {
                    if (bits == 32) b.putFloat(v / 32768f);
                    else b.putDouble(v / 32768.0);
                } else switch (bits) {
                    case 8 -> b.put((byte) ((v >> 8) + 128));
                    case 16 -> b.putShort((short) v);
                    case 24 -> b.put((byte) 0x5a).put((byte) v).put((byte) (v >> 8));
                    default -> b.putInt(v << 16 | 0x1234);
                }
            }
        }
        return b.array();
    }

    static void assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Kind kind) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(AudioFormatException.class);
        assertThat(((AudioFormatException) t).kind()).as(t.getMessage()).isEqualTo(kind);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
