package dev.timbre.convai.conversations;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.JsonBody;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** {@code /v1/convai/conversations}: list, get, delete, feedback, audio. */
public final class ConversationsRoutes implements EndpointGroup {
    private static final Set<String> SCORES = Set.of("like", "dislike");

    private final ConversationsService service;

    public ConversationsRoutes(ConversationsService service) {
        this.service = service;
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
            service.rate(id, score(ctx));
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
