/**
 * {@code /v1/convai/tools}: the workspace's agent tools (webhook, client, system), and the runtime that calls webhook
 * tools over HTTP during conversations.
 *
 * <p>Resource:
 * <ul>
 *   <li>{@link dev.timbre.convai.tools.ToolsRoutes}: list (one page), create, get, PATCH (replaces the whole
 *       {@code tool_config}), delete, {@code dependent-agents} ({@code page_size} 1–100, default 30, cursor).</li>
 *   <li>{@link dev.timbre.convai.tools.ToolsService} + {@link dev.timbre.convai.tools.ToolConfigChecks}: the
 *       {@code tool_config} is stored verbatim as JSON; a missing {@code type} is inferred ({@code api_schema} →
 *       webhook, {@code params} → system, else client). Dependent agents are those whose
 *       {@code conversation_config.agent.prompt.tool_ids} hold the tool, in agent creation order.
 *       {@code usage_stats} count calls made from {@code tool_ids} in conversations ({@code recordCall}).</li>
 *   <li>{@link dev.timbre.convai.tools.ToolRepository}: table {@code convai_tools} (V7, usage columns V11), ordered by
 *       {@code seq}; {@code AgentMentions} (shared with knowledge-base documents and MCP servers) is a {@code LIKE} on the agents' JSON text for candidates, the exact
 *       path is then checked in Java ({@link dev.timbre.convai.tools.AgentReference#usesTool}).</li>
 * </ul>
 *
 * <p>Runtime:
 * <ul>
 *   <li>{@link dev.timbre.convai.tools.WebhookTools} / {@link dev.timbre.convai.tools.HttpWebhookTools}: one request
 *       per call through {@code outbound.OutboundHttp} (public addresses or the operator's allow list, redirects
 *       re-checked), http/https only; the whole call within the tool's {@code response_timeout_secs} (default 20,
 *       bounded to 1–120 s); body read as UTF-8 up to 64 KiB. Never throws for a failing endpoint: missing required
 *       parameters (nothing sent), bad URL, missing secret, non-2xx (the status; the body goes to the log) are
 *       {@code isError} results the LLM can read; a refused address, an unreachable host and a timeout read alike.</li>
 *   <li>{@link dev.timbre.convai.tools.WebhookRequest}: method, URL, query, headers and body from {@code api_schema};
 *       arguments flat or grouped ({@code path_params}/{@code query_params}/{@code request_body});
 *       {@link dev.timbre.convai.tools.WebhookParameters}: each value from the LLM, a {@code constant_value} or a
 *       {@code dynamic_variable}; {@link dev.timbre.convai.tools.RequestHeaders}: string, secret or variable headers,
 *       plus a masked copy for transcripts; {@link dev.timbre.convai.tools.DynamicVariables}: {@code {{var}}};
 *       {@link dev.timbre.convai.tools.WebhookUrl}: variables in the URL are percent-encoded (a path segment, a query
 *       value) and may not stand in its scheme, host or port.</li>
 *   <li>{@link dev.timbre.convai.tools.ResponseAssignments}: the tool's {@code assignments} (checked on create; at
 *       most 50) take dynamic variables from a 2xx JSON response by dot path ({@code order.items.0.id}); the session
 *       merges them into the conversation's variables.</li>
 *   <li>{@code api_schema.auth_connection}: the {@code auth} subpackage's {@code AuthConnections} adds the
 *       connection's {@code Authorization} header (masked in transcripts); an OAuth2 connection answered with 401 gets
 *       a new token and one retry, all within the tool's timeout.</li>
 * </ul>
 *
 * <p>Threading: the runtime is thread-safe and blocking; callers run it off socket and session-loop threads.
 * {@code Timbre} owns and closes {@code HttpWebhookTools} and the {@code OutboundHttp} it uses.
 */
package dev.timbre.convai.tools;
