package dev.timbre.agent.voice;

import dev.timbre.agent.session.SessionLoop;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.VoiceActivityDetector;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The user's side of turn-taking: 16 kHz samples → VAD frames → speech start (a few voiced frames, with pre-roll
 * kept so recognition hears the first word) → streaming recognition while the user speaks → end of turn after enough
 * silence ({@link EndOfTurn}). Everything about the user's audio is measured in audio time (samples received), so
 * audio sent faster than real time gives the same turns; only the latency anchor ({@code lastVoicedAt}) is loop time.
 * Loop thread only.
 */
final class Listening {
    /** What listening reports, on the loop thread. */
    interface Events {
        /** The user started speaking; false: ignore this utterance (not transcribed). */
        boolean speechStarted();

        /** A throttled VAD probability (about every 250 ms of speech, and at speech start and end). */
        void vadScore(double probability);

        /** The recogniser's hypothesis changed. */
        void tentative(String text);

        /**
         * The user's turn ended; {@code lastVoicedAt} is when the chunk holding its last voiced frame arrived. Returns
         * what receives the final transcript ("" when nothing was recognised).
         */
        Consumer<String> endOfTurn(Instant lastVoicedAt);

        /** Midway through the end-of-turn silence, with a stable partial transcript: the reply may start early. */
        default void speculate(String partial) {}

        /** The user went on speaking after {@link #speculate}: an early reply must be discarded. */
        default void resumed() {}
    }

    static final double VOICED = 0.5;
    static final int START_FRAMES = 3;
    static final int PRE_ROLL_MS = 200;
    static final int REPORT_MS = 250;
    static final int MAX_UTTERANCE_SECONDS = 60;

    private final VoiceActivityDetector vad;
    private final SpeechToText engine;
    private final String language;
    /** The rate the caller's audio arrives at (8000 for a phone call); recognition hears it at that band. */
    private final int sourceRate;
    private final SerialWorker worker;
    private final SessionLoop loop;
    private final EndOfTurn endOfTurn;
    private final Events events;
    private final short[] frame;
    private final int preRollFrames;
    private final int reportFrames;
    private final ArrayDeque<short[]> preRoll = new ArrayDeque<>();
    private int filled;
    private int voicedRun;
    private boolean inSpeech;
    private Recognition recognition;
    private long silenceSamples;
    private long utteranceSamples;
    private int framesSinceReport;
    private String partial = "";
    private Instant lastVoicedAt;
    private boolean closed;
    /** The partial when the current silence began, and whether a partial has come back since. */
    private String partialAtSilence = "";
    private boolean freshPartial;
    private boolean speculated;
    /** Utterance samples when the last tentative transcript went out (-1: none yet in this utterance). */
    private long tentativeAt = -1;

    Listening(VoiceActivityDetector vad, SpeechToText engine, String language, int sourceRate, SerialWorker worker, SessionLoop loop,
              EndOfTurn endOfTurn, Events events) {
        this.vad = vad;
        this.engine = engine;
        this.language = language;
        this.sourceRate = sourceRate;
        this.worker = worker;
        this.loop = loop;
        this.endOfTurn = endOfTurn;
        this.events = events;
        this.frame = new short[vad.frameSamples()];
        int frameMs = Math.max(1, vad.frameSamples() * 1000 / InputAudio.RATE);
        this.preRollFrames = Math.max(START_FRAMES, (PRE_ROLL_MS + frameMs - 1) / frameMs);
        this.reportFrames = Math.max(1, REPORT_MS / frameMs);
    }

    /** True from speech start to the end of the turn. */
    boolean inSpeech() { return inSpeech; }

    /** True while the user speaks an utterance that is being transcribed (not an ignored one). */
    boolean transcribing() { return inSpeech && recognition != null; }

