package dev.timbre.convai.conversation;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.knowledge.Knowledge;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.common.WorkerPools;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.conversation.admission.CallLimits;
import dev.timbre.convai.conversation.admission.ConversationAdmission;
import dev.timbre.convai.conversation.agent.AgentProfiles;
import dev.timbre.convai.conversation.agent.ServerToolRunner;
import dev.timbre.convai.conversation.speech.ConversationVoices;
import dev.timbre.convai.conversation.agent.InitiationWebhook;
import dev.timbre.convai.conversation.transport.ConversationRuntime;
import dev.timbre.convai.conversation.transport.ConversationSignatures;
import dev.timbre.convai.conversation.transport.ConversationSocket;
import dev.timbre.convai.conversation.transport.ServerEvents;
import dev.timbre.convai.conversation.transport.TurnOverhead;
import dev.timbre.convai.conversation.transport.UsedGrants;
import dev.timbre.convai.conversations.ConversationLog;
import dev.timbre.convai.knowledgebase.PromptDocuments;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.convai.mcpservers.McpTools;
import dev.timbre.convai.tools.ToolsService;
import dev.timbre.convai.tools.WebhookTools;
import dev.timbre.http.ApiException;
import dev.timbre.access.Permission;
import dev.timbre.http.ApiKeyAuth;
import dev.timbre.http.Params;
import dev.timbre.sockets.SocketSender;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * {@code /v1/convai/conversation}: the agent conversation WebSocket, {@code GET get-signed-url} and {@code GET token}.
 * The socket answers with the {@code convai} subprotocol when the client offers it (Javalin selects the first offered
 * protocol) and accepts plain connections. Who may connect: an unknown agent gets an error event and close 1008;
 * an agent with {@code platform_settings.auth.enable_auth} needs a valid {@code conversation_signature}/{@code token}
 * or an API key; a given signature must be valid; {@code platform_settings.auth.allowlist} checks the {@code Origin}
 * host (API keys pass). Then {@link ConversationAdmission} applies the agent's {@code call_limits}, the server's cap
 * and the per-address rate (refused: an error event with its type and close 1008; the signed-URL and token endpoints
 * answer 429 when the agent's limits are reached), and {@link ConversationSocket} runs the conversation; the
 * admission is given back when the socket closes. A client message may be at most {@link #MAX_MESSAGE_BYTES}: Jetty
 * closes a connection that sends a longer one with 1009.
 */
public final class ConversationRoutes implements EndpointGroup {
    static final String UNKNOWN_AGENT = "The AI agent you are trying to reach does not exist.";

    private final ConversationRuntime runtime;
    private final AgentsService agents;
    private final ApiKeyAuth auth;
    /**
     * The longest client message (UTF-8 bytes): a {@code user_audio_chunk} holds at most 2 s of audio (256 KiB of
     * base64 at pcm_48000); initiation data has its own, lower bound ({@link ConversationSocket#MAX_INITIATION_CHARS}).
     */
    static final long MAX_MESSAGE_BYTES = 512 * 1024;

    private final ConversationAdmission admission;
    private final Map<String, ConversationSocket> sockets = new ConcurrentHashMap<>();
    private final Map<String, ConversationAdmission.Ticket> tickets = new ConcurrentHashMap<>();

    /**
     * {@code signingKey}: the key of signed URLs and tokens; keep it stable so that they survive a restart.
     * {@code usedGrants}: where spent single-use grants are kept (persistent, so they stay spent after a restart).
     */
    public ConversationRoutes(AgentsService agents, ToolsService tools, AgentLanguageModels models, WebhookTools webhooks,
                              ConversationLog log, ApiKeyAuth auth, MeterRegistry metrics, byte[] signingKey, UsedGrants usedGrants,
                              Clock clock, ConversationVoices voices, ConversationAdmission admission) {
        this(agents, tools, new AgentProfiles(agents, tools, models), webhooks, McpTools.NONE, log, auth, metrics, signingKey,
                usedGrants, clock, voices, admission, InitiationWebhook.NONE);
    }

    /**
     * As above, with the server's {@code profiles} (knowledge, MCP tools, workflows), the tools of agents' MCP servers
     * ({@code mcp}, for running them) and the workspace's conversation {@code initiationWebhook}.
     */
    public ConversationRoutes(AgentsService agents, ToolsService tools, AgentProfiles profiles, WebhookTools webhooks, McpTools mcp,
                              ConversationLog log, ApiKeyAuth auth, MeterRegistry metrics, byte[] signingKey, UsedGrants usedGrants,
                              Clock clock, ConversationVoices voices, ConversationAdmission admission, InitiationWebhook initiationWebhook) {
        this(agents, auth, admission, new ConversationRuntime(profiles, new BackgroundConversationLog(log),
                new ServerToolRunner(webhooks, tools::recordCall, mcp),
                new ConversationSignatures(signingKey, clock, usedGrants), timers(), clock, Duration.ofSeconds(3), Duration.ofMillis(50),
                Duration.ofSeconds(10), new TurnOverhead(metrics), voices, ConversationRuntime.DEFAULT_MAX_QUEUED_BYTES, initiationWebhook));
    }

    ConversationRoutes(AgentsService agents, ApiKeyAuth auth, ConversationAdmission admission, ConversationRuntime runtime) {
        this.agents = agents;
        this.auth = auth;
        this.admission = admission;
        this.runtime = runtime;
    }

    /** What this socket's conversations share; phone calls run on it too. */
    public ConversationRuntime runtime() { return runtime; }

    static ScheduledExecutorService timers() {
        return Executors.newSingleThreadScheduledExecutor(WorkerPools.daemon("convai-conversation-timers"));
    }

    @Override
    public void addEndpoints() {
        get("get-signed-url", this::signedUrl);
        get("token", this::token);
        ws(this::socket);
    }

    private void signedUrl(Context ctx) {
        String agentId = requireAgent(ctx);
        boolean withId = Params.queryBool(ctx, "include_conversation_id", false);
        String signature = runtime.signatures().sign(agentId, withId ? newConversationId() : null, "signed_url");
        String scheme = "https".equalsIgnoreCase(forwardedProto(ctx)) ? "wss" : "ws";
        String host = ctx.header("Host") != null ? ctx.header("Host") : ctx.host();
        ctx.json(Map.of("signed_url", scheme + "://" + host + "/v1/convai/conversation?agent_id=" + encode(agentId)
                + "&conversation_signature=" + encode(signature)));
    }

    private void token(Context ctx) {
        String agentId = requireAgent(ctx);
        ctx.json(Map.of("token", runtime.signatures().sign(agentId, newConversationId(), "token")));
    }

    /** The agent of the request; 429 when its call limits (or the server's) would refuse a conversation now. */
    private String requireAgent(Context ctx) {
        String agentId = Params.query(ctx, "agent_id").orElseThrow(() -> ApiException.invalid("Field required", "missing", "query", "agent_id"));
        agents.find(agentId);
        runtime.profiles().config(agentId).ifPresent(config -> {
            try {
                admission.check(agentId, CallLimits.of(config));
            } catch (ConversationAdmission.Refused r) {
                throw ApiException.busy(r.errorType, r.getMessage(), 60);
            }
        });
        return agentId;
    }

    private void socket(WsConfig ws) {
        ws.onConnect(this::open);
        ws.onMessage(ctx -> {
            ConversationSocket s = sockets.get(ctx.sessionId());
            if (s != null) s.message(ctx.message());
        });
        ws.onClose(ctx -> {
            release(ctx.sessionId());
            ConversationSocket s = sockets.remove(ctx.sessionId());
            if (s != null) s.closed(ctx.status(), ctx.reason());
        });
        ws.onError(ctx -> {
            release(ctx.sessionId());
            ConversationSocket s = sockets.remove(ctx.sessionId());
            if (s != null) s.closed(1006, "error");
        });
    }

    private void release(String sessionId) {
        ConversationAdmission.Ticket t = tickets.remove(sessionId);
        if (t != null) t.close();
    }

    private void open(WsConnectContext ctx) {
        ctx.session.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
        var owner = new java.util.concurrent.atomic.AtomicReference<ConversationSocket>();
        SocketSender out = SocketSender.bounded(ctx.session, runtime.maxQueuedBytes(), () -> {
            ConversationSocket s = owner.get();
            if (s != null) s.overflowed();
        });
        String agentId = ctx.queryParam("agent_id");
        JsonNode config = runtime.profiles().config(agentId).orElse(null);
        if (config == null) {
            reject(out, "value_error", UNKNOWN_AGENT);
            return;
        }
        String key = ApiKeyAuth.upgradeKey(ctx.header(ApiKeyAuth.HEADER), ctx.queryParam("xi_api_key"), ctx.queryParam("authorization"));
        String bearer = bearerProtocol(ctx.header("Sec-WebSocket-Protocol"));
        boolean hasKey = key != null && auth.allows(key, Permission.CONVAI_READ) || bearer != null && auth.allows(bearer, Permission.CONVAI_READ);
        String signature = ctx.queryParam("conversation_signature") != null ? ctx.queryParam("conversation_signature") : ctx.queryParam("token");
        if (signature == null && bearer != null && !hasKey) signature = bearer;
        ConversationSignatures.Grant grant = null;
        if (signature != null && !signature.isBlank()) {
            grant = runtime.signatures().verify(signature, agentId).orElse(null);
            if (grant == null) {
                reject(out, "value_error", "The conversation signature is invalid, expired or already used.");
                return;
            }
        }
        JsonNode authConfig = config.path("platform_settings").path("auth");
        if (authConfig.path("enable_auth").asBoolean(false) && grant == null && !hasKey) {
            reject(out, "value_error", "This agent requires authentication: connect with a signed URL or an API key.");
            return;
        }
        if (!hasKey && !OriginAllowlist.allows(authConfig.path("allowlist"), ctx.header("Origin"))) {
            reject(out, "value_error", "The origin of this connection is not in the agent's allowlist.");
            return;
        }
        ConversationAdmission.Ticket ticket;
        try {
            ticket = admission.admit(agentId, CallLimits.of(config), hasKey ? null : address(ctx));
        } catch (ConversationAdmission.Refused r) {
            reject(out, r.errorType, r.getMessage());
            return;
        }
        tickets.put(ctx.sessionId(), ticket);
        if (!ctx.session.isOpen()) release(ctx.sessionId()); // closed meanwhile: its onClose may have run before the put
        String method = grant != null ? (grant.kind().equals("token") ? "livekit_token" : "signed_url") : hasKey ? "authorization_header" : "public";
        String conversationId = grant != null && grant.conversationId() != null ? grant.conversationId() : newConversationId();
        ConversationSocket socket = new ConversationSocket(runtime, out, agentId, config, conversationId,
                new ConversationSocket.ConversationStartInfo(method, source(ctx.queryParam("source")), ctx.queryParam("version")));
        owner.set(socket);
        sockets.put(ctx.sessionId(), socket);
        socket.opened();
    }

    private static void reject(SocketSender out, String errorType, String message) {
        try {
            out.send(ServerEvents.error(1008, errorType, message));
        } catch (java.io.IOException gone) {
            return;
        }
        out.close(1008, message);
    }

    /**
     * The credential of a {@code bearer.<token>} subprotocol ({@code @elevenlabs/client}'s {@code authorization}
     * option offers it after {@code convai}): an API key or a conversation token; null when none is offered.
     */
    static String bearerProtocol(String offered) {
        if (offered == null) return null;
        for (String p : offered.split(",")) {
            String t = p.trim();
            if (t.startsWith("bearer.") && t.length() > "bearer.".length()) return t.substring("bearer.".length());
        }
        return null;
    }

    /**
     * The client's address for the per-address rate, or null when it is exempt. A connection's own address counts,
     * except from a loopback address (a reverse proxy on this host, or a local client): then the last
     * {@code X-Forwarded-For} entry (the one the proxy appended) counts, and without one the connection is exempt. A
     * remote client cannot choose its address this way: its forwarded header is ignored.
     */
    static String address(WsConnectContext ctx) {
        var a = ctx.session.getRemoteAddress();
        if (!(a instanceof java.net.InetSocketAddress i) || i.getAddress() == null) return String.valueOf(a);
        if (!i.getAddress().isLoopbackAddress()) return i.getAddress().getHostAddress();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) return null;
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        return last.isEmpty() ? null : last;
    }

    private static String source(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }

    private static String forwardedProto(Context ctx) {
        String p = ctx.header("X-Forwarded-Proto");
        return p != null ? p.split(",")[0].trim() : ctx.scheme();
    }

    static String newConversationId() {
        return dev.timbre.convai.conversation.transport.ConversationSetup.newConversationId();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
