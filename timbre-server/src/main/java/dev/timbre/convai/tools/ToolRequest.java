package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code ToolRequestModel}: the body of create and update. */
public record ToolRequest(JsonNode toolConfig) {}
