package dev.timbre.convai.mcpservers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * A real MCP server in process (the official SDK's servlet transports on Jetty, 127.0.0.1, a free port): streamable
 * HTTP at {@code /mcp}, SSE at {@code /sse} (messages at {@code /message}). Tools: {@code echo(message)},
 * {@code add(a, b)}, {@code slow(millis)} (sleeps), {@code big()} (100,000 characters). Records the headers of the
 * requests it gets. Close it.
 */
public final class McpTestServer implements AutoCloseable {
    static final McpJsonMapper MAPPER = new JacksonMcpJsonMapper(new ObjectMapper());
    private static final JsonSchemaValidator ANY = (schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null);

    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final Server jetty;
    private final McpSyncServer streamable;
    private final McpSyncServer sse;

    public McpTestServer() throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        HttpServletStreamableServerTransportProvider streamableTransport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(MAPPER).mcpEndpoint("/mcp").contextExtractor(req -> {
                    if (req.getHeader("Authorization") != null) authorizations.add(req.getHeader("Authorization"));
                    return io.modelcontextprotocol.common.McpTransportContext.EMPTY;
                }).build();
        HttpServletSseServerTransportProvider sseTransport = HttpServletSseServerTransportProvider.builder()
                .jsonMapper(MAPPER).sseEndpoint("/sse").messageEndpoint("/message").build();
        streamable = tools(McpServer.sync(streamableTransport));
        sse = tools(McpServer.sync(sseTransport));
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        ServletHolder streamableHolder = new ServletHolder(streamableTransport);
        streamableHolder.setAsyncSupported(true);
        context.addServlet(streamableHolder, "/mcp");
        ServletHolder sseHolder = new ServletHolder(sseTransport);
        sseHolder.setAsyncSupported(true);
        context.addServlet(sseHolder, "/sse");
        context.addServlet(sseHolder, "/message");
        jetty.setHandler(context);
        jetty.start();
    }

    private McpSyncServer tools(McpServer.SyncSpecification<?> spec) {
        return spec.serverInfo("timbre-test-mcp", "1.0").jsonMapper(MAPPER).jsonSchemaValidator(ANY)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(tool("echo", "Echoes the message back", Map.of("message", Map.of("type", "string")), List.of("message"),
                                args -> "Echo: " + args.get("message")),
                        tool("add", "Adds two numbers", Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number")), List.of("a", "b"),
                                args -> String.valueOf(((Number) args.get("a")).doubleValue() + ((Number) args.get("b")).doubleValue())),
                        tool("slow", "Sleeps for millis", Map.of("millis", Map.of("type", "integer")), List.of("millis"), args -> {
                            try {
                                Thread.sleep(((Number) args.get("millis")).longValue());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return "slept";
                        }),
                        tool("big", "Returns a long text", Map.of(), List.of(), args -> "x".repeat(100_000)))
                .build();
    }

    private McpServerFeatures.SyncToolSpecification tool(String name, String description, Map<String, Object> props, List<String> required,
                                                         java.util.function.Function<Map<String, Object>, String> body) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(Map.of("type", "object", "properties", props, "required", required)).build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            calls.add(name);
            return McpSchema.CallToolResult.builder().content(List.of(new McpSchema.TextContent(body.apply(request.arguments())))).isError(false).build();
        }).build();
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    public String streamableUrl() {
        return "http://127.0.0.1:" + port() + "/mcp";
    }

    public String sseUrl() {
        return "http://127.0.0.1:" + port() + "/sse";
    }

    @Override
    public void close() throws Exception {
        streamable.close();
        sse.close();
        jetty.stop();
    }
}
