/**
 * {@code /v1/convai/mcp-servers}: MCP servers agents use ({@code conversation_config.agent.prompt.mcp_server_ids}), and
 * their tools in conversations.
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.mcpservers.McpServersRoutes}: create, list, get, {@code GET …/tools} (listed live;
 *       {@code success} false with a message when the server cannot be reached), {@code PATCH …/approval-policy},
 *       {@code POST …/tool-approvals}, {@code DELETE …/tool-approvals/{tool_name}}.</li>
 *   <li>{@link dev.timbre.convai.mcpservers.McpServersService}: the stored {@code MCPServerConfig} with defaults
 *       (transport SSE, approval_policy require_approval_all); responses add {@code access_info},
 *       {@code dependent_agents} and {@code metadata}. Unknown id 404 {@code mcp_server_not_found}. A URL (or the secret
 *       holding it) must be absolute http(s) and may not resolve to an internal address unless the outbound allow
 *       list names it; every {@code {"secret_id"}} must exist (422s). A tool approval stores a {@code ToolHash} over the
 *       tool's name, description and input schema.</li>
 *   <li>{@link dev.timbre.convai.mcpservers.McpTools} / {@link dev.timbre.convai.mcpservers.RemoteMcpTools}: lists a
 *       server's tools (official MCP Java SDK client, SSE or streamable HTTP, through
 *       {@code McpConnections}: sessions reused per server version, closed after 5 min idle) and calls them under the
 *       approval policy; results are text capped at 16,000 characters; connect, list and call are each bounded by a
 *       timeout, servers are listed in parallel and a conversation start waits at most twice the connect timeout, and
 *       a server that is down or slower contributes no tools (its calls fail with an error result).</li>
 *   <li>{@link dev.timbre.convai.mcpservers.McpServerRepository}: table {@code convai_mcp_servers} (V22).</li>
 * </ul>
 *
 * <p>Outbound: the SDK's JDK HTTP client cannot take our resolver, so the host is resolved and checked against the
 * outbound policy right before each connect ({@link dev.timbre.outbound.OutboundAddresses}); redirects are not
 * followed. Threading: everything is thread-safe; listing and calling block (never on a session loop: listing runs
 * when a conversation starts, calls on the tool stage's blocking executor).
 */
package dev.timbre.convai.mcpservers;
