package dev.timbre.agent.voice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A speculative reply's synthesized audio ({@code speculative_turn}), held back while the turn is undecided: the wire
 * pieces in synthesis order, which responses had their first audio, and whether the voice went idle meanwhile. Nothing
 * here has been sent or played; {@link AgentVoice} sends it all at the release, or discards it.
 *
 * <p>Bounded: {@link Speaking} starts no new sentence while more than {@link Speaking#MAX_AHEAD_MS} is held (those
 * sentences are synthesised after the release); a single sentence that takes the held audio past {@link #MAX_MS}
 * spoils the speculation ({@link #spoiled}): its audio is dropped, and the turn can only be retracted, so the final
 * transcript starts a fresh reply. Loop thread only.
 */
final class HeldSpeech {
    /** The most audio held; past it the speculation is spoiled. */
    static final long MAX_MS = 60_000;

    /** One held piece of response {@code eventId}; {@code offset}: where its utterance starts in the response text. */
    record Held(int eventId, UtteranceAudio.Piece piece, int offset) {}

    private final List<Held> pieces = new ArrayList<>();
    private final Set<Integer> synthesized = new LinkedHashSet<>();
    private long ms;
    private boolean spoiled;
    /** The voice went idle while holding (everything synthesised): to be reported once the audio is out. */
    boolean idle;

    void synthesized(int eventId) { synthesized.add(eventId); }

    void add(int eventId, UtteranceAudio.Piece piece, int offset) {
        if (spoiled) return;
        if (ms + piece.durationMs() > MAX_MS) {
            spoiled = true;
            pieces.clear();
            ms = 0;
            return;
        }
        pieces.add(new Held(eventId, piece, offset));
        ms += piece.durationMs();
    }

    /** Milliseconds of audio held. */
    long ms() { return ms; }

    boolean spoiled() { return spoiled; }

    /** Responses whose first audio came while holding, in order. */
    Set<Integer> synthesizedEvents() { return synthesized; }

    List<Held> pieces() { return pieces; }
}
