package dev.timbre.convai.knowledgebase;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.convai.agents.AgentsService;

/**
 * The size of an agent's knowledge base in pages: each document the agent's locators name counts
 * {@code ceil(size_bytes / PAGE_BYTES)} pages, at least one (a URL is a page or more). Thread-safe; blocking.
 */
public final class AgentKnowledge {
    /** Bytes of extracted text in a page (about 500 words). */
    public static final int PAGE_BYTES = 3_000;

    private final AgentsService agents;
    private final KnowledgeBaseRepository repository;

    public AgentKnowledge(AgentsService agents, KnowledgeBaseRepository repository) {
        this.agents = agents;
        this.repository = repository;
    }

    /** {@code GET /v1/convai/agent/{agent_id}/knowledge-base/size}; 404 for an unknown agent. */
    public DocumentViews.AgentSize size(String agentId) {
        return new DocumentViews.AgentSize(pages(agents.get(agentId)));
    }

    /** Pages of the documents named by a full agent configuration (documents that no longer exist count nothing). */
    public int pages(JsonNode agentConfig) {
        int pages = 0;
        for (String id : Locators.of(agentConfig).stream().map(l -> l.get("id").asText()).distinct().toList()) {
            pages += repository.find(id).map(d -> (int) Math.max(1, (d.sizeBytes() + PAGE_BYTES - 1) / PAGE_BYTES)).orElse(0);
        }
        return pages;
    }

    /** The agent's full configuration (stored over defaults); 404 for an unknown agent. */
    public JsonNode agent(String agentId) {
        return agents.get(agentId);
    }
}
