package dev.timbre.convai.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** An agent row: listing columns and the configuration as the client sent it ({@code config}, without name and tags). */
public record StoredAgent(String agentId, String name, List<String> tags, boolean archived, long createdAtUnix,
                          long updatedAtUnix, String shareToken, ObjectNode config, long seq) {}
