package dev.timbre.convai.conversations;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.ApiKeyAuth;
import dev.timbre.http.JsonBody;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.Set;

/**
 * {@code /v1/convai/conversations}: list, get, delete, feedback, audio. Overall feedback may come without an API key
 * (the agent widget sends it after a call, as ElevenLabs' does): then the conversation must have started within
 * {@link #KEYLESS_FEEDBACK_WINDOW} and {@code keylessFeedback} must allow its agent for the request's {@code Origin}
 * (a public agent whose allowlist admits it); its id, random and only known to the caller, is the credential.
 */
public final class ConversationsRoutes implements EndpointGroup {
    private static final Set<String> SCORES = Set.of("like", "dislike");
    static final Duration KEYLESS_FEEDBACK_WINDOW = Duration.ofHours(24);

    private final ConversationsService service;
    private final BiPredicate<String, String> keylessFeedback;

    /** Without keyless feedback: every request needs a key. */
    public ConversationsRoutes(ConversationsService service) {
        this(service, (agentId, origin) -> false);
    }

    /** {@code keylessFeedback}: (agent id, {@code Origin} or null) → whether a keyless caller may rate its conversations. */
    public ConversationsRoutes(ConversationsService service, BiPredicate<String, String> keylessFeedback) {
        this.service = service;
        this.keylessFeedback = keylessFeedback;
    }

    @Override
    public void addEndpoints() {
        get(this::list);
        get("/{conversation_id}", ctx -> ctx.json(service.get(id(ctx))));
        delete("/{conversation_id}", ctx -> {
            service.delete(id(ctx));
            ctx.json(Map.of());
        });
        post("/{conversation_id}/feedback", ctx -> {
            String id = id(ctx);
            String score = score(ctx);
            if (!ApiKeyAuth.hasCaller(ctx)) {
                String origin = ctx.header("Origin");
                service.recentAgent(id, KEYLESS_FEEDBACK_WINDOW).filter(agent -> keylessFeedback.test(agent, origin))
                        .orElseThrow(() -> ApiException.unauthorized("needs_authorization",
                                "Feedback without an API key is accepted only for recent conversations of public agents."));
            }
            service.rate(id, score);
            ctx.json(Map.of());
        });
        get("/{conversation_id}/audio", ctx -> ctx.contentType("audio/mpeg").result(service.audio(id(ctx))));
    }

    private void list(Context ctx) {
        ConversationQuery q = new ConversationQuery(
                Params.queryInt(ctx, "page_size", 30, 1, ConversationsService.MAX_PAGE_SIZE),
                Params.query(ctx, "agent_id").orElse(null),
                Params.queryEnum(ctx, "call_successful", AnalysisJson.RESULTS).orElse(null),
                Params.queryLong(ctx, "call_start_before_unix").orElse(null),
                Params.queryLong(ctx, "call_start_after_unix").orElse(null),
                Params.query(ctx, "user_id").orElse(null),
                Params.queryEnum(ctx, "summary_mode", Set.of("include", "exclude")).map("include"::equals).orElse(false),
                Params.query(ctx, "cursor").orElse(null));
        ctx.json(service.list(q));
    }

    /** The body's {@code feedback}: {@code like} or {@code dislike}, else a 422 on {@code body.feedback}. */
    private static String score(Context ctx) {
        JsonNode body = JsonBody.read(ctx, JsonNode.class);
        if (!body.isObject()) throw ApiException.invalid("Input should be a valid dictionary", "dict_type", "body");
        JsonNode feedback = body.get("feedback");
        if (feedback == null || feedback.isNull()) throw ApiException.invalid("Field required", "missing", "body", "feedback");
        if (!feedback.isTextual() || !SCORES.contains(feedback.asText())) {
            throw ApiException.invalid("Input should be 'like' or 'dislike'", "enum", "body", "feedback");
        }
        return feedback.asText();
    }

    private static String id(Context ctx) {
        return Params.id(ctx, "conversation_id", "conversation_not_found", "Conversation");
    }
}
