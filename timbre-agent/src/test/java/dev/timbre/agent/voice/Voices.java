package dev.timbre.agent.voice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Recorded test voices at 16 kHz (synthetic glides are {@link dev.timbre.audio.VoiceLikeTone}, timbre-core's test
 * jar): {@code intonation/*.pcm}, the last 400 ms before a pause or the end of "I would like a coffee, with some
 * milk please." in espeak-ng, flite's rms voice and MaryTTS cmu-slt-hsmm, s16le, made with their command lines / the engine and resampled to 16 kHz).
 */
final class Voices {
    private Voices() {}

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
