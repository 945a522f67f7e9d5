package dev.timbre.agent.voice;

import dev.timbre.agent.session.SpokenChars;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's voice for tests: {@link #msPerChar} ms of tone per character at {@link #rate}, {@link #charsPerChunk}
 * characters per audio chunk, evenly aligned. Answers synchronously inside {@code speak} unless {@link #hold} is set
 * (then {@link #releaseAll} produces the held utterances).
 */
final class ToneSpeech implements AgentSpeech {
    final int rate;
    final int msPerChar;
    final int charsPerChunk;
    final List<String> spoken = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Runnable> held = new ArrayList<>();
    int cancelled;
    boolean hold;
    /** Each utterance on its own thread (as real engines do) instead of inside {@code speak}. */
    boolean threaded;

    ToneSpeech(int rate, int msPerChar, int charsPerChunk) {
        this.rate = rate;
        this.msPerChar = msPerChar;
        this.charsPerChunk = charsPerChunk;
    }

    @Override public Utterance speak(String text, Listener listener) {
        spoken.add(text);
        boolean[] stopped = new boolean[1];
        Runnable run = () -> {
            for (int i = 0; i < text.length() && !stopped[0]; i += charsPerChunk) {
                String part = text.substring(i, Math.min(text.length(), i + charsPerChunk));
                listener.audio(new PcmFormat(rate), tone(part.length() * msPerChar), chars(part));
            }
            if (!stopped[0]) listener.done();
        };
        if (hold) held.add(run);
        else if (threaded) new Thread(run, "tone-speech").start();
        else run.run();
        return () -> {
            if (!stopped[0]) cancelled++;
            stopped[0] = true;
        };
    }

    void releaseAll() {
        List<Runnable> r = List.copyOf(held);
        held.clear();
        r.forEach(Runnable::run);
    }

    private SpokenChars chars(String part) {
        List<String> cs = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> durations = new ArrayList<>();
        for (int i = 0; i < part.length(); i++) {
            cs.add(String.valueOf(part.charAt(i)));
            starts.add(i * msPerChar);
            durations.add(msPerChar);
        }
        return new SpokenChars(cs, starts, durations);
    }

    private byte[] tone(int ms) {
        short[] s = new short[rate * ms / 1000];
        for (int i = 0; i < s.length; i++) s[i] = (short) (3000 * Math.sin(2 * Math.PI * 440 * i / rate));
        return Pcm.toBytes(s);
    }
}
