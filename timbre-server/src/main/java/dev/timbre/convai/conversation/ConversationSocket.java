package dev.timbre.convai.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.session.ConversationSession;
import dev.timbre.agent.session.ExecutorSessionLoop;
import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.SessionConfig;
import dev.timbre.convai.conversations.ConversationStart;
import dev.timbre.http.Json;
import dev.timbre.sockets.SocketSender;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of {@code /v1/convai/conversation}: waits for {@code conversation_initiation_client_data} (or starts
 * with defaults when it does not come in time, or another frame comes first), checks it, sends
 * {@code conversation_initiation_metadata} as the first frame, then runs a {@link ConversationSession} that starts
 * {@link ConversationRuntime#metadataPause} later (clients lose frames that share a read with the metadata).
 * Client frames become session inputs; malformed ones get an error event and the session goes on. Pings go out on a
 * timer. Threading: socket callbacks are synchronized on this object; the session's events come from its own loop.
 */
final class ConversationSocket {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationSocket.class);

    private final ConversationRuntime runtime;
    private final SocketSender out;
    private final String agentId;
    private final JsonNode agentConfig;
    private final String conversationId;
    private final ConversationStartInfo info;
    private ScheduledFuture<?> initiationTimer;
    private ScheduledFuture<?> pingTimer;
    private ConversationSession session;
    private SocketEvents events;
    private boolean closed;
    private int pingIds;
    private long pingSentNanos;
    private Integer lastPingMs;

    /** Where the connection came from, for the conversation record. */
    record ConversationStartInfo(String authorizationMethod, String source, String sourceVersion) {}

    ConversationSocket(ConversationRuntime runtime, SocketSender out, String agentId, JsonNode agentConfig, String conversationId,
                       ConversationStartInfo info) {
        this.runtime = runtime;
        this.out = out;
        this.agentId = agentId;
        this.agentConfig = agentConfig;
        this.conversationId = conversationId;
        this.info = info;
    }

    synchronized void opened() {
        initiationTimer = runtime.timers().schedule(() -> {
            synchronized (this) {
                if (session == null && !closed) begin(null, Json.MAPPER.createObjectNode());
            }
        }, runtime.initiationWait().toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void message(String text) {
        long receivedAt = System.nanoTime();
        if (closed) return;
        ClientMessage m = ClientMessage.parse(text);
        if (session == null) {
            if (m.initiation() != null) {
                begin(null, m.initiation());
                return;
            }
            begin(null, Json.MAPPER.createObjectNode());
            if (session == null) return;
        }
        if (m.initiation() != null) sendError(1008, "invalid_message", "The conversation has already been initiated");
        else if (m.pongEventId() != null) pong(m.pongEventId());
        else if (m.audio()) sendError(1008, "invalid_message", events.textOnly()
                ? "This conversation is text only: user_audio_chunk is not accepted"
                : "Audio input is not supported by this server yet; send user_message");
        else if (m.error() != null) sendError(1008, m.errorType(), m.error());
        else {
            if (m.input() instanceof Frame.Feedback f) events.feedback(f.score(), f.eventId());
            if (m.input() instanceof Frame.UserText) events.userMessage(receivedAt);
            session.receive(m.input());
        }
    }

    synchronized void closed(int code, String reason) {
        if (closed) return;
        closed = true;
        cancelTimers();
        if (session != null) session.hangUp("Client disconnected: " + code, 1000);
    }

    /** Starts the conversation from {@code initiation} (already checked) or {@code data} (to check; empty: defaults). */
    private void begin(Initiation initiation, JsonNode data) {
        if (initiationTimer != null) initiationTimer.cancel(false);
        final Initiation init;
        try {
            init = initiation != null ? initiation : Initiation.check(data, agentConfig);
        } catch (Initiation.Refused r) {
            refuse(r.errorType, r.getMessage());
            return;
        }
        JsonNode cc = agentConfig.path("conversation_config");
        boolean textOnly = init.textOnly() != null ? init.textOnly() : cc.path("conversation").path("text_only").asBoolean(false);
        var profile = runtime.profiles().profile(agentId, agentConfig, init.prompt(), init.firstMessage(), init.language());
        int maxSecs = cc.path("conversation").path("max_duration_seconds").asInt(0);
        int idleSecs = cc.path("turn").path("silence_end_call_timeout").asInt(-1);
        SessionConfig config = new SessionConfig(conversationId, profile, init.dynamicVariables(), init.extraBody(),
                maxSecs > 0 ? Duration.ofSeconds(maxSecs) : null, idleSecs > 0 ? Duration.ofSeconds(idleSecs) : null, textOnly,
                zone(cc.path("agent").path("prompt").path("timezone").asText(null)), null, null, SessionConfig.DEFAULT_TOOL_ROUNDS);
        Map<String, Object> allVars = dev.timbre.agent.session.DynamicVariables.at(config, agentId, runtime.clock().instant(),
                runtime.clock().instant()).values();
        events = new SocketEvents(runtime, out, conversationId, cc.path("conversation").path("client_events"), textOnly, this::cancelTimers);
        dev.timbre.convai.recording.RecordingPolicy.forConversation(agentConfig, textOnly).ifPresent(events::record);
        events.log(log -> log.started(new ConversationStart(conversationId, agentId, agentConfig.path("name").asText(""), init.userId(),
                runtime.clock().instant(), textOnly, info.source(), info.sourceVersion(), info.authorizationMethod(),
                init.recorded(allVars), profile.language())));
        try {
            out.send(ServerEvents.metadata(conversationId, cc.path("tts").path("agent_output_audio_format").asText("pcm_16000"),
                    cc.path("asr").path("user_input_audio_format").asText("pcm_16000")));
        } catch (IOException gone) {
            LOG.debug("client left before the metadata: {}", conversationId);
        }
        ConversationSession[] self = new ConversationSession[1];
        var loop = new ExecutorSessionLoop(conversationId, runtime.clock(), e -> {
            LOG.error("conversation {} failed", conversationId, e);
            self[0].fail(1011, "unknown", "Internal error: " + e.getMessage());
        });
        session = new ConversationSession(config, loop, events, runtime.toolRunner(), runtime.profiles());
        self[0] = session;
        session.start(runtime.metadataPause());
        long every = runtime.pingInterval().toMillis();
        pingTimer = runtime.timers().scheduleAtFixedRate(this::ping, every, every, TimeUnit.MILLISECONDS);
    }

    private void refuse(String errorType, String message) {
        runtime.log().initiationFailed(agentId, conversationId, message);
        sendError(1008, errorType, message);
        closed = true;
        out.close(1008, message);
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

    private static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? null : ZoneId.of(id);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
