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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A voice conversation: user audio in ({@link InputAudio}) → {@link Listening} (VAD, streaming recognition, end of
 * turn) → {@link UserTurns} (barge-in, final transcripts as {@link Frame.UserText} with medium {@code audio},
 * speculative turns, fillers, per-turn latency) → the wrapped text {@link ConversationSession} → its replies spoken by
 * {@link AgentVoice} ({@link Speaking} → {@link Frame.AgentAudio}, {@link Playback}: what the user has heard), with
 * turn timers ({@link VoiceTimers}). It is the session's listener: every session frame is forwarded to the outer
 * listener (held while a speculative turn is undecided), agent text is also spoken. This class owns the call's life:
 * start, audio that arrives before it, and the end.
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
    private final AgentVoice agent;
    private final VoiceTimers timers;
    private final UserTurns turns;
    private final List<byte[]> early = new ArrayList<>();
    private int earlyBytes;
    private long epochMs;
    private boolean started;
    private boolean inputClosed;
    private boolean clientGone;
    private boolean closed;
    private SessionEnd pendingEnd;

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
        this.agent = new AgentVoice(engines.speech(), this.voice, loop, listener,
                (pcm, startMs) -> outer.recordedAgentAudio(pcm, startMs - epochMs), new AgentSide());
        this.timers = new VoiceTimers(loop, this.voice, session);
        this.turns = new UserTurns(this.voice, loop, listener, session, agent, timers);
        this.listening = new Listening(engines.vad().get(), engines.speechToText(), this.voice.languageCode(),
                new SerialWorker(recognitionExecutor), loop, new EndOfTurn(this.voice.eagerness()), turns);
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
            loop.execute(() -> turns.typed(t));
            return;
        }
        if (in instanceof Frame.UserActivity) loop.execute(() -> timers.userActive(agent.busy(), agent.aheadMs(nowMs())));
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
        turns.replayingEarly(true);
        try {
            for (byte[] chunk : queued) audio(chunk);
        } finally {
            turns.replayingEarly(false);
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
        agent.played(now);
        if (samples.length == 0) return;
        outer.recordedUserAudio(samples, now - epochMs);
        listening.accept(samples);
    }

    private long nowMs() { return loop.now().toEpochMilli(); }

    private void close(SessionEnd end) {
        if (closed) return;
        closed = true;
        inputClosed = true;
        timers.cancelAll();
        agent.close(clientGone, nowMs());
        listening.close();
        turns.finish();
        try {
            outer.ended(end);
        } finally {
            loop.shutdown();
        }
    }

    /** What the agent's voice reports. */
    private final class AgentSide implements AgentVoice.Events {
        @Override public void synthesized(int eventId) { turns.synthesized(eventId); }

        @Override public void sent(int eventId) {
            timers.agentSpeaking();
            turns.sent(eventId);
        }

        @Override public void idle(long aheadMs) {
            if (pendingEnd != null) {
                SessionEnd end = pendingEnd;
                loop.schedule(Duration.ofMillis(aheadMs), () -> close(end));
            } else {
                timers.agentIdle(aheadMs);
            }
        }
    }

    /** What the text session produces: forwarded to the outer listener; agent text is spoken too. */
    private final class SessionSide implements SessionListener {
        /** A frame held for a speculative turn reaches the client at the release; its text is spoken (held back) now. */
        @Override public void send(Frame.Output frame) {
            if (turns.hold(() -> { show(frame); cutIfUserTalking(frame); })) {
                speak(frame);
                return;
            }
            show(frame);
            speak(frame);
            cutIfUserTalking(frame);
        }

        /** To the client; a reply's start is this turn's reply for the latency figures. */
        private void show(Frame.Output frame) {
            outer.send(frame);
            if (closed) return;
            if (frame instanceof Frame.ResponsePart p && p.type() == Frame.ResponsePart.PartType.START) {
                turns.replyStarted(p.eventId(), false);
            } else if (frame instanceof Frame.AgentResponse r && !agent.speaking.isStreamed(r.eventId())) {
                turns.replyStarted(r.eventId(), true);
            }
        }

        private void speak(Frame.Output frame) {
            if (closed) return;
            if (frame instanceof Frame.ResponsePart p) {
                switch (p.type()) {
                    case START -> agent.speaking.begin(p.eventId());
                    case DELTA -> agent.speaking.delta(p.eventId(), p.text());
                    case STOP -> agent.speaking.end(p.eventId());
                }
            } else if (frame instanceof Frame.AgentResponse r && !agent.speaking.isStreamed(r.eventId())) {
                if (!started) agent.firstMessage(r.eventId());
                agent.speaking.whole(r.eventId(), r.text());
            }
        }

        /** A reply that starts while the user is talking again is interrupted at once. */
        private void cutIfUserTalking(Frame.Output frame) {
            if (closed || !(frame instanceof Frame.ResponsePart p) || p.type() != Frame.ResponsePart.PartType.START) return;
            if (listening.transcribing() && voice.interruptions()) turns.bargeIn();
        }

        @Override public void transcriptUpdated(List<TranscriptEntry> transcript) {
            if (!turns.hold(() -> transcriptUpdated(transcript))) outer.transcriptUpdated(transcript);
        }

        @Override public void llmFirstOutput(long requestedNanos, long firstOutputNanos) {
            if (turns.hold(() -> llmFirstOutput(requestedNanos, firstOutputNanos))) return;
            outer.llmFirstOutput(requestedNanos, firstOutputNanos);
            turns.llmFirstOutput();
        }

        @Override public void ended(SessionEnd end) {
            turns.stop();
            agent.speaking.endStreams();
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
