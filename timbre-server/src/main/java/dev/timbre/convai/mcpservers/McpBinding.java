package dev.timbre.convai.mcpservers;

/**
 * What an MCP {@link dev.timbre.agent.tools.AgentTool} carries back to {@link RemoteMcpTools#run}: the server, the
 * tool's own name on it ({@code toolName}; the LLM-facing name may differ), and whether a call needs an approval the
 * server does not have.
 */
record McpBinding(String serverId, String serverName, String toolName, String toolDescription, String approvalPolicy,
                  boolean requiresApproval) {}
