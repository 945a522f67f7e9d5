package dev.timbre.agent.voice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A speculative turn ({@code speculative_turn}), the one object that owns it on the voice side: started on a stable
 * partial transcript midway through the user's end-of-turn silence, it holds the session's outputs for the client (as
 * callbacks, in order) and the reply's synthesized audio (nothing of it sent, played or recorded) until the final
 * transcript decides: {@link #matches} → {@link #confirm} (the held frames go out, then the audio), else it is dropped
 * and leaves no trace. The session keeps its own marks to retract the turn from its transcript and history.
 *
 * <p>Bounded: past {@link #MAX_HELD} callbacks or {@link #MAX_AUDIO_MS} of audio the turn is spoiled (the audio is
 * dropped) and can only be retracted, so the final transcript starts a fresh reply. {@link Speaking} starts no new
 * sentence while more than {@link Speaking#MAX_AHEAD_MS} is held. The conversation creates and decides it;
 * {@link AgentVoice} fills in the audio. Loop thread only.
 */
final class SpeculativeTurn {
    static final int MAX_HELD = 10_000;
    /** The most audio held; past it the speculation is spoiled. */
    static final long MAX_AUDIO_MS = 60_000;

    /** One held piece of {@code reply}; {@code offset}: where its utterance starts in the reply text. */
    record HeldAudio(AgentReply reply, UtteranceAudio.Piece piece, int offset) {}

    private final String partial;
    private final List<Runnable> frames = new ArrayList<>();
    private final List<HeldAudio> audio = new ArrayList<>();
    private final Set<AgentReply> synthesized = new LinkedHashSet<>();
    private long audioMs;
    private boolean spoiled;
    private boolean audioSpoiled;
    private boolean confirmed;
    /** The voice went idle while holding (everything synthesised): to be reported once the audio is out. */
    private boolean idle;

    SpeculativeTurn(String partialTranscript) { this.partial = partialTranscript; }

    /** True until {@link #confirm}: the session's outputs and the reply's audio are held back. */
    boolean holding() { return !confirmed; }

    /** Keeps a session callback for the client while holding; false (not kept: run it now) once confirmed. */
    boolean hold(Runnable callback) {
        if (confirmed) return false;
        if (frames.size() < MAX_HELD) frames.add(callback);
        else spoiled = true;
        return true;
    }

    /** The final transcript says the same words as the partial the turn started on, and nothing overflowed. */
    boolean matches(String finalTranscript) {
        return !confirmed && !spoiled && !audioSpoiled && comparable(partial).equals(comparable(finalTranscript));
    }

    /**
     * The turn is confirmed: returns the held callbacks, to run in order; from now on the reply is live. The audio
     * held so far waits for {@link AgentVoice#sendHeld}, so the reply's text frames precede its audio.
     */
    List<Runnable> confirm() {
        confirmed = true;
        List<Runnable> out = List.copyOf(frames);
        frames.clear();
        return out;
    }

    // ---- the reply's audio (AgentVoice) ----

    void synthesized(AgentReply reply) { synthesized.add(reply); }

    void add(AgentReply reply, UtteranceAudio.Piece piece, int offset) {
        if (audioSpoiled) return;
        if (audioMs + piece.durationMs() > MAX_AUDIO_MS) {
            audioSpoiled = true;
            audio.clear();
            audioMs = 0;
            return;
        }
        audio.add(new HeldAudio(reply, piece, offset));
        audioMs += piece.durationMs();
    }

    void idle() { idle = true; }

    boolean wentIdle() { return idle; }

    /** Milliseconds of audio held. */
    long audioMs() { return audioMs; }

    boolean audioSpoiled() { return audioSpoiled; }

    /** Replies whose first audio came while holding, in order. */
    Set<AgentReply> synthesizedReplies() { return synthesized; }

    List<HeldAudio> audio() { return audio; }

    private static String comparable(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
