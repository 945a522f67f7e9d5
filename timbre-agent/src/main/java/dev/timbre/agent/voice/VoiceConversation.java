package dev.timbre.agent.voice;

import dev.timbre.agent.session.AgentDirectory;
import dev.timbre.agent.session.Conversation;
import dev.timbre.agent.session.ConversationSession;
import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.PhoneControl;
import dev.timbre.agent.session.SessionConfig;
import dev.timbre.agent.session.SessionEnd;
import dev.timbre.agent.session.SessionListener;
import dev.timbre.agent.session.SessionLoop;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A voice conversation, and the one mediator of its parts: user audio in ({@link InputAudio}) → {@link Listening}
 * (VAD, streaming recognition, end of turn) → here (barge-in, transcripts, a {@link SpeculativeTurn}, fillers,
 * {@link TurnMeters}) → the wrapped text {@link ConversationSession} → its replies ({@link AgentReply}) spoken by
 * {@link AgentVoice} → {@link Frame.AgentAudio}, with turn timers ({@link VoiceTimers}). Each part reports its events
 * here (a return value or its {@code Events}) and holds no reference to the others; every decision that involves two
 * parts is taken here. Every session frame is forwarded to the outer listener (held while a speculative turn is
 * undecided); agent text is also spoken. This class owns the call's life: start, input that arrives before it, the end.
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

    private final VoiceSettings voice;
    private final SessionLoop loop;
    private final VoiceListener outer;
    private final ConversationSession session;
    private final InputAudio input;
    private final EarlyInput early;
    private final Listening listening;
    private final AgentVoice agent;
    /** The engine behind {@link #agent}; a language preset's voice is applied to it. */
    private final AgentSpeech speech;
    private final VoiceTimers timers;
    private final TurnMeters meters;
    /** The speculative turn while it is undecided; null otherwise. */
    private SpeculativeTurn speculative;
    private long epochMs;
    private boolean started;
    /** True while early input is replayed: it predates the agent's speech, so it never barges in. */
    private boolean replayingEarly;
    private boolean fillerPending;
    private boolean turnsStopped;
    private boolean inputClosed;
    private boolean clientGone;
    private boolean closed;
    private SessionEnd pendingEnd;
    private final AfterSpeech afterSpeech;

    public VoiceConversation(SessionConfig config, VoiceSettings voice, VoiceEngines engines, SessionLoop loop,
                             VoiceListener listener, ToolRunner runner, AgentDirectory directory) {
        this(config, voice, engines, loop, listener, runner, directory, loop::executeBlocking);
    }

    /** As the public constructor, with recognition run on {@code recognitionExecutor} (tests: the calling thread). */
    VoiceConversation(SessionConfig config, VoiceSettings voice, VoiceEngines engines, SessionLoop loop,
                      VoiceListener listener, ToolRunner runner, AgentDirectory directory, Executor recognitionExecutor) {
        this.voice = voice == null ? VoiceSettings.defaults() : voice;
        this.loop = loop;
        this.outer = listener;
        this.session = new ConversationSession(config, loop, new SessionSide(), runner, directory);
        session.keepLoopAfterEnd();
        this.input = new InputAudio(this.voice.input());
        this.early = new EarlyInput(this.voice.input().bytesPerSecond());
        this.speech = engines.speech();
        this.agent = new AgentVoice(engines.speech(), this.voice, loop,
                (pcm, startMs) -> outer.recordedAgentAudio(pcm, startMs - epochMs), new VoiceSide());
        this.afterSpeech = new AfterSpeech(loop);
        this.timers = new VoiceTimers(loop, this.voice, silence -> session.voice().reengage(silence));
        this.meters = new TurnMeters(loop, this::measured);
        this.listening = new Listening(engines.vad().get(), engines.speechToText(), this.voice.languageCode(),
                this.voice.input().sampleRate(), new SerialWorker(recognitionExecutor), loop, new EndOfTurn(this.voice.eagerness()), new ListeningSide());
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
        loop.execute(() -> {
            if (started) handle(in);
            else early.add(in);
        });
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

    /** Runs after the session's own start (the first message is already on its way): early input is replayed. */
    private void begin() {
        if (started || closed) return;
        started = true;
        replayingEarly = true;
        try {
            for (Frame.Input in : early.drain()) handle(in);
        } finally {
            replayingEarly = false;
        }
    }

    private void handle(Frame.Input in) {
        if (in instanceof Frame.UserAudio a) audio(a.audio());
        else if (in instanceof Frame.UserText t) typed(t);
        else {
            if (in instanceof Frame.UserActivity) timers.userActive(agent.busy(), agent.aheadMs(nowMs()));
            session.receive(in);
        }
    }

    private void audio(byte[] bytes) {
        if (inputClosed || closed || bytes == null) return;
        short[] samples = input.decode(bytes);
        long now = nowMs();
        agent.played(now);
        if (samples.length == 0) return;
        outer.recordedUserAudio(samples, now - epochMs);
        listening.accept(samples);
    }

    /**
     * A typed {@code user_message}: it barges in like speech (audio stopped, {@link Frame.Interruption}, cuts to what
     * was heard) when interruptions are on, then goes to the session, which posts after the cuts. A speculative reply
     * is retracted first, so it cannot swallow the typed message.
     */
    private void typed(Frame.UserText t) {
        if (!turnsStopped && t.text() != null && !t.text().isBlank()) {
            retractSpeculation();
            meters.replaced(); // a spoken turn still waiting: the typed one replaces it, its reply is not the spoken turn's
            timers.userSpeaking();
            long now = nowMs();
            if (agent.talking(now) && agent.interruptible(now)) bargeIn();
        }
        session.receive(t);
    }

    /** The user cut in: the agent stops, the client is told, the session learns what was heard and cuts its record. */
    private void bargeIn() {
        AgentVoice.Cut cut = agent.bargeIn(nowMs());
        afterSpeech.cut();
        if (cut.interruptedEventId() > 0) outer.send(new Frame.Interruption(cut.interruptedEventId()));
        for (Frame.PlaybackCut c : cut.heard()) session.receive(c);
    }

    private void finalTranscript(TurnMeter m, String text) {
        if (turnsStopped) return;
        m.transcriptFinal(loop.now());
        boolean confirmed = speculative != null && speculative.matches(text);
        if (!confirmed) {
            retractSpeculation();
            if (text.isBlank()) {
                meters.abandon(m);
                if (!agent.busy()) timers.agentIdle(agent.aheadMs(nowMs()));
                return;
            }
        }
        outer.send(new Frame.UserTranscript(text));
        m.awaitingReply = true;
        if (confirmed) {
            confirmSpeculation();
            session.voice().confirmSpeculation();
        } else {
            session.receive(new Frame.UserText(text, "audio"));
        }
        timers.userTurnEnded(() -> meters.waitingForLlm(m), this::sayFiller);
    }

    /**
     * The speculative reply goes out: the held client frames in their order, then the audio synthesised meanwhile, sent
     * now (so it plays, is heard and recorded from now; its first audio counts as synthesised and sent now).
     */
    private void confirmSpeculation() {
        SpeculativeTurn s = speculative;
        speculative = null;
        s.confirm().forEach(Runnable::run);
        agent.sendHeld();
    }

    /** The user went on (or said something else): the early reply is dropped (its speech too) and leaves no trace. */
    private void retractSpeculation() {
        if (speculative == null) return;
        speculative = null;
        agent.drop();
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

    private void measured(TurnMeter m) {
        outer.turnMeasured(m.latency());
        if (m.reply != null) session.voice().attachTurnMetrics(m.reply.eventId, m.metrics());
    }

    private long nowMs() { return loop.now().toEpochMilli(); }

    private void close(SessionEnd end) {
        if (closed) return;
        closed = true;
        inputClosed = true;
        afterSpeech.close();
        timers.cancelAll();
        agent.close(clientGone, nowMs());
        listening.close();
        turnsStopped = true;
        meters.finish(); // may put metrics on the transcript, after the session's own snapshot of it
        try {
            outer.ended(session.voice().withFinalTranscript(end));
        } finally {
            loop.shutdown();
        }
    }

    /** What listening reports: the user's speech, transcripts, the end of the turn, a chance to reply early. */
    private final class ListeningSide implements Listening.Events {
        @Override public boolean speechStarted() {
            timers.userSpeaking();
            session.receive(new Frame.UserActivity());
            long now = nowMs();
            if (replayingEarly || !agent.talking(now)) return true;
            if (!agent.interruptible(now)) return false;
            bargeIn();
            return true;
        }

        @Override public void vadScore(double probability) { outer.send(new Frame.VadScore(probability)); }

        @Override public void tentative(String text) { outer.send(new Frame.TentativeUserTranscript(text)); }

        @Override public void speculate(String partial) {
            if (!voice.speculativeTurn() || speculative != null || agent.talking(nowMs())) return;
            SpeculativeTurn s = new SpeculativeTurn(partial);
            speculative = s;
            agent.hold(s);
            if (!session.voice().speculate(partial)) {
                speculative = null;
                agent.drop();
            }
        }

        @Override public void resumed() { retractSpeculation(); }

        @Override public Consumer<String> endOfTurn(Instant lastVoicedAt) {
            TurnMeter m = meters.userTurnEnded(lastVoicedAt);
            Long vadEnd = m.latency().vadEndMs();
            outer.turnStarted(vadEnd == null ? 0 : vadEnd);
            return text -> finalTranscript(m, text);
        }
    }

    /** What the agent's voice reports: first audio, audio for the client, silence. */
    private final class VoiceSide implements AgentVoice.Events {
        @Override public void synthesized(AgentReply reply) { meters.synthesized(reply); }

        @Override public void audio(AgentReply reply, Frame.AgentAudio frame) {
            outer.send(frame);
            timers.agentSpeaking();
            meters.sent(reply);
        }

        @Override public void idle(long aheadMs) {
            if (pendingEnd != null) {
                SessionEnd end = pendingEnd;
                loop.schedule(Duration.ofMillis(aheadMs), () -> close(end));
            } else {
                timers.agentIdle(aheadMs);
                afterSpeech.idle(aheadMs);
            }
        }
    }

    /** What the text session produces: forwarded to the outer listener; agent text is spoken too. */
    private final class SessionSide implements SessionListener {
        /** A frame held for a speculative turn reaches the client at the confirmation; its text is spoken (held back) now. */
        @Override public void send(Frame.Output frame) {
            speak(frame);
            if (held(() -> { show(frame); cutIfUserTalking(frame); })) return;
            show(frame);
            cutIfUserTalking(frame);
        }

        /** To the client; a reply's start is this turn's reply for the latency figures. */
        private void show(Frame.Output frame) {
            outer.send(frame);
            if (closed) return;
            if (frame instanceof Frame.ResponsePart p && p.type() == Frame.ResponsePart.PartType.START) {
                AgentReply r = agent.find(p.eventId());
                if (r != null) meters.replyStarted(r);
            } else if (frame instanceof Frame.AgentResponse r && !agent.streamed(r.eventId()) && !fillerPending) {
                AgentReply reply = agent.find(r.eventId());
                if (reply != null) meters.replyStarted(reply);
            }
        }

        private void speak(Frame.Output frame) {
            if (closed) return;
            if (frame instanceof Frame.ResponsePart p) {
                switch (p.type()) {
                    case START -> agent.begin(p.eventId());
                    case DELTA -> agent.delta(p.eventId(), p.text());
                    case STOP -> agent.end(p.eventId());
                }
            } else if (frame instanceof Frame.AgentResponse r) {
                agent.whole(r.eventId(), r.text(), !started);
            }
        }

        /** A reply that starts while the user is talking again is interrupted at once. */
        private void cutIfUserTalking(Frame.Output frame) {
            if (closed || !(frame instanceof Frame.ResponsePart p) || p.type() != Frame.ResponsePart.PartType.START) return;
            if (listening.transcribing() && voice.interruptions()) bargeIn();
        }

        /** Keeps a callback while a speculative turn is undecided; false: run it now. */
        private boolean held(Runnable callback) { return speculative != null && speculative.hold(callback); }

        /** A language preset's voice: the utterances that start after this use it. */
        @Override public void voiceChanged(String voiceId) {
            speech.useVoice(voiceId);
        }

        @Override public PhoneControl phone() { return outer.phone(); }

        @Override public void afterSpeech(Runnable task) { afterSpeech.add(task, agent.busy(), agent.aheadMs(nowMs())); }

        @Override public void transcriptUpdated(List<TranscriptEntry> transcript) {
            if (!held(() -> transcriptUpdated(transcript))) outer.transcriptUpdated(transcript);
        }

        @Override public void llmFirstOutput(long requestedNanos, long firstOutputNanos) {
            if (held(() -> llmFirstOutput(requestedNanos, firstOutputNanos))) return;
            outer.llmFirstOutput(requestedNanos, firstOutputNanos);
            meters.llmFirstOutput();
        }

        @Override public void ended(SessionEnd end) {
            if (speculative != null) confirmSpeculation(); // a speculative turn that ended it (an LLM error) says what it said
            turnsStopped = true;
            agent.endStreams();
            inputClosed = true;
            timers.cancelAll();
            listening.close();
            boolean quiet = !agent.talking(nowMs());
            if (clientGone || quiet || "max_duration_exceeded".equals(end.errorType())) {
                close(end);
                return;
            }
            pendingEnd = end;
            loop.schedule(FINAL_SPEECH_LIMIT, () -> close(end));
            if (!agent.busy()) loop.schedule(Duration.ofMillis(agent.aheadMs(nowMs())), () -> close(end));
        }
    }
}
