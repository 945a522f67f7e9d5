package dev.timbre.convai.conversation.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a webhook {@link dev.timbre.agent.tools.AgentTool} carries for {@link ServerToolRunner}: its {@code tool_config}
 * and, for a workspace tool referenced by {@code tool_ids}, its id (null for inline tools).
 */
record WebhookBinding(String toolId, JsonNode config) {}
