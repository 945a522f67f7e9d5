package dev.timbre.agent.voice;

import java.util.Locale;
import java.util.Set;

/**
 * When a silence ends the user's turn ({@code turn.turn_eagerness}): eager 150 ms, normal 250 ms, patient 600 ms. When
 * the recogniser's partial transcript ends in an unfinished phrase ("… and", "… the", "um"), the patient time applies
 * whatever the eagerness (a recogniser-based endpoint). Stateless.
 */
final class EndOfTurn {
    static final int EAGER_MS = 150;
    static final int NORMAL_MS = 250;
    static final int PATIENT_MS = 600;
    private static final Set<String> UNFINISHED = Set.of("and", "but", "or", "the", "a", "an", "to", "um", "uh", "uhm",
            "erm", "er", "so", "because", "of", "with", "for", "if", "that", "my", "your", "in", "on", "at", "like");

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
        int space = t.lastIndexOf(' ');
        String last = space < 0 ? t : t.substring(space + 1);
        return !last.isEmpty() && UNFINISHED.contains(last);
    }
}
