package dev.timbre.convai.mcpservers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.JsonText;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.common.WorkerPools;
import dev.timbre.engine.ToolSpec;
import dev.timbre.http.Json;
import dev.timbre.outbound.OutboundPolicy;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link McpTools} over real MCP servers (SSE or streamable HTTP, {@link McpConnections}). Listings are cached per
 * server version for {@code listTtl}. Approval (the seed's modes): {@code auto_approve_all} runs every tool;
 * {@code require_approval_all} offers every tool but a call is refused with an error result saying approval is
 * required (there is no approval channel here); {@code require_approval_per_tool} offers only the tools in
 * {@code tool_approval_hashes} (others are disabled), runs those {@code auto_approved} whose hash still matches, and
 * refuses the rest like {@code require_approval_all}. Results reach the LLM as text, cut at {@link #MAX_RESULT_CHARS}.
 */
public final class RemoteMcpTools implements McpTools, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteMcpTools.class);
    /** Longest tool result handed to the LLM, in characters. */
    public static final int MAX_RESULT_CHARS = 16_000;
    static final int MAX_SERVERS = 10;

    private record Listing(long version, long atNanos, List<McpSchema.Tool> tools) {}

    private final McpServersService servers;
    private final McpConnections connections;
    private final Duration callTimeout;
    private final Duration listTtl;
    private final Map<String, Listing> listings = new ConcurrentHashMap<>();
    private final Duration listWait;
    /** Listing threads (daemon, at most 8, idle ones end after a minute); a listing is bounded by the SDK's timeouts. */
    private final ThreadPoolExecutor listers = new ThreadPoolExecutor(8, 8, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(256),
            WorkerPools.daemon("convai-mcp-list"), new ThreadPoolExecutor.CallerRunsPolicy());

    /**
     * @param secretValue a secret's plain value by id (throws when there is none)
     * @param connectTimeout connecting and initializing a session; {@code callTimeout} each list or call request
     */
    public RemoteMcpTools(McpServersService servers, Function<String, String> secretValue, OutboundPolicy outbound,
                          Duration connectTimeout, Duration callTimeout, Duration listTtl) {
        this.servers = servers;
        this.connections = new McpConnections(secretValue, outbound, connectTimeout, callTimeout, Duration.ofMinutes(5));
        this.callTimeout = callTimeout;
        this.listTtl = listTtl;
        this.listWait = connectTimeout.multipliedBy(2);
        listers.allowCoreThreadTimeOut(true);
    }

    /**
     * Lists the servers in parallel and waits at most twice {@code connectTimeout} in all (connect, then list): a server
     * that has not answered by then contributes no tools to this conversation (its listing goes on and is cached for
     * the next one).
     */
    @Override
    public List<AgentTool> tools(List<String> serverIds) {
        List<StoredMcpServer> stored = new ArrayList<>();
        for (String id : serverIds.stream().distinct().limit(MAX_SERVERS).toList()) servers.find(id).ifPresent(stored::add);
        List<CompletableFuture<List<McpSchema.Tool>>> listings = new ArrayList<>();
        for (StoredMcpServer s : stored) {
            listings.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return listing(s);
                } catch (McpConnections.Unavailable e) {
                    return List.of();
                }
            }, listers));
        }
        long deadline = System.nanoTime() + listWait.toNanos();
        List<AgentTool> out = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            List<McpSchema.Tool> listed;
            try {
                listed = listings.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                LOG.warn("MCP server {}: no tool list within {}; its tools are left out of this conversation", stored.get(i).mcpServerId(), listWait);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                continue;
            }
            for (McpSchema.Tool t : listed) {
                AgentTool tool = tool(stored.get(i), t);
                if (tool != null) out.add(tool);
            }
        }
        return out;
    }

    /**
     * {@code ListMCPToolsResponseModel} of a server: its tools as MCP {@code Tool} objects, or {@code success} false
     * with a message that names no address. 404 for an unknown server.
     */
    public Map<String, Object> listResponse(String serverId) {
        StoredMcpServer s = servers.find(serverId).orElseThrow(() -> McpServersService.notFound(serverId));
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            List<Map<String, Object>> tools = new ArrayList<>();
            for (McpSchema.Tool t : listing(s)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", t.name());
                if (t.title() != null) m.put("title", t.title());
                if (t.description() != null) m.put("description", t.description());
                m.put("inputSchema", t.inputSchema() == null ? Map.of("type", "object") : t.inputSchema());
                if (t.outputSchema() != null) m.put("outputSchema", t.outputSchema());
                tools.add(m);
            }
            out.put("success", true);
            out.put("tools", tools);
        } catch (McpConnections.Unavailable e) {
            out.put("success", false);
            out.put("tools", List.of());
            out.put("error_message", e.getMessage());
        }
        return out;
    }

    private List<McpSchema.Tool> listing(StoredMcpServer s) throws McpConnections.Unavailable {
        Listing l = listings.get(s.mcpServerId());
        if (l != null && l.version() == s.updatedAtUnix() && System.nanoTime() - l.atNanos() < listTtl.toNanos()) return l.tools();
        McpSyncClient c = null;
        try {
            c = connections.client(s);
            List<McpSchema.Tool> tools = new ArrayList<>();
            String cursor = null;
            for (int page = 0; page < 10; page++) {
                McpSchema.ListToolsResult r = c.listTools(cursor);
                tools.addAll(r.tools());
                cursor = r.nextCursor();
                if (cursor == null || cursor.isEmpty()) break;
            }
            listings.put(s.mcpServerId(), new Listing(s.updatedAtUnix(), System.nanoTime(), List.copyOf(tools)));
            return tools;
        } catch (McpConnections.Unavailable e) {
            LOG.warn("MCP server {}: its tools could not be listed: {}", s.mcpServerId(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("MCP server {}: its tools could not be listed: {}", s.mcpServerId(), e.toString());
            if (c != null) connections.discard(s.mcpServerId(), c);
            throw new McpConnections.Unavailable("the MCP server did not list its tools", e);
        }
    }

    /** The agent tool for {@code t}, or null when the approval policy disables it. */
    private AgentTool tool(StoredMcpServer s, McpSchema.Tool t) {
        String policy = s.approvalPolicy();
        String description = t.description() == null ? "" : t.description();
        boolean requiresApproval = policy.equals(McpConfigChecks.REQUIRE_ALL);
        if (policy.equals(McpConfigChecks.PER_TOOL)) {
            JsonNode approval = null;
            for (JsonNode h : s.config().path("tool_approval_hashes")) {
                if (h.path("tool_name").asText().equals(t.name())) approval = h;
            }
            if (approval == null) return null;
            String hash = ToolHash.of(t.name(), description, Json.MAPPER.valueToTree(t.inputSchema()));
            requiresApproval = !approval.path("approval_policy").asText().equals("auto_approved")
                    || !approval.path("tool_hash").asText().equals(hash);
        }
        Map<String, Object> schema = t.inputSchema() == null ? Map.of("type", "object", "properties", Map.of()) : t.inputSchema();
        String name = t.name().replaceAll("[^A-Za-z0-9_-]", "_");
        if (name.length() > 64) name = name.substring(0, 64);
        return AgentTool.mcp(new ToolSpec(name, description.isBlank() ? t.name() : description, schema), callTimeout.plusSeconds(1),
                new McpBinding(s.mcpServerId(), s.name(), t.name(), description, policy, requiresApproval));
    }

    @Override
    public ToolRunner.Result run(AgentTool tool, String argumentsJson) {
        if (!(tool.config() instanceof McpBinding b)) return new ToolRunner.Result("The tool has no MCP configuration.", true, null, 0);
        Map<String, Object> args = JsonText.object(argumentsJson);
        Map<String, Object> details = details(b, args);
        if (b.requiresApproval()) {
            return new ToolRunner.Result("Tool '" + b.toolName() + "' requires approval before it can be used, and it has not been approved. "
                    + "Tell the user that this action needs approval.", true, details, 0);
        }
        long started = System.nanoTime();
        Optional<StoredMcpServer> s = servers.find(b.serverId());
        if (s.isEmpty()) return new ToolRunner.Result("The MCP server of tool '" + b.toolName() + "' no longer exists.", true, details, 0);
        McpSyncClient c = null;
        try {
            c = connections.client(s.get());
            McpSchema.CallToolResult r = c.callTool(new McpSchema.CallToolRequest(b.toolName(), args));
            return new ToolRunner.Result(text(r), Boolean.TRUE.equals(r.isError()), details, secs(started));
        } catch (McpConnections.Unavailable e) {
            return new ToolRunner.Result("The MCP tool '" + b.toolName() + "' failed: " + e.getMessage(), true, details, secs(started));
        } catch (RuntimeException e) {
            LOG.warn("MCP server {}: call of {} failed: {}", b.serverId(), b.toolName(), e.toString());
            if (c != null) connections.discard(b.serverId(), c);
            return new ToolRunner.Result("The MCP tool '" + b.toolName() + "' failed: the server did not answer in time or the call broke.",
                    true, details, secs(started));
        }
    }

    /** The text of a result's content (text parts; other parts named), or its structured content; cut to the cap. */
    static String text(McpSchema.CallToolResult r) {
        StringBuilder b = new StringBuilder();
        if (r.content() != null) {
            for (McpSchema.Content c : r.content()) {
                if (b.length() > 0) b.append('\n');
                b.append(c instanceof McpSchema.TextContent t ? t.text() : "[" + c.type() + " content]");
                if (b.length() > MAX_RESULT_CHARS) break;
            }
        }
        if (b.length() == 0 && r.structuredContent() != null) b.append(Json.write(r.structuredContent()));
        return b.length() > MAX_RESULT_CHARS ? b.substring(0, MAX_RESULT_CHARS) + "… [truncated]" : b.toString();
    }

    /** The transcript's {@code ConversationHistoryTranscriptToolCallMCPDetails}. */
    private static Map<String, Object> details(McpBinding b, Map<String, Object> args) {
        Map<String, String> params = new LinkedHashMap<>();
        args.forEach((k, v) -> params.put(k, v instanceof String s ? s : Json.write(v)));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "mcp");
        d.put("mcp_server_id", b.serverId());
        d.put("mcp_server_name", b.serverName());
        d.put("integration_type", "mcp_server");
        d.put("parameters", params);
        d.put("approval_policy", b.approvalPolicy());
        d.put("requires_approval", b.requiresApproval());
        d.put("mcp_tool_name", b.toolName());
        d.put("mcp_tool_description", b.toolDescription());
        return d;
    }

    private static double secs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    @Override
    public void close() {
        listers.shutdownNow();
        connections.close();
    }
}
