package dev.timbre.agent.session;

import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.agent.transcript.DynamicVariableUpdate;
import dev.timbre.agent.transcript.ToolCallEntry;
import dev.timbre.agent.transcript.ToolResultEntry;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.ToolCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One text conversation with an agent: first message, user turns answered by the LLM (streamed), tool rounds,
 * interruptions, limits ({@link SessionLimits}). Built as stages on one event loop: inputs ({@link Frame.Input}) →
 * {@link ReplyStage} (LLM) ⇄ {@link ToolStage} (tools) → outputs ({@link Frame.Output}) to the {@link SessionListener}.
 * The LLM's view of the conversation is a {@link ChatHistory}; a voice barge-in arrives as an input
 * ({@link Frame.PlaybackCut}: what the user heard) and the session cuts its transcript and history itself; what else a
 * voice conversation adds (fillers, speculative turns) goes through its {@link VoiceHooks}.
 *
 * <p>Threading: the public methods are thread-safe and only post to the {@link SessionLoop}; everything else runs on
 * the loop thread. The session shuts the loop down when it ends. It never closes the agent's language model.
 */
public final class ConversationSession implements Conversation {
    private static final System.Logger LOG = System.getLogger(ConversationSession.class.getName());
    static final String APOLOGY = "I'm sorry, I'm having trouble responding right now. Please try again later.";
    /** Inputs kept before the start (the transport's short pause); more are dropped. */
    static final int MAX_EARLY_INPUTS = 100;

    private final SessionConfig config;
    private final SessionLoop loop;
    private final SessionListener listener;
    private final Transcript transcript = new Transcript();
    private final ChatHistory history = new ChatHistory();
    /** Inputs that arrived before the session started, replayed in order after the first message. */
    private final List<Frame.Input> early = new ArrayList<>();
    private final ReplyStage reply;
    private final ToolStage tools;
    private final WorkflowStage workflow;
    private final KnowledgeStage knowledge;
    private AgentProfile agent;
    private String language;
    private final SessionPrompt prompt;
    /** The language preset voice the agent speaks with since a switch; null: the agent's own. */
    private String presetVoice;
    private int lastEventId;
    private int turnIds;
    private Turn turn;
    private boolean started;
    private boolean ended;
    /** False when a voice wrapper shuts the loop down itself after the session ended (to finish speaking). */
    private boolean shutsDownLoop = true;
    private final VoiceHooks voice = new VoiceHooks(this);
    private final SessionLimits limits;

    public ConversationSession(SessionConfig config, SessionLoop loop, SessionListener listener, ToolRunner runner,
                               AgentDirectory directory) {
        this.config = config;
        this.loop = loop;
        this.listener = listener;
        this.agent = config.agent();
        this.language = agent.language();
        this.prompt = new SessionPrompt(config, loop, agent.agentId());
        this.limits = new SessionLimits(config, loop, (error, reason, errorType, errorMessage) -> {
            if (error != null) emit(error);
            finish(new SessionEnd(reason, 1000, errorType, errorMessage, transcript.snapshot()));
        });
        this.reply = new ReplyStage(this, loop);
        this.knowledge = new KnowledgeStage(this, loop);
        this.tools = new ToolStage(this, loop, runner == null ? ToolRunner.NONE : runner, directory == null ? AgentDirectory.NONE : directory);
        this.workflow = new WorkflowStage(this, loop, tools, directory == null ? AgentDirectory.NONE : directory);
    }

    @Override
    public void start(Duration delay) {
        if (delay == null || delay.isZero() || delay.isNegative()) loop.execute(this::begin);
        else loop.schedule(delay, this::begin);
    }

    @Override
    public void receive(Frame.Input input) {
        loop.execute(() -> {
            if (ended) return;
            if (started) handle(input);
            else if (early.size() < MAX_EARLY_INPUTS) early.add(input);
        });
    }

    @Override
    public void hangUp(String reason, int closeCode) {
        loop.execute(() -> finish(new SessionEnd(reason, closeCode, null, null, transcript.snapshot())));
    }

