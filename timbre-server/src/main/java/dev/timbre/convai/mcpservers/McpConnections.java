package dev.timbre.convai.mcpservers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timbre.convai.tools.RequestHeaders;
import dev.timbre.outbound.OutboundAddresses;
import dev.timbre.outbound.OutboundPolicy;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.customizer.McpSyncHttpClientRequestCustomizer;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open MCP client sessions (the official SDK's {@link McpSyncClient}), one per server and stored version, reused by
 * every conversation; a session idle past {@code idle} or of an older version is closed when next asked for. Before
 * connecting, the URL's host must resolve only to addresses the {@link OutboundPolicy} permits. Redirects are never
 * followed (the JDK client's default). Thread-safe; {@link #client} blocks up to the connect timeout.
 */
final class McpConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(McpConnections.class);
    /** Largest MCP message read from a server, in bytes. */
    static final int MAX_MESSAGE_BYTES = 1 << 20;
    private static final McpJsonMapper MAPPER = new JacksonMcpJsonMapper(new ObjectMapper());
    /** Tool results are passed on as text; their structured output is not checked against the tool's schema. */
    private static final JsonSchemaValidator NO_SCHEMA_CHECK = (schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null);

    /** The server could not be connected to; the message is safe to show (no address details). */
    static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Open(long version, McpSyncClient client, long[] lastUsedNanos) {}

    private final Function<String, String> secretValue;
    private final OutboundPolicy outbound;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration idle;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    /** @param secretValue a secret's plain value by id (throws when there is none) */
    McpConnections(Function<String, String> secretValue, OutboundPolicy outbound, Duration connectTimeout, Duration requestTimeout, Duration idle) {
        this.secretValue = secretValue;
        this.outbound = outbound;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.idle = idle;
    }

    /** An initialized session with {@code server}, opened when there is none for its stored version. */
    McpSyncClient client(StoredMcpServer server) throws Unavailable {
        long now = System.nanoTime();
        Open o = open.get(server.mcpServerId());
        if (o != null && o.version() == server.updatedAtUnix() && now - o.lastUsedNanos()[0] < idle.toNanos()) {
            o.lastUsedNanos()[0] = now;
            return o.client();
        }
        if (o != null) discard(server.mcpServerId(), o.client());
        McpSyncClient c = connect(server);
        Open fresh = new Open(server.updatedAtUnix(), c, new long[] {now});
        Open raced = open.putIfAbsent(server.mcpServerId(), fresh);
        if (raced != null) {
            closeQuietly(c);
            return raced.client();
        }
        return c;
    }

    /** Drops a session that failed, so that the next call connects again. */
    void discard(String serverId, McpSyncClient client) {
        open.computeIfPresent(serverId, (k, o) -> o.client() == client ? null : o);
        closeQuietly(client);
    }

    private McpSyncClient connect(StoredMcpServer server) throws Unavailable {
        String url = server.url() != null ? server.url() : secret(server.config().path("url"), "url");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new Unavailable("the MCP server URL is not valid", e);
        }
        if (OutboundAddresses.check(outbound, uri) != OutboundAddresses.Verdict.PERMITTED) {
            LOG.warn("MCP server {}: {} is not reachable under the outbound policy", server.mcpServerId(), uri.getHost());
            throw new Unavailable("the MCP server could not be reached", null);
        }
        Map<String, String> headers = headers(server.config());
        McpSyncHttpClientRequestCustomizer addHeaders = (builder, method, endpoint, body, context) -> headers.forEach(builder::setHeader);
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        McpClientTransport transport = server.transport().equals(McpConfigChecks.STREAMABLE_HTTP)
                ? HttpClientStreamableHttpTransport.builder(base).endpoint(path).jsonMapper(MAPPER).connectTimeout(connectTimeout)
                        .httpRequestCustomizer(addHeaders).maxResponseSize(MAX_MESSAGE_BYTES).build()
                : HttpClientSseClientTransport.builder(base).sseEndpoint(path).jsonMapper(MAPPER).connectTimeout(connectTimeout)
                        .httpRequestCustomizer(addHeaders).maxResponseSize(MAX_MESSAGE_BYTES).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(requestTimeout).initializationTimeout(connectTimeout)
                .jsonSchemaValidator(NO_SCHEMA_CHECK).clientInfo(new McpSchema.Implementation("timbre", "1.0")).build();
        try {
            client.initialize();
            return client;
        } catch (RuntimeException e) {
            LOG.warn("MCP server {}: could not connect: {}", server.mcpServerId(), e.toString());
            closeQuietly(client);
            throw new Unavailable("the MCP server could not be reached", e);
        }
    }

    /** {@code request_headers} with secrets resolved, and {@code secret_token} as a bearer {@code Authorization}. */
    private Map<String, String> headers(JsonNode config) throws Unavailable {
        try {
            Map<String, String> h = new java.util.LinkedHashMap<>(RequestHeaders.resolve(config.path("request_headers"), secretValue, Map.of()).values());
            JsonNode token = config.path("secret_token");
            if (token.path("secret_id").isTextual()) h.put("Authorization", "Bearer " + secret(token, "secret_token"));
            return h;
        } catch (IllegalArgumentException e) {
            throw new Unavailable(e.getMessage(), e);
        }
    }

    private String secret(JsonNode locator, String what) throws Unavailable {
        try {
            return RequestHeaders.secret(secretValue, locator.path("secret_id").asText(), "MCP server " + what);
        } catch (IllegalArgumentException e) {
            throw new Unavailable(e.getMessage(), e);
        }
    }

    private static void closeQuietly(McpSyncClient c) {
        try {
            c.close();
        } catch (RuntimeException e) {
            LOG.debug("closing an MCP session: {}", e.toString());
        }
    }

    @Override
    public void close() {
        open.values().forEach(o -> closeQuietly(o.client()));
        open.clear();
    }
}