    /** Takes the samples of one arriving chunk. */
    void accept(short[] samples) {
        if (closed) return;
        Instant arrived = loop.now();
        int i = 0;
        while (i < samples.length) {
            int n = Math.min(frame.length - filled, samples.length - i);
            System.arraycopy(samples, i, frame, filled, n);
            filled += n;
            i += n;
            if (filled == frame.length) {
                filled = 0;
                onFrame(frame.clone(), arrived);
            }
        }
    }

    private void onFrame(short[] f, Instant arrived) {
        double p = vad.speechProbability(f);
        boolean voiced = p >= VOICED;
        if (!inSpeech) {
            preRoll.add(f);
            while (preRoll.size() > preRollFrames) preRoll.poll();
            voicedRun = voiced ? voicedRun + 1 : 0;
            if (voicedRun >= START_FRAMES) start(p, arrived);
            return;
        }
        if (recognition != null) recognition.accept(f);
        utteranceSamples += f.length;
        endOfTurn.heard(f, voiced);
        if (voiced) {
            silenceSamples = 0;
            lastVoicedAt = arrived;
            if (speculated) {
                speculated = false;
                events.resumed();
            }
        } else {
            if (silenceSamples == 0 && recognition != null) {
                partialAtSilence = partial;
                freshPartial = false;
            }
            silenceSamples += f.length;
            // the freshest hypothesis for the end-of-turn rules, on every silent frame
            if (recognition != null) askPartial();
        }
        if (++framesSinceReport >= reportFrames) {
            framesSinceReport = 0;
            events.vadScore(p);
            if (recognition != null) askPartial();
        }
        boolean capped = utteranceSamples >= (long) MAX_UTTERANCE_SECONDS * InputAudio.RATE;
        long silenceMs = silenceSamples * 1000 / InputAudio.RATE;
        if (capped || endOfTurn.reached(silenceMs, partial)) {
            end(p);
        } else if (!voiced && !speculated && recognition != null && freshPartial && !partial.isEmpty()
                && partial.equals(partialAtSilence) && 2 * silenceMs >= endOfTurn.silenceFor(partial)) {
            speculated = true;
            events.speculate(partial);
        }
    }

    private void start(double p, Instant arrived) {
        inSpeech = true;
        voicedRun = 0;
        silenceSamples = 0;
        framesSinceReport = 0;
        partial = "";
        tentativeAt = -1;
        lastVoicedAt = arrived;
        endOfTurn.utteranceStarted();
        events.vadScore(p);
        boolean listen = events.speechStarted();
        utteranceSamples = 0;
        if (listen) {
            recognition = new Recognition(engine, language, sourceRate, worker, loop);
            for (short[] f : preRoll) {
                recognition.accept(f);
                utteranceSamples += f.length;
            }
        }
        preRoll.clear();
    }

    private void end(double p) {
        inSpeech = false;
        speculated = false;
        events.vadScore(p);
        Recognition r = recognition;
        recognition = null;
        if (r == null) return;
        r.finish(events.endOfTurn(lastVoicedAt));
    }

    private void askPartial() {
        Recognition r = recognition;
        long speechEnd = silenceSamples > 0 ? utteranceSamples - silenceSamples : -1; // asked in this silence
        r.partial(text -> {
            if (recognition != r) return;
            if (speechEnd >= 0 && silenceSamples > 0 && utteranceSamples - silenceSamples == speechEnd) endOfTurn.hypothesis(text);
            partial(text);
        });
    }

    private void partial(String text) {
        freshPartial = true;
        if (text.equals(partial)) return;
        partial = text;
        if (text.isEmpty()) return;
        if (tentativeAt >= 0 && utteranceSamples - tentativeAt < (long) REPORT_MS * InputAudio.RATE / 1000) return;
        tentativeAt = utteranceSamples;
        events.tentative(text);
    }

    /** Stops listening: drops the utterance in progress and closes the detector. */
    void close() {
        if (closed) return;
        closed = true;
        if (recognition != null) recognition.cancel();
        recognition = null;
        inSpeech = false;
        vad.close();
    }
}
