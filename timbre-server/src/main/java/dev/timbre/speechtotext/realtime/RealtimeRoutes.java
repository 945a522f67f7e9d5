package dev.timbre.speechtotext.realtime;

import dev.timbre.common.WorkerPools;
import static io.javalin.apibuilder.ApiBuilder.ws;

import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.SpeechToText;
import dev.timbre.http.ApiException;
import dev.timbre.http.ApiKeyAuth;
import dev.timbre.speechtotext.SpeechToTextService;
import dev.timbre.sockets.SocketSender;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * {@code /v1/speech-to-text/realtime}, the socket of the SDK's {@code speechToText.realtime}. The key comes with the
 * upgrade ({@code xi-api-key} header, {@code xi_api_key}/{@code authorization} query, checked by {@link ApiKeyAuth})
 * or as {@code token} (an API key here: Timbre has no single-use tokens); without one the session is refused with an
 * {@code auth_error}. The query, the engine (none configured: {@code transcriber_error}) and the language are checked
 * when the socket opens, then {@link RealtimeSession} runs the session.
 */
public final class RealtimeRoutes implements EndpointGroup {
    /** Realtime model ids accepted besides the speech-to-text models of {@code models.yaml}. */
    static final Set<String> REALTIME_MODELS = Set.of("scribe_v2_realtime", "scribe_v1_realtime", "scribe_realtime_v2");

    private final SpeechToTextService service;
    private final ApiKeyAuth auth;
    private final Map<String, RealtimeSession> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(WorkerPools.daemon("stt-realtime-timers"));

    public RealtimeRoutes(SpeechToTextService service, ApiKeyAuth auth) {
        this.service = service;
        this.auth = auth;
    }

    @Override
    public void addEndpoints() {
        ws("realtime", this::handle);
    }

    private void handle(WsConfig ws) {
        ws.onConnect(this::open);
        ws.onMessage(ctx -> {
            RealtimeSession s = sessions.get(ctx.sessionId());
            if (s != null) s.receive(ctx.message());
        });
        ws.onBinaryMessage(ctx -> {
            RealtimeSession s = sessions.get(ctx.sessionId());
            if (s != null) s.receiveBinary();
        });
        ws.onClose(this::ended);
        ws.onError(this::ended);
    }

    private void open(WsConnectContext ctx) {
        SocketSender out = new SocketSender(ctx.session);
        try {
            String key = ApiKeyAuth.upgradeKey(ctx.header(ApiKeyAuth.HEADER), ctx.queryParam("xi_api_key"), ctx.queryParam("authorization"));
            if (key == null) {
                String token = ctx.queryParam("token");
                if (token == null || token.isBlank()) {
                    throw RealtimeError.fatal("auth_error", "Neither an xi-api-key header nor a token was received; please provide one.",
                            StatusCode.POLICY_VIOLATION);
                }
                if (!auth.allows(token, dev.timbre.access.Permission.SPEECH_TO_TEXT)) throw RealtimeError.fatal("auth_error", "Invalid token.", StatusCode.POLICY_VIOLATION);
            }
            RealtimeOptions options = RealtimeOptions.parse(ctx::queryParam, ctx::queryParams);
            SpeechToText engine;
            try {
                engine = service.engine();
            } catch (ApiException e) {
                throw RealtimeError.fatal("transcriber_error", e.getMessage(), StatusCode.SERVER_ERROR);
            }
            if (!REALTIME_MODELS.contains(options.modelId()) && !service.isModel(options.modelId())) {
                throw RealtimeOptions.invalid("A model with model ID " + options.modelId() + " does not exist or does not support speech to text.");
            }
            engine = dev.timbre.engines.EngineNodesSpeechToText.forModel(engine, options.modelId()); // engine nodes: routed by model id
            String language = null;
            if (options.languageCode() != null) {
                try {
                    language = SpeechToTextService.language(engine, options.languageCode());
                } catch (ApiException e) {
                    throw RealtimeOptions.invalid(e.isValidation() ? "language_code: " + e.violations().get(0).msg() : e.getMessage());
                }
            }
            RealtimeSession session = new RealtimeSession(engine, language, options, out, timers);
            sessions.put(ctx.sessionId(), session);
            session.start();
        } catch (RealtimeError e) {
            RealtimeSession.send(out, e);
        }
    }

    private void ended(WsContext ctx) {
        RealtimeSession s = sessions.remove(ctx.sessionId());
        if (s != null) s.end();
    }
}
