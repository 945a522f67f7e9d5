package dev.timbre.voices;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;

/**
 * Small audio files for voice tests: a WAV or MP3 tone of a given pitch and length, in 250 ms bursts with 100 ms
 * pauses (like syllables: a steady tone with no pause holds no detectable speech, and clones are refused without it).
 */
final class VoiceAudio {
    private VoiceAudio() {}

    static byte[] pcm(double hz, double seconds) {
        int rate = 16000, n = (int) (seconds * rate);
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            boolean pause = i % (rate * 35 / 100) >= rate * 25 / 100;
            s[i] = pause ? 0 : (short) (6000 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return Pcm.toBytes(s);
    }

    static byte[] wav(double hz, double seconds) {
        return Wav.wrap(pcm(hz, seconds), new PcmFormat(16000));
    }

    static byte[] mp3(double hz, double seconds) {
        return AudioEncoder.encodeAll(pcm(hz, seconds), 16000, OutputFormat.parse("mp3_44100_128").orElseThrow());
    }
}
