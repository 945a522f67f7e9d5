package dev.timbre.agent.voice;

import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.RecognitionStream;
import dev.timbre.engine.SpeechToText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recogniser for tests: each stream recognises the next scripted text (then ""), as its partial once any audio came
 * and as its final ({@code "partial|final"} scripts both). Records how many bytes each stream got, and its format.
 */
final class ScriptedSpeechToText implements SpeechToText {
    private final ArrayDeque<String> texts = new ArrayDeque<>();
    final List<long[]> bytesPerStream = new ArrayList<>();
    final List<PcmFormat> formats = new ArrayList<>();
    int closed;

    ScriptedSpeechToText(String... texts) { this.texts.addAll(List.of(texts)); }

    @Override public EngineInfo info() {
        return new EngineInfo("scripted", "test", new EngineCapabilities(Set.of("en"), true, false, false));
    }

    @Override public Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode) {
        throw new UnsupportedOperationException();
    }

    @Override public RecognitionStream openStream(PcmFormat format, String languageCode) {
        String script = texts.isEmpty() ? "" : texts.poll();
        String text = script.contains("|") ? script.substring(script.indexOf('|') + 1) : script;
        String partial = script.contains("|") ? script.substring(0, script.indexOf('|')) : script;
        long[] bytes = new long[1];
        bytesPerStream.add(bytes);
        formats.add(format);
        return new RecognitionStream() {
            @Override public void accept(byte[] pcm, int off, int len) { bytes[0] += len; }
            @Override public Transcript partial() { return transcript(bytes[0] > 0 ? partial : ""); }
            @Override public Transcript finish() { return transcript(text); }
            @Override public void close() { closed++; }
        };
    }

    private static Transcript transcript(String text) { return new Transcript(text, "en", 1.0, List.of()); }
}
