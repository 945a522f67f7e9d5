package dev.timbre.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** RIFF/WAVE container for s16le mono PCM. */
public final class Wav {
    private Wav() {}

    public static byte[] wrap(byte[] pcm, PcmFormat format) {
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + pcm.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(format.sampleRate()).putInt(format.bytesPerSecond()).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(pcm.length).put(pcm);
        return b.array();
    }

    /** Reads a 16-bit PCM WAV; stereo is mixed down to mono. Throws IllegalArgumentException for anything else. */
    public static Decoded read(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IllegalArgumentException("not a RIFF/WAVE file");
        }
        int pos = 12, channels = 0, rate = 0, bits = 0;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos), size = b.getInt(pos + 4);
            if (size < 0) break;
            if (id == 0x20746d66) { // "fmt "
                channels = b.getShort(pos + 10);
                rate = b.getInt(pos + 12);
                bits = b.getShort(pos + 22);
            } else if (id == 0x61746164) { // "data"
                if (bits != 16 || channels < 1) throw new IllegalArgumentException("only 16-bit PCM WAV is supported");
                int len = Math.min(size, wav.length - pos - 8);
                byte[] data = new byte[len - len % (2 * channels)];
                System.arraycopy(wav, pos + 8, data, 0, data.length);
                return new Decoded(new PcmFormat(rate), channels == 1 ? data : mixDown(data, channels));
            }
            pos += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("WAV has no data chunk");
    }

    private static byte[] mixDown(byte[] data, int channels) {
        short[] s = Pcm.toSamples(data, 0, data.length);
        short[] out = new short[s.length / channels];
        for (int i = 0; i < out.length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) sum += s[i * channels + c];
            out[i] = (short) (sum / channels);
        }
        return Pcm.toBytes(out);
    }

    public record Decoded(PcmFormat format, byte[] pcm) {}
}
