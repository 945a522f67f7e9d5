package dev.timbre.convai.mcpservers;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.JsonBody;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/** {@code /v1/convai/mcp-servers}: create, list, get, the server's tools (live), approval policy, tool approvals. */
public final class McpServersRoutes implements EndpointGroup {
    private final McpServersService service;
    private final RemoteMcpTools tools;

    public McpServersRoutes(McpServersService service, RemoteMcpTools tools) {
        this.service = service;
        this.tools = tools;
    }

    @Override
    public void addEndpoints() {
        post(ctx -> ctx.json(service.create(JsonBody.read(ctx, JsonNode.class).get("config"))));
        get(ctx -> ctx.json(service.list()));
        get("/{mcp_server_id}", ctx -> ctx.json(service.get(id(ctx))));
        get("/{mcp_server_id}/tools", ctx -> ctx.json(tools.listResponse(id(ctx))));
        patch("/{mcp_server_id}/approval-policy", ctx -> {
            String id = id(ctx);
            ctx.json(service.updateApprovalPolicy(id, JsonBody.read(ctx, JsonNode.class).get("approval_policy")));
        });
        post("/{mcp_server_id}/tool-approvals", ctx -> {
            String id = id(ctx);
            ctx.json(service.addToolApproval(id, JsonBody.read(ctx, JsonNode.class)));
        });
        delete("/{mcp_server_id}/tool-approvals/{tool_name}", ctx -> ctx.json(service.removeToolApproval(id(ctx), ctx.pathParam("tool_name"))));
    }

    private static String id(Context ctx) {
        return Params.id(ctx, "mcp_server_id", "mcp_server_not_found", "MCP server");
    }
}
