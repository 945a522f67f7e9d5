package dev.timbre.speechtotext;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Test audio the fake recogniser understands: each tone is a word (one per 0.3 s), 0.2 s of silence around each. */
final class SpeechAudio {
    static final int RATE = 16000;

    private SpeechAudio() {}

    static byte[] pcm(double... tones) {
        int total = (int) (0.2 * RATE);
        for (double t : tones) total += (int) (t * RATE) + (int) (0.2 * RATE);
        short[] out = new short[total];
        int pos = (int) (0.2 * RATE);
        for (double t : tones) {
            int n = (int) (t * RATE);
            for (int i = 0; i < n; i++) out[pos + i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / RATE));
            pos += n + (int) (0.2 * RATE);
        }
        return Pcm.toBytes(out);
    }

    static byte[] wav(double... tones) {
        return Wav.wrap(pcm(tones), new PcmFormat(RATE));
    }

    /** A 16-bit WAV with one channel per {@code pcm}, shorter ones padded with silence. */
    static byte[] multichannelWav(byte[]... channels) {
        int frames = 0;
        for (byte[] c : channels) frames = Math.max(frames, c.length / 2);
        int n = channels.length, data = frames * 2 * n;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + data).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) n).putInt(RATE).putInt(RATE * 2 * n)
                .putShort((short) (2 * n)).putShort((short) 16);
        b.putInt(0x61746164).putInt(data);
        for (int i = 0; i < frames; i++) {
            for (byte[] c : channels) {
                if (2 * i + 1 < c.length) b.put(c[2 * i]).put(c[2 * i + 1]);
                else b.putShort((short) 0);
            }
        }
        return b.array();
    }
}
