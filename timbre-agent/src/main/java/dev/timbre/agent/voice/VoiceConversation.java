package dev.timbre.agent.voice;

import dev.timbre.agent.session.AgentDirectory;
import dev.timbre.agent.session.Conversation;
import dev.timbre.agent.session.ConversationSession;
import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.SessionConfig;
import dev.timbre.agent.session.SessionEnd;
import dev.timbre.agent.session.SessionListener;
import dev.timbre.agent.session.SessionLoop;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A voice conversation: user audio in ({@link InputAudio}) → {@link Listening} (VAD, streaming recognition, end of
 * turn) → the final transcript as a {@link Frame.UserText} (medium {@code audio}) to the wrapped text
 * {@link ConversationSession} → its replies spoken sentence by sentence ({@link Speaking}) as {@link Frame.AgentAudio}
 * → {@link Playback} (what the user has heard) → barge-in, turn timers ({@link VoiceTimers}) and per-turn latency
 * ({@link TurnMeter}). It is the session's listener: every session frame is forwarded to the outer listener, agent
 * text is also spoken. With {@code speculative_turn} the session starts on a stable partial transcript midway through
 * the end-of-turn silence; its outputs are held and released if the final transcript matches, else retracted.
 *
 * <p>Threading: the public methods are thread-safe and post to the session's {@link SessionLoop}; everything else runs
 * on that loop. Recognition runs on a serial worker (the loop's blocking pool), speech on the engine's threads; both
 * post back. When the session ends on its own (end_call, timeouts, LLM error) the agent finishes speaking what it
 * said (at most {@link #FINAL_SPEECH_LIMIT}) before the outer listener hears {@link SessionListener#ended}; a client
 * that left or a transport failure ends at once. {@code asr.keywords} are not passed on: the recognition SPI has no
 * place for them yet.
 */
public final class VoiceConversation implements Conversation {
    static final Duration FINAL_SPEECH_LIMIT = Duration.ofSeconds(30);
    /** User audio kept before the call starts; more is dropped. */
    static final int EARLY_AUDIO_SECONDS = 10;

    private final VoiceSettings voice;
    private final SessionLoop loop;
    private final SessionListener outer;
    private final ConversationSession session;
    private final InputAudio input;
    private final Listening listening;
    private final Speaking speaking;
    private final Playback playback;
    private final VoiceTimers timers;
    private final List<byte[]> early = new ArrayList<>();
    private int earlyBytes;
    private long epochMs;
    private boolean started;
    /** True while audio that arrived before the start is replayed: it predates the agent's speech, so never barges in. */
    private boolean replayingEarly;
    private boolean inputClosed;
    private boolean clientGone;
    private boolean closed;
    private SessionEnd pendingEnd;
    private int firstMessageEventId;
    private boolean fillerPending;
    private TurnMeter meter;
    /** A speculative turn's session outputs, held until the final transcript. */
    private final HeldReply held = new HeldReply();

    public VoiceConversation(SessionConfig config, VoiceSettings voice, VoiceEngines engines, SessionLoop loop,
                             SessionListener listener, ToolRunner runner, AgentDirectory directory) {
        this(config, voice, engines, loop, listener, runner, directory, loop::executeBlocking);
    }

    /** As the public constructor, with recognition run on {@code recognitionExecutor} (tests: the calling thread). */
    VoiceConversation(SessionConfig config, VoiceSettings voice, VoiceEngines engines, SessionLoop loop,
                      SessionListener listener, ToolRunner runner, AgentDirectory directory, Executor recognitionExecutor) {
        this.voice = voice == null ? VoiceSettings.defaults() : voice;
        this.loop = loop;
        this.outer = listener;
        this.session = new ConversationSession(config, loop, new SessionSide(), runner, directory);
        session.keepLoopAfterEnd();
        this.input = new InputAudio(this.voice.input());
        this.playback = new Playback((pcm, startMs) -> outer.recordedAgentAudio(pcm, startMs - epochMs));
        this.speaking = new Speaking(engines.speech(), this.voice.output(), loop, new SpeechSide());
        this.listening = new Listening(engines.vad().get(), engines.speechToText(), this.voice.languageCode(),
                new SerialWorker(recognitionExecutor), loop, new EndOfTurn(this.voice.eagerness()), new ListeningSide());
        this.timers = new VoiceTimers(loop, this.voice, session);
    }

    @Override
    public void start(Duration delay) {
        Duration d = delay == null || delay.isNegative() ? Duration.ZERO : delay;
        loop.execute(() -> epochMs = loop.now().toEpochMilli() + d.toMillis());
        session.start(d);
        if (d.isZero()) loop.execute(this::begin);
        else loop.schedule(d, this::begin);
    }

    @Override
    public void receive(Frame.Input in) {
        if (in instanceof Frame.UserAudio a) {
            loop.execute(() -> audio(a.audio()));
            return;
        }
        if (in instanceof Frame.UserText t) {
            loop.execute(() -> typed(t));
            return;
        }
        if (in instanceof Frame.UserActivity) loop.execute(() -> timers.userActive(speaking.busy()));
        session.receive(in);
    }

    @Override
    public void hangUp(String reason, int closeCode) {
        loop.execute(this::clientLeft);
        session.hangUp(reason, closeCode);
    }

    @Override
    public void fail(int code, String errorType, String message) {
        loop.execute(this::clientLeft);
        session.fail(code, errorType, message);
    }

    /** The transport is gone: no more waiting for the agent's last words. */
    private void clientLeft() {
        clientGone = true;
        if (pendingEnd != null) close(pendingEnd);
    }

    /** Runs after the session's own start (the first message is already on its way). */
    private void begin() {
        if (started || closed) return;
        started = true;
        List<byte[]> queued = List.copyOf(early);
        early.clear();
        replayingEarly = true;
        try {
            for (byte[] chunk : queued) audio(chunk);
        } finally {
            replayingEarly = false;
        }
    }

    private void audio(byte[] bytes) {
        if (inputClosed || closed || bytes == null) return;
        if (!started) {
            if (earlyBytes + bytes.length <= EARLY_AUDIO_SECONDS * voice.input().bytesPerSecond()) {
                early.add(bytes);
                earlyBytes += bytes.length;
            }
            return;
        }
        short[] samples = input.decode(bytes);
        long now = nowMs();
        playback.release(now);
        if (samples.length == 0) return;
        outer.recordedUserAudio(samples, now - epochMs);
        listening.accept(samples);
    }

    private long nowMs() { return loop.now().toEpochMilli(); }

    /**
     * A typed {@code user_message}: it barges in like speech (audio stopped, {@link Frame.Interruption}, cuts to what
     * was heard) when interruptions are on, then goes to the session, which posts after the cuts. A speculative reply
     * is retracted first, so it cannot swallow the typed message.
     */
    private void typed(Frame.UserText t) {
        if (!closed && started && t.text() != null && !t.text().isBlank()) {
            retractSpeculation();
            timers.userSpeaking();
            long now = nowMs();
            if ((playback.audible(now) || speaking.busy()) && mayInterrupt(now)) bargeIn();
        }
        session.receive(t);
    }

    /** Whether the user may cut the agent off now: interruptions on, and not during an uninterruptible first message. */
    private boolean mayInterrupt(long now) {
        if (!voice.interruptions()) return false;
        return voice.firstMessageInterruptible() || firstMessageEventId == 0
                || !(playback.audibleEvents(now).contains(firstMessageEventId) || speaking.pendingEvents().contains(firstMessageEventId));
    }

    /** The user started speaking over the agent: stop everything it is saying and tell the session what was heard. */
    private void bargeIn() {
        long now = nowMs();
        TreeSet<Integer> affected = playback.audibleEvents(now);
        affected.addAll(speaking.pendingEvents());
        List<Frame.PlaybackCut> cuts = new ArrayList<>();
        for (int id : affected) {
            String heard = speaking.heard(id, playback.heardOffset(id, now));
            if (heard != null) cuts.add(new Frame.PlaybackCut(id, heard));
        }
        speaking.cutAll();
        playback.cut(now);
        if (!affected.isEmpty()) outer.send(new Frame.Interruption(affected.last()));
        for (Frame.PlaybackCut c : cuts) session.receive(c);
    }

    private void finishTurnMeasure(TurnMeter m) {
        if (m == null || m.reported) return;
        m.reported = true;
        outer.turnMeasured(m.latency());
        if (m.eventId > 0) session.voice().attachTurnMetrics(m.eventId, m.metrics());
    }

    private void finalTranscript(TurnMeter m, String text) {
        if (closed || inputClosed) return;
        m.transcriptFinal(loop.now());
        if (held.matches(text)) {
            confirmSpeculation(m, text);
            return;
        }
        retractSpeculation();
        if (text.isBlank()) {
            if (meter == m) meter = null;
            if (!speaking.busy()) timers.agentIdle(playback.aheadMs(nowMs()));
            return;
        }
        outer.send(new Frame.UserTranscript(text));
        m.awaitingReply = true;
        session.receive(new Frame.UserText(text, "audio"));
        timers.userTurnEnded(() -> meter == m && !m.hasLlmOutput(), this::sayFiller);
    }

    private void confirmSpeculation(TurnMeter m, String text) {
        outer.send(new Frame.UserTranscript(text));
        m.awaitingReply = true;
        held.release().forEach(Runnable::run);
        session.voice().confirmSpeculation();
        timers.userTurnEnded(() -> meter == m && !m.hasLlmOutput(), this::sayFiller);
    }

    /** The user went on (or said something else): the early reply is dropped and leaves no trace. */
    private void retractSpeculation() {
        if (!held.active()) return;
        held.drop();
        session.voice().retractSpeculation();
    }

    private void sayFiller(String text) {
        fillerPending = true;
        try {
            session.voice().speakFiller(text);
        } finally {
            fillerPending = false;
        }
    }

    private void close(SessionEnd end) {
        if (closed) return;
        closed = true;
        inputClosed = true;
        timers.cancelAll();
        speaking.close();
        listening.close();
        // a client that left plays nothing more: only what it heard is recorded
        if (clientGone) playback.cut(nowMs());
        else playback.releaseAll();
        finishTurnMeasure(meter);
        try {
            outer.ended(end);
        } finally {
            loop.shutdown();
        }
    }

    /** The user side: what {@link Listening} reports. */
    private final class ListeningSide implements Listening.Events {
        @Override public boolean speechStarted() {
            timers.userSpeaking();
            session.receive(new Frame.UserActivity());
            long now = nowMs();
            if (replayingEarly || !playback.audible(now) && !speaking.busy()) return true;
            if (!mayInterrupt(now)) return false;
            bargeIn();
            return true;
        }

        @Override public void vadScore(double probability) { outer.send(new Frame.VadScore(probability)); }

        @Override public void tentative(String text) { outer.send(new Frame.TentativeUserTranscript(text)); }

        @Override public void speculate(String partial) {
            if (!voice.speculativeTurn() || held.active() || speaking.busy() || playback.audible(nowMs())) return;
            held.start(partial);
            if (!session.voice().speculate(partial)) held.drop();
        }

        @Override public void resumed() { retractSpeculation(); }

        @Override public Consumer<String> endOfTurn(Instant lastVoicedAt) {
            finishTurnMeasure(meter);
            TurnMeter m = new TurnMeter(lastVoicedAt);
            m.vadEnd(loop.now());
            meter = m;
            return text -> finalTranscript(m, text);
        }
    }

    /** The agent side: what {@link Speaking} produces. */
    private final class SpeechSide implements Speaking.Output {
        @Override public void synthesized(int eventId) {
            if (meter != null && meter.eventId == eventId) meter.ttsFirstAudio(loop.now());
        }

        @Override public void piece(int eventId, UtteranceAudio.Piece piece, int offset) {
            long now = nowMs();
            timers.agentSpeaking();
            long start = playback.sent(eventId, now, piece.durationMs(), piece.pcm16k());
            SpokenChars a = piece.alignment();
            for (int k = 0; k < a.chars().size(); k++) {
                playback.character(eventId, start + a.startMs().get(k), offset + piece.firstChar() + k + 1);
            }
            outer.send(new Frame.AgentAudio(eventId, piece.wire(), a));
            if (meter != null && meter.eventId == eventId) {
                meter.firstAudioSent(loop.now());
                finishTurnMeasure(meter);
            }
        }

        @Override public void idle() {
            long ahead = playback.aheadMs(nowMs());
            if (pendingEnd != null) {
                SessionEnd end = pendingEnd;
                loop.schedule(Duration.ofMillis(ahead), () -> close(end));
            } else {
                timers.agentIdle(ahead);
            }
        }

        @Override public long aheadMs() { return playback.aheadMs(nowMs()); }
    }

    /** What the text session produces: forwarded to the outer listener; agent text is spoken too. */
    private final class SessionSide implements SessionListener {
        @Override public void send(Frame.Output frame) {
            if (!held.hold(() -> send(frame))) forward(frame);
        }

        private void forward(Frame.Output frame) {
            outer.send(frame);
            if (closed) return;
            if (frame instanceof Frame.ResponsePart p) {
                switch (p.type()) {
                    case START -> {
                        replyStarted(p.eventId());
                        speaking.begin(p.eventId());
                        // a reply that starts while the user is talking again is interrupted at once
                        if (listening.transcribing() && voice.interruptions()) bargeIn();
                    }
                    case DELTA -> speaking.delta(p.eventId(), p.text());
                    case STOP -> speaking.end(p.eventId());
                }
            } else if (frame instanceof Frame.AgentResponse r && !speaking.isStreamed(r.eventId())) {
                if (!started && firstMessageEventId == 0) firstMessageEventId = r.eventId();
                if (!fillerPending) replyStarted(r.eventId());
                speaking.whole(r.eventId(), r.text());
            }
        }

        private void replyStarted(int eventId) {
            if (meter != null && meter.awaitingReply && meter.eventId == 0) meter.eventId = eventId;
        }

        @Override public void transcriptUpdated(List<TranscriptEntry> transcript) {
            if (!held.hold(() -> transcriptUpdated(transcript))) outer.transcriptUpdated(transcript);
        }

        @Override public void llmFirstOutput(long requestedNanos, long firstOutputNanos) {
            if (held.hold(() -> llmFirstOutput(requestedNanos, firstOutputNanos))) return;
            outer.llmFirstOutput(requestedNanos, firstOutputNanos);
            if (meter != null && meter.awaitingReply) meter.llmFirstOutput(loop.now());
        }

        @Override public void ended(SessionEnd end) {
            // a speculative turn ended the call (an LLM error): say what it said
            if (held.active()) held.release().forEach(Runnable::run);
            inputClosed = true;
            timers.cancelAll();
            listening.close();
            boolean quiet = !speaking.busy() && !playback.audible(nowMs());
            if (clientGone || quiet || "max_duration_exceeded".equals(end.errorType())) {
                close(end);
                return;
            }
            pendingEnd = end;
            loop.schedule(FINAL_SPEECH_LIMIT, () -> close(end));
            if (!speaking.busy()) loop.schedule(Duration.ofMillis(playback.aheadMs(nowMs())), () -> close(end));
        }
    }
}
