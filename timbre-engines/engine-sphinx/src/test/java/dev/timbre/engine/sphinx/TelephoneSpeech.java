package dev.timbre.engine.sphinx;

import dev.timbre.audio.G711;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.Resampler;
import dev.timbre.audio.Wav;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A speaker Timbre did not make (flite, a Debian package CI installs) heard over the phone: 16 kHz speech band-limited
 * to 300–3400 Hz, resampled to 8 kHz and passed through G.711 µ-law, as a caller's PCMU audio arrives.
 */
final class TelephoneSpeech {
    private TelephoneSpeech() {}

    static boolean fliteInstalled() {
        try {
            Process p = new ProcessBuilder("flite", "-lv").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** flite's speech of {@code text} in {@code voice}, 16 kHz s16le. */
    static byte[] flite16k(String voice, String text) throws IOException, InterruptedException {
        Path wav = Files.createTempFile("flite", ".wav");
        try {
            Process p = new ProcessBuilder("flite", "-voice", voice, "-t", text, "-o", wav.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("flite failed");
            Wav.Decoded d = Wav.read(Files.readAllBytes(wav));
            return Resampler.resampleAll(d.pcm(), d.format().sampleRate(), 16000);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    /** 16 kHz speech → what the far end of a phone call decodes: 8 kHz s16le, 300–3400 Hz, µ-law quantised. */
    static byte[] phone8k(byte[] pcm16k) {
        short[] band = bandPass(Pcm.toSamples(pcm16k, 0, pcm16k.length - pcm16k.length % 2), 16000, 300, 3400);
        byte[] pcm8k = Resampler.resampleAll(Pcm.toBytes(band), 16000, 8000);
        return G711.ulawDecode(G711.ulaw(pcm8k));
    }

    /** Linear-phase windowed-sinc band-pass (511 taps, Blackman), zero-phase: delay removed. */
    static short[] bandPass(short[] x, int rate, double low, double high) {
        int taps = 511, mid = taps / 2;
        double[] h = new double[taps];
        for (int i = 0; i < taps; i++) {
            int n = i - mid;
            double lp = n == 0 ? 2 * (high - low) / rate
                    : (Math.sin(2 * Math.PI * high * n / rate) - Math.sin(2 * Math.PI * low * n / rate)) / (Math.PI * n);
            double w = 0.42 - 0.5 * Math.cos(2 * Math.PI * i / (taps - 1)) + 0.08 * Math.cos(4 * Math.PI * i / (taps - 1));
            h[i] = lp * w;
        }
        short[] y = new short[x.length];
        for (int t = 0; t < x.length; t++) {
            double acc = 0;
            for (int i = 0; i < taps; i++) {
                int k = t + mid - i;
                if (k >= 0 && k < x.length) acc += h[i] * x[k];
            }
            y[t] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(acc)));
        }
        return y;
    }
}