    @Override
    public void fail(int code, String errorType, String message) {
        loop.execute(() -> {
            if (ended) return;
            emit(new Frame.Error(code, errorType, message));
            finish(new SessionEnd(message, code, errorType, message, transcript.snapshot()));
        });
    }

    private void begin() {
        if (started || ended) return;
        started = true;
        prompt.start(loop.now(), agent.systemPrompt());
        limits.start();
        String first = variables().render(agent.firstMessage());
        if (first != null && !first.isBlank()) {
            say(first);
            transcriptUpdated();
        }
        workflow.start(agent);
        List<Frame.Input> queued = List.copyOf(early);
        early.clear();
        for (Frame.Input in : queued) if (!ended) handle(in);
    }

    private void handle(Frame.Input input) {
        if (input instanceof Frame.UserText t) userText(t.text(), t.medium());
        else if (input instanceof Frame.PlaybackCut c) voice.playbackCut(c);
        else if (input instanceof Frame.ContextualUpdate c) {
            if (c.text() != null && !c.text().isBlank()) history.add(ChatMessage.system("Context update: " + c.text()));
        } else if (input instanceof Frame.UserActivity) limits.userActive();
        else if (input instanceof Frame.Feedback f) transcript.feedback(f.eventId(), f.score());
        else if (input instanceof Frame.ClientToolResult r && !tools.clientResult(r)) {
            emit(new Frame.Error(1000, "invalid_message", "No client tool call with tool_call_id '" + r.toolCallId() + "' is waiting for a result"));
        }
    }

    void userText(String text, String medium) {
        limits.userActive();
        if (text == null || text.isBlank()) return;
        interruptTurn();
        workflow.userSpoke();
        transcript.addUser(text, secondsInCall(), medium);
        history.add(ChatMessage.user(text));
        startTurn(history.messages());
    }

    /** A new turn: the LLM answers {@code messages} (the history, or a variant of it that is not kept). */
    void startTurn(List<ChatMessage> messages) {
        Turn t = new Turn(++turnIds);
        turn = t;
        knowledge.retrieve(t, agent.knowledge(), messages, () -> reply.request(t, agent, promptFor(t), messages, config));
    }

    /** The user spoke while the agent was replying: stop the reply, keep what was said. */
    void interruptTurn() {
        Turn t = turn;
        if (t == null) return;
        t.cancel();
        if (t.eventId > 0) {
            emit(new Frame.ResponsePart(t.eventId, Frame.ResponsePart.PartType.STOP, ""));
            String said = t.text.toString();
            int index = transcript.addAgent(said, secondsInCall(), t.eventId);
            transcript.interrupt(index, said, said);
            history.add(ChatMessage.assistant(said));
        }
        history.closeCalls(t.unanswered.values(), "Cancelled: the user interrupted.");
        t.unanswered.clear();
        turn = null;
    }

    void replyText(Turn t, String delta) {
        if (delta == null || delta.isEmpty()) return;
        if (t.eventId == 0) {
            t.eventId = nextEventId();
            emit(new Frame.ResponsePart(t.eventId, Frame.ResponsePart.PartType.START, ""));
        }
        t.text.append(delta);
        emit(new Frame.ResponsePart(t.eventId, Frame.ResponsePart.PartType.DELTA, delta));
    }

    void replyToolCall(Turn t, ToolCall call) {
        t.calls.add(call);
    }

    void replyEnded(Turn t) {
        t.stream = null;
        String text = t.text.toString();
        if (t.eventId > 0) {
            emit(new Frame.ResponsePart(t.eventId, Frame.ResponsePart.PartType.STOP, ""));
            emit(new Frame.AgentResponse(t.eventId, text));
        }
        if (text.isBlank() && t.calls.isEmpty()) {
            finishTurn(t);
            return;
        }
        int entry = transcript.addAgent(text.isBlank() ? null : text, secondsInCall(), t.eventId);
        if (t.ragUnrecorded) {
            transcript.ragRetrieval(entry, t.rag);
            t.ragUnrecorded = false;
        }
        t.eventId = 0; // the response is complete: an interruption from now on (during tools) has nothing to cut
        List<ToolCall> calls = List.copyOf(t.calls);
        history.add(ChatMessage.assistant(text, calls));
        if (calls.isEmpty()) {
            finishTurn(t);
            return;
        }
        for (ToolCall c : calls) t.unanswered.put(c.id(), c);
        voice.runTools(() -> tools.run(t, calls, entry, outcome -> afterTools(t, outcome)));
    }

