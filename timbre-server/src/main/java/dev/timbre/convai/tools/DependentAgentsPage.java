package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code GetToolDependentAgentsResponseModel}: {@code agents} are {@code DependentAvailableAgentIdentifier}s. */
public record DependentAgentsPage(List<JsonNode> agents, String nextCursor, boolean hasMore) {}
