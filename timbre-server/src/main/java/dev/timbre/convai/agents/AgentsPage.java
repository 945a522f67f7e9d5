package dev.timbre.convai.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code GetAgentsPageResponseModel}. */
public record AgentsPage(List<AgentSummary> agents, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor, boolean hasMore) {}
