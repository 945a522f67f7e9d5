package dev.timbre.agent.voice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Test voices at 16 kHz: synthetic glides (a fundamental and its harmonics, the pitch moving linearly from one
 * frequency to another, as a voice does) and recorded speech ({@code intonation/*.pcm}: the last 400 ms before a pause
 * or the end of "I would like a coffee, with some milk please." in espeak-ng, flite's rms voice and MaryTTS
 * cmu-slt-hsmm, s16le, made with their command lines / the engine and resampled to 16 kHz).
 */
final class Voices {
    private Voices() {}

    /** {@code ms} of a voice-like tone (fundamental and four harmonics, amplitude 8000) gliding {@code fromHz} → {@code toHz}. */
    static short[] glide(int ms, double fromHz, double toHz) {
        short[] s = new short[16 * ms];
        double phase = 0;
        for (int i = 0; i < s.length; i++) {
            double f = fromHz + (toHz - fromHz) * i / s.length;
            phase += 2 * Math.PI * f / 16000;
            double v = 0;
            for (int h = 1; h <= 5; h++) v += Math.sin(h * phase) / h;
            s[i] = (short) (8000 * v / 2.3);
        }
        return s;
    }

    /** A recorded speech tail from the test resources ({@code intonation/<name>.pcm}). */
    static short[] recorded(String name) {
        try (InputStream in = Voices.class.getResourceAsStream("intonation/" + name + ".pcm")) {
            if (in == null) throw new IllegalArgumentException("no test recording " + name);
            byte[] b = in.readAllBytes();
            short[] s = new short[b.length / 2];
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code samples} cut into 512-sample VAD frames (the last partial frame dropped). */
    static short[][] frames(short[] samples) {
        short[][] out = new short[samples.length / 512][];
        for (int i = 0; i < out.length; i++) out[i] = java.util.Arrays.copyOfRange(samples, i * 512, (i + 1) * 512);
        return out;
    }
}
