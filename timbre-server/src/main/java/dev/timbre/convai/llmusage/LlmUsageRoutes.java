package dev.timbre.convai.llmusage;

import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.convai.knowledgebase.AgentKnowledge;
import dev.timbre.http.JsonBody;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;

/**
 * Mounted at {@code /v1/convai}: {@code POST /llm-usage/calculate} (all inputs given) and
 * {@code POST /agent/{agent_id}/llm-usage/calculate} (inputs default to the agent's: its prompt's length, its
 * knowledge base's pages, {@code prompt.rag.enabled}).
 */
public final class LlmUsageRoutes implements EndpointGroup {
    private final LlmUsage usage;
    private final AgentKnowledge knowledge;

    public LlmUsageRoutes(LlmUsage usage, AgentKnowledge knowledge) {
        this.usage = usage;
        this.knowledge = knowledge;
    }

    @Override
    public void addEndpoints() {
        post("/llm-usage/calculate", ctx -> {
            UsageRequest r = JsonBody.read(ctx, UsageRequest.class).requireAll();
            ctx.json(usage.calculate(r.promptLength(), r.numberOfPages(), r.ragEnabled()));
        });
        post("/agent/{agent_id}/llm-usage/calculate", ctx -> {
            String agentId = Params.id(ctx, "agent_id", "agent_not_found", "Agent");
            UsageRequest r = ctx.body().isBlank() ? new UsageRequest(null, null, null) : JsonBody.read(ctx, UsageRequest.class).checked();
            JsonNode agent = knowledge.agent(agentId);
            JsonNode prompt = agent.at("/conversation_config/agent/prompt");
            long promptLength = r.promptLength() != null ? r.promptLength() : prompt.path("prompt").asText("").length();
            long pages = r.numberOfPages() != null ? r.numberOfPages() : knowledge.pages(agent);
            boolean rag = r.ragEnabled() != null ? r.ragEnabled() : prompt.path("rag").path("enabled").asBoolean(false);
            ctx.json(usage.calculate(promptLength, pages, rag));
        });
    }
}
