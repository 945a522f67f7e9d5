package dev.timbre.agent.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A speculative turn's session callbacks ({@code speculative_turn}), held from the moment the session starts on a
 * partial transcript until the final transcript decides: {@link #release} when it {@link #matches}, {@link #drop}
 * otherwise. Bounded: past {@link #MAX_HELD} callbacks the reply is spoiled and can only be dropped. Loop thread only.
 */
final class HeldReply {
    static final int MAX_HELD = 10_000;

    private final List<Runnable> held = new ArrayList<>();
    private String partial;
    private boolean spoiled;

    boolean active() { return partial != null; }

    void start(String partialTranscript) {
        partial = partialTranscript;
        held.clear();
        spoiled = false;
    }

    /** Keeps {@code callback} while a speculative turn is active; false (not kept) otherwise. */
    boolean hold(Runnable callback) {
        if (partial == null) return false;
        if (held.size() < MAX_HELD) held.add(callback);
        else spoiled = true;
        return true;
    }

    /** The final transcript says the same words as the partial the turn started on. */
    boolean matches(String finalTranscript) {
        return partial != null && !spoiled && comparable(partial).equals(comparable(finalTranscript));
    }

    /** Ends holding; returns the held callbacks, to run in order. */
    List<Runnable> release() {
        List<Runnable> out = List.copyOf(held);
        drop();
        return out;
    }

    void drop() {
        partial = null;
        held.clear();
    }

    private static String comparable(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
