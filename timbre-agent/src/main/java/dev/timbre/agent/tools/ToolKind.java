package dev.timbre.agent.tools;

/** Where a tool runs; {@link #wireName()} is the {@code tool_type} of the socket events and the transcript. */
public enum ToolKind {
    /** Built into the runtime: end_call, language_detection, transfer_to_agent, skip_turn, telephony ones. */
    SYSTEM,
    /** Run by the client: {@code client_tool_call} out, {@code client_tool_result} back. */
    CLIENT,
    /** An HTTP call made by the server through {@link ToolRunner}. */
    WEBHOOK,
    /** A tool of an MCP server, called by the server through {@link ToolRunner} like a webhook. */
    MCP;

    public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
