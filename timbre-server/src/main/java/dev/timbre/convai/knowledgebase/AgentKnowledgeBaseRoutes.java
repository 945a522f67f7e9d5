package dev.timbre.convai.knowledgebase;

import static io.javalin.apibuilder.ApiBuilder.get;

import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;

/** {@code /v1/convai/agent/{agent_id}/knowledge-base/size} (the singular {@code agent} path of the OpenAPI). */
public final class AgentKnowledgeBaseRoutes implements EndpointGroup {
    private final AgentKnowledge knowledge;

    public AgentKnowledgeBaseRoutes(AgentKnowledge knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public void addEndpoints() {
        get("/{agent_id}/knowledge-base/size", ctx -> ctx.json(knowledge.size(Params.id(ctx, "agent_id", "agent_not_found", "Agent"))));
    }
}