    private void afterTools(Turn t, ToolStage.Outcome outcome) {
        if (!isLive(t)) return;
        history.closeCalls(t.unanswered.values(), "Not run: the call ended.");
        t.unanswered.clear();
        if (outcome.endCall()) {
            if (outcome.farewell() != null && !outcome.farewell().isBlank() && t.text.toString().isBlank()) say(outcome.farewell());
            String reason = outcome.endReason() != null ? outcome.endReason() : "end_call tool was called.";
            finish(new SessionEnd(reason, 1000, null, null, transcript.snapshot()));
        } else if (outcome.needsReply() && t.rounds < config.maxToolRounds() + 1) {
            reply.request(t, agent, promptFor(t), history.messages(), config);
        } else {
            finishTurn(t);
        }
    }

    void replyFailed(Turn t, EngineException e) {
        t.stream = null;
        if (t.eventId > 0) emit(new Frame.ResponsePart(t.eventId, Frame.ResponsePart.PartType.STOP, ""));
        say(APOLOGY);
        // the detail (the model's URL, its answer) goes to the log only: the client may be an anonymous caller
        LOG.log(System.Logger.Level.WARNING, "the language model failed: " + e.getMessage(), e);
        String message = "The language model failed.";
        emit(new Frame.Error(1011, "llm_error", message));
        finish(new SessionEnd("LLM error.", 1011, "llm_error", message, transcript.snapshot()));
    }

    private void finishTurn(Turn t) {
        if (turn == t) turn = null;
        transcriptUpdated();
        workflow.afterTurn();
    }

    private void finish(SessionEnd end) {
        if (ended) return;
        ended = true;
        cancelTurn();
        limits.stop();
        try {
            listener.ended(new SessionEnd(end.terminationReason(), end.closeCode(), end.errorType(), end.errorMessage(), transcript.snapshot()));
        } finally {
            if (shutsDownLoop) loop.shutdown();
        }
    }

    /** The system prompt of {@code t}'s LLM rounds: the agent's, plus the knowledge retrieved for the turn. */
    private String promptFor(Turn t) {
        return KnowledgeStage.prompt(promptWithLanguage(), t.rag);
    }

    private String promptWithLanguage() {
        if (language.equals(config.agent().language())) return prompt.text();
        return prompt.text() + "\n\nReply in the language with code '" + language + "' from now on.";
    }

    // ---- used by the stages (loop thread) ----

    boolean isLive(Turn t) { return !ended && turn == t && !t.cancelled; }

    AgentProfile agent() { return agent; }

    int nextEventId() { return ++lastEventId; }

    void emit(Frame.Output frame) { listener.send(frame); }

    void llmFirstOutput(long requestedNanos, long firstOutputNanos) { listener.llmFirstOutput(requestedNanos, firstOutputNanos); }

    DynamicVariables variables() { return prompt.variables(); }

    /** A tool's {@code assignments} ({@link SessionPrompt#assign}): the changes, for the tool result. */
    List<DynamicVariableUpdate> assignVariables(Map<String, Object> values, String toolName, String toolRequestId) {
        return prompt.assign(values, toolName, toolRequestId);
    }

    // ---- used by the voice hooks (loop thread) ----

    /** The voice side of this session (fillers, re-engagement, speculative turns, barge-in cuts). Loop thread only. */
    public VoiceHooks voice() { return voice; }

    /** The voice wrapper shuts the loop down itself after {@link SessionListener#ended} (it finishes speaking first). */
    public void keepLoopAfterEnd() { shutsDownLoop = false; }

