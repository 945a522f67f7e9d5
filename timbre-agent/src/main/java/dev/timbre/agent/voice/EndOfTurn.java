package dev.timbre.agent.voice;

import java.util.Locale;
import java.util.Set;

/**
 * When a silence ends the user's turn ({@code turn.turn_eagerness}): eager 150 ms, normal 250 ms, patient 600 ms. When
 * the recogniser's partial transcript ends in an unfinished phrase ("… and", "… the", "um") or in an opener that
 * people pause after before going on ("hello,", "well,", "okay,", "thank you,"), the patient time applies whatever the
 * eagerness (a recogniser-based endpoint): a lone "thank you" is answered 350 ms later, and "Hello, I would like…" is
 * not answered at its comma. Silero's own tail (32–60 ms after the last loud sample on TTS speech) adds to each.
 * Stateless.
 */
final class EndOfTurn {
    static final int EAGER_MS = 150;
    static final int NORMAL_MS = 250;
    static final int PATIENT_MS = 600;
    private static final Set<String> UNFINISHED = Set.of("and", "but", "or", "the", "a", "an", "to", "um", "uh", "uhm",
            "erm", "er", "so", "because", "of", "with", "for", "if", "that", "my", "your", "in", "on", "at", "like",
            // openers: a pause after them is usually mid-sentence
            "hello", "hi", "hey", "well", "okay", "ok", "alright", "thanks", "actually", "anyway", "also");
    /** Two-word openers, checked on the last two words. */
    private static final Set<String> UNFINISHED_PAIRS = Set.of("thank you", "you know", "i mean", "good morning",
            "good afternoon", "good evening", "excuse me");

    private final int silenceMs;

    EndOfTurn(VoiceSettings.Eagerness eagerness) {
        this.silenceMs = switch (eagerness) {
            case EAGER -> EAGER_MS;
            case NORMAL -> NORMAL_MS;
            case PATIENT -> PATIENT_MS;
        };
    }

    /** Silence after speech (ms) long enough to end the turn, given the partial transcript so far. */
    boolean reached(long silenceMs, String partial) {
        if (silenceMs < this.silenceMs) return false;
        return silenceMs >= PATIENT_MS || !unfinished(partial);
    }

    /** The silence that ends the turn after {@code partial}. */
    long silenceFor(String partial) { return unfinished(partial) ? Math.max(PATIENT_MS, silenceMs) : silenceMs; }

    static boolean unfinished(String text) {
        if (text == null) return false;
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+$", "");
        String[] words = t.strip().split("\\s+");
        String last = words[words.length - 1];
        if (last.isEmpty()) return false;
        if (UNFINISHED.contains(last)) return true;
        return words.length >= 2 && UNFINISHED_PAIRS.contains(words[words.length - 2] + " " + last);
    }
}
