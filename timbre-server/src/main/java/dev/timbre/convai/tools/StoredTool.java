package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A row of {@code convai_tools}: the tool config as the client sent it (plus its {@code type}). */
public record StoredTool(String toolId, String name, String type, ObjectNode config, long createdAtUnix, long updatedAtUnix) {}
