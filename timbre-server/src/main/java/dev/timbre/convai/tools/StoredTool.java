package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A row of {@code convai_tools}: the tool config as the client sent it (plus its {@code type}), and the calls
 * conversations made to it ({@code usage}, written only by {@link ToolRepository#recordCall}).
 */
public record StoredTool(String toolId, String name, String type, ObjectNode config, long createdAtUnix, long updatedAtUnix,
                         ToolResponse.UsageStats usage) {
    public static final ToolResponse.UsageStats UNUSED = new ToolResponse.UsageStats(0, 0.0);

    /** A tool as written by the API, never called. */
    public StoredTool(String toolId, String name, String type, ObjectNode config, long createdAtUnix, long updatedAtUnix) {
        this(toolId, name, type, config, createdAtUnix, updatedAtUnix, UNUSED);
    }
}
