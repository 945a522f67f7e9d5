package dev.timbre.agent.voice;

/**
 * When a silence ends the user's turn ({@code turn.turn_eagerness}), from what the words and the voice say:
 * <ul>
 * <li>finished — the recogniser's hypothesis is stable (the last two asked after the speech ended agree) and ends in a
 *     word a sentence can end on ({@link SentenceEnd#COMPLETE}), and the voice fell at the end ({@link Intonation}):
 *     an eager turn ends after the quick silence, 64 ms. Normal and patient turns keep their time: with the quick
 *     silence (96 ms) the voice bench's mid-sentence pauses of 300–500 ms drew more early replies than the plain
 *     250 ms (MaryTTS's and flite's voices fall at a comma as at a full stop), so they wait for a better cue;
 * <li>unfinished — the hypothesis ends in an unfinished phrase ("… and", "… the", "um", "… my number is") or an opener
 *     people pause after ("hello,", "thank you,"): the patient time, 600 ms, whatever the eagerness, so "Hello, I would
 *     like…" is not answered at its comma;
 * <li>otherwise the eagerness's silence: eager 150 ms, normal 250 ms, patient 600 ms.
 * </ul>
 * Silero's own tail (32–60 ms after the last loud sample on TTS speech) adds to each, and the decision is taken on a
 * VAD frame (32 ms), so the quick path ends an eager turn 64–96 ms after the last voiced frame. The quick path needs the
 * hypotheses back in time: with audio sent faster than real time, or a recogniser behind, the eagerness's time applies.
 *
 * <p>One per conversation, fed by {@link Listening}: {@link #utteranceStarted}, every frame of the utterance
 * ({@link #heard}), every hypothesis asked during its silence ({@link #hypothesis}). Loop thread only.
 */
final class EndOfTurn {
    static final int EAGER_MS = 150;
    static final int NORMAL_MS = 250;
    static final int PATIENT_MS = 600;
    static final int EAGER_QUICK_MS = 64;

    private final int silenceMs;
    /** Whether the quick silence applies (eager turns only, see above); only then is the voice tracked. */
    private final boolean quick;
    private final Intonation intonation = new Intonation();
    /** The latest hypothesis asked after the speech ended (null: none yet in this silence), and whether it repeated. */
    private String hypothesis;
    private boolean stable;

    EndOfTurn(VoiceSettings.Eagerness eagerness) {
        this.silenceMs = switch (eagerness) {
            case EAGER -> EAGER_MS;
            case NORMAL -> NORMAL_MS;
            case PATIENT -> PATIENT_MS;
        };
        this.quick = eagerness == VoiceSettings.Eagerness.EAGER;
    }

    /** A new utterance: what was heard before is forgotten. */
    void utteranceStarted() {
        intonation.reset();
        hypothesis = null;
        stable = false;
    }

    /** One VAD frame of the utterance (16 kHz); voiced frames feed the intonation and end the current silence. */
    void heard(short[] frame, boolean voiced) {
        if (!voiced) return;
        if (quick) intonation.heard(frame);
        hypothesis = null;
        stable = false;
    }

    /** The recogniser's hypothesis over all the speech, asked during the current silence (answers in order). */
    void hypothesis(String text) {
        stable = text.equals(hypothesis);
        hypothesis = text;
    }

    /** Silence after speech (ms) long enough to end the turn, given the partial transcript so far. */
    boolean reached(long silenceMs, String partial) {
        if (silenceMs >= silenceFor(partial)) return true;
        return quick && silenceMs >= EAGER_QUICK_MS && SentenceEnd.of(partial) == SentenceEnd.COMPLETE && stable
                && partial.equals(hypothesis) && intonation.falling();
    }

    /** The silence that ends the turn after {@code partial} when the voice does not say it is finished. */
    long silenceFor(String partial) { return unfinished(partial) ? Math.max(PATIENT_MS, silenceMs) : silenceMs; }

    static boolean unfinished(String text) { return SentenceEnd.of(text) == SentenceEnd.UNFINISHED; }
}
