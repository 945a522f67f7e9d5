package dev.timbre.texttospeech;

import dev.timbre.voices.VoiceSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The text buffer of one context (the single socket has one): text is added as it arrives and taken out in pieces to
 * generate, following the chunk length schedule (the n-th generation waits for {@code schedule[n]} characters, the
 * last entry repeating), unless a trigger, flush or auto mode takes it earlier. Voice settings and schedule are fixed
 * by the context's first message.
 *
 * <p>Linear in the text received: {@link #add} scans only the new characters and remembers where the last word and
 * the last sentence end, so a long run without whitespace is not rescanned on every message. The buffer is bounded:
 * once it holds {@link #MAX_BUFFERED} characters, the schedule or auto mode releases it at its last word end, or at
 * the bound when it has none (a whitespace-free run is spoken in pieces of that size). Not thread-safe: used by the
 * thread that receives the socket's messages.
 */
final class StreamInputContext {
    static final List<Integer> DEFAULT_SCHEDULE = List.of(120, 160, 250, 290);
    /** The most characters a context holds before it must generate; within every model's per-request limit. */
    static final int MAX_BUFFERED = 5_000;

    final String id;
    final VoiceSettings voiceSettings;
    /** The pronunciation dictionaries of the context's first message; null for none. */
    final List<TextToSpeechRequest.PronunciationDictionaryLocator> locators;
    private final List<Integer> schedule;
    private final StringBuilder buffer = new StringBuilder();
    private int generations;
    /** Just after the buffer's last whitespace, or 0: where a piece of whole words ends. */
    private int wordEnd;
    /** Just after the last sentence end ('.', '!', '?' or ';' followed by whitespace), or 0. */
    private int sentenceEnd;
    /** The index of the last non-whitespace character, or -1 when the buffer is blank. */
    private int lastVisible = -1;

    StreamInputContext(String id, VoiceSettings voiceSettings, List<Integer> schedule,
                       List<TextToSpeechRequest.PronunciationDictionaryLocator> locators) {
        this.id = id;
        this.voiceSettings = voiceSettings;
        this.locators = locators;
        this.schedule = schedule == null ? DEFAULT_SCHEDULE : schedule;
    }

    /** Buffers {@code text}; whitespace alone does not start a buffer (the initial message's " "). */
    void add(String text) {
        if (text == null || buffer.length() == 0 && text.isBlank()) return;
        int from = buffer.length();
        buffer.append(text);
        for (int i = from; i < buffer.length(); i++) {
            char c = buffer.charAt(i);
            if (!Character.isWhitespace(c)) {
                lastVisible = i;
                continue;
            }
            wordEnd = i + 1;
            if (i > 0 && isSentencePunctuation(buffer.charAt(i - 1))) sentenceEnd = i + 1;
        }
    }

    /** The pieces the schedule releases now: whole words, each at least the threshold it waited for. */
    List<String> scheduled() {
        List<String> out = new ArrayList<>();
        while (buffer.length() >= threshold() && wordEnd >= threshold()) out.add(take(wordEnd));
        overflow(out);
        return out;
    }

    /** Auto mode: everything up to the last completed sentence. */
    List<String> sentences() {
        List<String> out = new ArrayList<>();
        if (sentenceEnd > 0) out.add(take(sentenceEnd));
        overflow(out);
        return out;
    }

    /** Flush, try-trigger and the end of the stream: the whole buffer, if it holds anything to say. */
    List<String> all() {
        if (lastVisible < 0) {
            discard();
            return List.of();
        }
        return List.of(take(buffer.length()));
    }

    /** Drops what was not generated yet (a closed context generates nothing more). */
    void discard() {
        buffer.setLength(0);
        wordEnd = 0;
        sentenceEnd = 0;
        lastVisible = -1;
    }

    /** Characters held now (at most {@link #MAX_BUFFERED} after {@link #scheduled} or {@link #sentences}). */
    int buffered() {
        return buffer.length();
    }

    /** Releases pieces while the buffer is at the bound: up to the last word end when there is one, else the bound. */
    private void overflow(List<String> out) {
        while (buffer.length() >= MAX_BUFFERED) {
            int cut = wordEnd > 0 && wordEnd <= MAX_BUFFERED ? wordEnd : MAX_BUFFERED;
            out.add(take(cut));
        }
    }

    private static boolean isSentencePunctuation(char c) {
        return c == '.' || c == '!' || c == '?' || c == ';';
    }

    private int threshold() {
        return schedule.get(Math.min(generations, schedule.size() - 1));
    }

    private String take(int n) {
        String piece = buffer.substring(0, n);
        buffer.delete(0, n);
        wordEnd = Math.max(0, wordEnd - n);
        sentenceEnd = Math.max(0, sentenceEnd - n);
        lastVisible = Math.max(-1, lastVisible - n);
        generations++;
        return piece;
    }
}
