package dev.timbre.convai.conversation.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.session.Conversation;
import dev.timbre.agent.session.ConversationSession;
import dev.timbre.agent.session.ExecutorSessionLoop;
import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.SessionConfig;
import dev.timbre.agent.session.SessionEnd;
import dev.timbre.agent.voice.AudioEncoding;
import dev.timbre.agent.voice.VoiceConversation;
import dev.timbre.agent.voice.VoiceEngines;
import dev.timbre.common.WorkerPools;
import dev.timbre.convai.conversation.agent.Initiation;
import dev.timbre.convai.conversation.agent.InitiationWebhook;
import dev.timbre.convai.conversation.speech.ConversationVoices;
import dev.timbre.convai.conversation.speech.VoiceConfig;
import dev.timbre.convai.conversations.ConversationStart;
import dev.timbre.http.Json;
import dev.timbre.sockets.SocketSender;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of {@code /v1/convai/conversation}: waits for {@code conversation_initiation_client_data} (or starts
 * with defaults when it does not come in time, or another frame comes first), checks it, sends
 * {@code conversation_initiation_metadata} as the first frame, then runs a {@link ConversationSession} (text only) or
 * a {@link VoiceConversation} (when {@link ConversationRuntime#voices} is set) that starts
 * {@link ConversationRuntime#metadataPause} later (clients lose frames that share a read with the metadata).
 * Client frames become session inputs; malformed ones (bad {@code user_audio_chunk}s included: {@link UserAudioChunks})
 * get an error event and the session goes on. Pings go out on a timer. A client that stops reading is closed by the
 * bounded {@link SocketSender} and the conversation ends ({@link #overflowed}). User audio is paced by
 * {@link AudioPace} (chunks arriving faster than about 1.2× real time, beyond a 10 s lead, are dropped and counted;
 * the count is logged when the call ends). Initiation data longer than {@link #MAX_INITIATION_CHARS} is refused with
 * an error event and close 1009. Threading: socket callbacks are synchronized on this object; the session's events
 * come from its own loop.
 */
public final class ConversationSocket {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationSocket.class);
    /** The longest {@code conversation_initiation_client_data} message (characters of JSON): overrides, variables. */
    public static final int MAX_INITIATION_CHARS = 128 * 1024;
    private static final int MESSAGE_TOO_BIG = 1009;

    private final ConversationRuntime runtime;
    private final SocketSender out;
    private final String agentId;
    private final JsonNode agentConfig;
    private final String conversationId;
    private final ConversationStartInfo info;
    private ScheduledFuture<?> initiationTimer;
    private ScheduledFuture<?> pingTimer;
    private Conversation session;
    /** The user's audio encoding in a voice conversation; null in a text one. */
    private AudioEncoding audioInput;
    private SocketEvents events;
    private boolean closed;
    private final AudioPace audioPace = new AudioPace(System::nanoTime);
    private int pingIds;
    private long pingSentNanos;
    private Integer lastPingMs;

    /** Where the connection came from, for the conversation record. */
    public record ConversationStartInfo(String authorizationMethod, String source, String sourceVersion) {}

    public ConversationSocket(ConversationRuntime runtime, SocketSender out, String agentId, JsonNode agentConfig, String conversationId,
                       ConversationStartInfo info) {
        this.runtime = runtime;
        this.out = out;
        this.agentId = agentId;
        this.agentConfig = agentConfig;
        this.conversationId = conversationId;
        this.info = info;
    }

    /**
     * Starts the conversations whose initiation wait ran out: a start reads the agent, builds its LLM and prepares its
     * voices, which must not hold up the one timer thread that pings every conversation. Daemon threads, idle ones end.
     */
    private static final ExecutorService LATE_STARTS = Executors.newCachedThreadPool(WorkerPools.daemon("convai-conversation-start"));

    public synchronized void opened() {
        initiationTimer = runtime.timers().schedule(() -> LATE_STARTS.execute(() -> {
            synchronized (this) {
                if (session == null && !closed) begin(null, Json.MAPPER.createObjectNode());
            }
        }), runtime.initiationWait().toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void message(String text) {
        long receivedAt = System.nanoTime();
        if (closed) return;
        ClientMessage m = ClientMessage.parse(text);
        if (session == null) {
            if (m.initiation() != null && text.length() > MAX_INITIATION_CHARS) {
                if (initiationTimer != null) initiationTimer.cancel(false);
                refuse(MESSAGE_TOO_BIG, "invalid_message", "conversation_initiation_client_data is " + text.length()
                        + " characters long; at most " + MAX_INITIATION_CHARS + " are accepted");
                return;
            }
            if (m.initiation() != null) {
                begin(null, m.initiation());
                return;
            }
            begin(null, Json.MAPPER.createObjectNode());
            if (session == null) return;
        }
        if (m.initiation() != null) sendError(1008, "invalid_message", "The conversation has already been initiated");
        else if (m.pongEventId() != null) pong(m.pongEventId());
        else if (m.audio() != null) audio(m.audio());
        else if (m.error() != null) sendError(1008, m.errorType(), m.error());
        else {
            if (m.input() instanceof Frame.Feedback f) events.feedback(f.score(), f.eventId());
            if (m.input() instanceof Frame.UserText) events.userMessage(receivedAt);
            session.receive(m.input());
        }
    }

    private void audio(String base64) {
        if (events.textOnly()) sendError(1008, "invalid_message", "This conversation is text only: user_audio_chunk is not accepted");
        else if (audioInput == null) sendError(1008, "invalid_message", "Audio input is not supported by this server; send user_message");
        else if (events.hasEnded()) sendError(1008, "invalid_message", "The conversation has ended: user_audio_chunk is not accepted");
        else {
            try {
                byte[] audio = UserAudioChunks.decode(base64, audioInput);
                if (audioPace.admit((double) audio.length / audioInput.bytesPerSecond())) {
                    session.receive(new Frame.UserAudio(audio));
                } else if (audioPace.droppedChunks() == 1) {
                    LOG.info("conversation {}: user audio arrives faster than real time; chunks beyond the pace are dropped", conversationId);
                }
            } catch (IllegalArgumentException bad) {
                sendError(1008, "invalid_message", bad.getMessage());
            }
        }
    }

    /** The bounded sender closed the socket because the client stopped reading (any thread): the call ends. */
    public void overflowed() {
        Conversation c;
        synchronized (this) {
            if (closed) return;
            closed = true;
            cancelTimers();
            c = session;
        }
        LOG.info("conversation {}: the client stopped reading; closed", conversationId);
        runtime.timers().schedule(out::disconnect, 5, TimeUnit.SECONDS); // it may not read the close frame either
        if (c != null) c.hangUp("The client stopped reading audio and events", 1008);
    }

    public synchronized void closed(int code, String reason) {
        if (audioPace.droppedChunks() > 0) {
            LOG.info("conversation {}: {} user audio chunks ({} s) arrived faster than real time and were dropped", conversationId,
                    audioPace.droppedChunks(), String.format(java.util.Locale.ROOT, "%.1f", audioPace.droppedSeconds()));
        }
        if (closed) return;
        closed = true;
        cancelTimers();
        if (session != null) session.hangUp("Client disconnected: " + code, 1000);
    }

    /**
     * Starts the conversation from {@code initiation} (already checked) or {@code data} (to check; empty: defaults). A
     * start that throws (an agent whose LLM cannot be built, a database error) is refused with 1011: nothing escapes to
     * Jetty (which would close with the exception's message and no error event) or vanishes on the timer thread
     * (which would leave the client waiting for a metadata that never comes).
     */
    private void begin(Initiation initiation, JsonNode data) {
        if (initiationTimer != null) initiationTimer.cancel(false);
        try {
            start(initiation, data);
        } catch (RuntimeException e) {
            LOG.error("conversation {} could not start", conversationId, e);
            cancelTimers();
            String message = "Internal error: the conversation could not start";
            if (session != null) {
                session.fail(1011, "unknown", message); // ends, records the end and closes
            } else if (events != null) { // its start is recorded: record its end too, not an initiation failure
                sendError(1011, "unknown", message);
                events.ended(new SessionEnd(message, 1011, "unknown", message, List.of()));
            } else if (!closed) {
                refuse(1011, "unknown", message);
            }
            closed = true;
        }
    }

    private void start(Initiation initiation, JsonNode data) {
        final Initiation init;
        JsonNode given = data;
        if (initiation == null && (data == null || data.isEmpty()) && InitiationWebhook.enabledFor(agentConfig)) {
            try { // no client data: the workspace's initiation webhook supplies it (bounded by its timeout)
                given = runtime.initiationWebhook().fetch(new InitiationWebhook.Caller(null, agentId, null, null)).orElse(data);
            } catch (InitiationWebhook.Failed f) {
                refuse(1011, "initiation_webhook_error", f.getMessage());
                return;
            }
        }
        try {
            init = initiation != null ? initiation : Initiation.check(given, agentConfig);
        } catch (Initiation.Refused r) {
            refuse(1008, r.errorType, r.getMessage());
            return;
        }
        JsonNode cc = agentConfig.path("conversation_config");
        boolean textOnly = init.textOnly() != null ? init.textOnly() : cc.path("conversation").path("text_only").asBoolean(false);
        SessionConfig config = ConversationSetup.sessionConfig(runtime, agentId, agentConfig, conversationId, init, textOnly, null, null);
        var profile = config.agent();
        Map<String, Object> allVars = dev.timbre.agent.session.DynamicVariables.at(config, agentId, runtime.clock().instant(),
                runtime.clock().instant()).values();
        VoiceConfig voice = null;
        VoiceEngines engines = null;
        if (!textOnly && runtime.voices() != null) {
            try {
                voice = VoiceConfig.read(cc, init.raw().path("conversation_config_override"), profile.language());
                engines = runtime.voices().engines(voice, conversationId);
            } catch (IllegalArgumentException e) {
                refuse(1008, "invalid_message", "This agent's audio settings are not supported: " + e.getMessage());
                return;
            } catch (ConversationVoices.Unavailable e) {
                refuse(e.closeCode, e.closeCode == 1008 ? "unsupported_language" : "unknown", e.getMessage());
                return;
            } catch (RuntimeException e) {
                LOG.error("conversation {}: voice engines failed", conversationId, e);
                refuse(1011, "unknown", "Voice is not available: " + e.getMessage());
                return;
            }
        }
        events = new SocketEvents(runtime, out, conversationId, cc.path("conversation").path("client_events"), textOnly, this::cancelTimers);
        dev.timbre.convai.recording.RecordingPolicy.forConversation(agentConfig, textOnly).ifPresent(events::record);
        events.log(log -> log.started(new ConversationStart(conversationId, agentId, agentConfig.path("name").asText(""), init.userId(),
                runtime.clock().instant(), textOnly, info.source(), info.sourceVersion(), info.authorizationMethod(),
                init.recorded(allVars), profile.language())));
        try {
            out.send(voice != null ? ServerEvents.metadata(conversationId, voice.settings().output().wireName(), voice.settings().input().wireName())
                    : ServerEvents.metadata(conversationId, cc.path("tts").path("agent_output_audio_format").asText("pcm_16000"),
                    cc.path("asr").path("user_input_audio_format").asText("pcm_16000")));
        } catch (IOException gone) {
            LOG.debug("client left before the metadata: {}", conversationId);
        }
        Conversation[] self = new Conversation[1];
        var loop = new ExecutorSessionLoop(conversationId, runtime.clock(), e -> {
            LOG.error("conversation {} failed", conversationId, e);
            self[0].fail(1011, "unknown", "Internal error: " + e.getMessage());
        }, events.tracedTasks());
        if (voice != null) {
            session = new VoiceConversation(config, voice.settings(), engines, loop, events, runtime.toolRunner(), runtime.profiles());
            audioInput = voice.settings().input();
        } else {
            session = new ConversationSession(config, loop, events, runtime.toolRunner(), runtime.profiles());
        }
        self[0] = session;
        session.start(runtime.metadataPause());
        long every = runtime.pingInterval().toMillis();
        pingTimer = runtime.timers().scheduleAtFixedRate(this::ping, every, every, TimeUnit.MILLISECONDS);
    }

    private void refuse(int code, String errorType, String message) {
        runtime.log().initiationFailed(agentId, conversationId, message);
        sendError(code, errorType, message);
        closed = true;
        out.close(code, message);
    }

    private synchronized void ping() {
        if (closed) return;
        pingSentNanos = System.nanoTime();
        try {
            out.send(ServerEvents.ping(++pingIds, lastPingMs));
        } catch (IOException gone) {
            cancelTimers();
        }
    }

    private void pong(int eventId) {
        if (eventId == pingIds && pingSentNanos != 0) lastPingMs = (int) ((System.nanoTime() - pingSentNanos) / 1_000_000);
    }

    private void sendError(int code, String errorType, String message) {
        try {
            out.send(ServerEvents.error(code, errorType, message));
        } catch (IOException gone) {
            // the client left
        }
    }

    private synchronized void cancelTimers() {
        if (initiationTimer != null) initiationTimer.cancel(false);
        if (pingTimer != null) pingTimer.cancel(false);
    }
}