    boolean running() { return started && !ended; }

    boolean ended() { return ended; }

    /** An agent turn is in progress (LLM rounds or tools). */
    boolean replying() { return turn != null; }

    /** Stops the turn in progress without keeping anything of it. */
    void cancelTurn() {
        if (turn != null) turn.cancel();
        turn = null;
    }

    Transcript transcript() { return transcript; }

    ChatHistory history() { return history; }

    void transcriptUpdated() { listener.transcriptUpdated(transcript.snapshot()); }

    /** The transport's phone controls; null when this is not a phone call. */
    PhoneControl phone() { return listener.phone(); }

    /** Runs {@code task} on the loop once the user heard the agent's speech so far ({@link SessionListener#afterSpeech}). */
    void afterSpeech(Runnable task) { listener.afterSpeech(task); }

    /** The agent says {@code text} outside an LLM stream (first message, transfer message, farewell, apology). */
    int say(String text) {
        int id = nextEventId();
        emit(new Frame.AgentResponse(id, text));
        transcript.addAgent(text, secondsInCall(), id);
        ChatMessage m = ChatMessage.assistant(text);
        if (turn != null && !turn.unanswered.isEmpty()) history.defer(m);
        else history.add(m);
        return id;
    }

    void recordTool(Turn t, int entry, ToolCallEntry call, ToolResultEntry result) {
        transcript.addToolCall(entry, call);
        transcript.addToolResult(entry, result);
        if (t.unanswered.remove(call.requestId()) != null) history.toolResult(call.requestId(), result.resultValue());
        if (t.unanswered.isEmpty()) history.releaseDeferred();
    }

    /**
     * {@code language_detection} chose {@code code}: replies go on in it; the agent's language preset for it (if any)
     * replaces the prompt and tells the listener its voice; a language without them brings back the agent's own. The
     * preset's first message is not said (it greets a conversation that starts in that language).
     */
    void switchLanguage(String code) {
        language = code;
        LanguagePreset preset = agent.languagePresets().get(code);
        String template = preset != null && preset.systemPrompt() != null && !preset.systemPrompt().isBlank()
                ? preset.systemPrompt() : agent.systemPrompt();
        if (!template.equals(prompt.template())) prompt.use(template);
        String voiceId = preset != null && preset.voiceId() != null && !preset.voiceId().isBlank() ? preset.voiceId() : null;
        if (!java.util.Objects.equals(voiceId, presetVoice)) {
            presetVoice = voiceId;
            listener.voiceChanged(voiceId);
        }
    }

    void switchAgent(AgentProfile next, boolean sayFirstMessage) {
        agent = next;
        language = next.language();
        prompt.useAgent(next.agentId(), next.systemPrompt());
        if (sayFirstMessage) {
            String first = variables().render(next.firstMessage());
            if (first != null && !first.isBlank()) say(first);
        }
        workflow.start(next);
    }

    // ---- used by the workflow stage (loop thread) ----

    WorkflowStage workflow() { return workflow; }

    /** The profile of the workflow node the conversation is in (same agent, language kept). */
    void useProfile(AgentProfile profile) {
        agent = profile;
        prompt.use(profile.systemPrompt());
    }

    /** A turn that is not an LLM reply (a workflow tool node); {@link #dropTurn} ends it. */
    Turn newTurn() {
        interruptTurn();
        turn = new Turn(++turnIds);
        return turn;
    }

    void dropTurn(Turn t) {
        if (turn == t) turn = null;
        transcriptUpdated();
    }

    void endCall(String reason) {
        finish(new SessionEnd(reason, 1000, null, null, transcript.snapshot()));
    }

    /** A workflow node switched the TTS voice ({@code voiceId}; null: back to the agent's own). */
    void voiceChanged(String voiceId) { listener.voiceChanged(voiceId); }

    int secondsInCall() {
        Instant at = prompt.startedAt();
        return at == null ? 0 : (int) Duration.between(at, loop.now()).toSeconds();
    }
}
