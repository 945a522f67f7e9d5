package dev.timbre.convai.mcpservers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.ToolKind;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.db.Database;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.outbound.OutboundAllowList;
import dev.timbre.outbound.OutboundPolicy;
import dev.timbre.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link RemoteMcpTools} against a real MCP server in process, over streamable HTTP and SSE. */
@Tag("integration")
class RemoteMcpToolsTest {
    static McpTestServer mcp;
    static Database db;
    static McpServersService servers;
    static RemoteMcpTools tools;
    static final Map<String, String> SECRETS = Map.of("tok", "t0ken");

    @BeforeAll
    static void start() throws Exception {
        mcp = new McpTestServer();
        db = TestDatabases.h2();
        OutboundPolicy allowLocal = new OutboundPolicy(OutboundAllowList.parse("127.0.0.1"));
        java.util.function.Function<String, String> secret = id -> {
            if (!SECRETS.containsKey(id)) throw ApiException.notFound("secret_not_found", "no " + id);
            return SECRETS.get(id);
        };
        servers = new McpServersService(new McpServerRepository(db.jdbi()), secret, allowLocal, "Tester", "user1", Clock.systemUTC());
        tools = new RemoteMcpTools(servers, secret, allowLocal, Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        tools.close();
        mcp.close();
        db.close();
    }

    static String create(String url, String transport, String policy) {
        return servers.create(Json.MAPPER.valueToTree(Map.of("name", "Test MCP", "url", url, "transport", transport, "approval_policy", policy,
                "secret_token", Map.of("secret_id", "tok")))).id();
    }

    static AgentTool named(List<AgentTool> list, String name) {
        return list.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void lists_and_calls_tools_over_streamable_http_with_the_secret_token() {
        String id = create(mcp.streamableUrl(), "STREAMABLE_HTTP", "auto_approve_all");
        List<AgentTool> list = tools.tools(List.of(id));
        assertThat(list).extracting(AgentTool::name).containsExactlyInAnyOrder("echo", "add", "slow", "big");
        AgentTool add = named(list, "add");
        assertThat(add.kind()).isEqualTo(ToolKind.MCP);
        assertThat(add.spec().parameters()).containsKey("properties");
        ToolRunner.Result r = tools.run(add, "{\"a\": 2, \"b\": 3}");
        assertThat(r.isError()).as(r.value()).isFalse();
        assertThat(r.value()).isEqualTo("5.0");
        assertThat(r.details()).containsEntry("type", "mcp").containsEntry("mcp_server_id", id).containsEntry("mcp_tool_name", "add")
                .containsEntry("approval_policy", "auto_approve_all").containsEntry("requires_approval", false);
        assertThat(mcp.authorizations).contains("Bearer t0ken");
    }

    @Test
    void lists_and_calls_tools_over_sse() {
        String id = create(mcp.sseUrl(), "SSE", "auto_approve_all");
        List<AgentTool> list = tools.tools(List.of(id));
        ToolRunner.Result r = tools.run(named(list, "echo"), "{\"message\": \"hi there\"}");
        assertThat(r.isError()).as(r.value()).isFalse();
        assertThat(r.value()).isEqualTo("Echo: hi there");
    }

    @Test
    void approval_policies_gate_calls() {
        String all = create(mcp.streamableUrl(), "STREAMABLE_HTTP", "require_approval_all");
        AgentTool echo = named(tools.tools(List.of(all)), "echo");
        int before = mcp.calls.size();
        ToolRunner.Result refused = tools.run(echo, "{\"message\": \"x\"}");
        assertThat(refused.isError()).isTrue();
        assertThat(refused.value()).contains("requires approval");
        assertThat(refused.details()).containsEntry("requires_approval", true);
        assertThat(mcp.calls).hasSize(before);

        String perTool = create(mcp.streamableUrl(), "STREAMABLE_HTTP", "require_approval_per_tool");
        servers.addToolApproval(perTool, Json.MAPPER.valueToTree(Map.of("tool_name", "echo", "tool_description", "Echoes the message back",
                "input_schema", Map.of("type", "object", "properties", Map.of("message", Map.of("type", "string")), "required", List.of("message")),
                "approval_policy", "auto_approved")));
        servers.addToolApproval(perTool, Json.MAPPER.valueToTree(Map.of("tool_name", "add", "tool_description", "Adds two numbers",
                "approval_policy", "requires_approval")));
        servers.addToolApproval(perTool, Json.MAPPER.valueToTree(Map.of("tool_name", "big", "tool_description", "changed since",
                "approval_policy", "auto_approved")));
        List<AgentTool> offered = tools.tools(List.of(perTool));
        assertThat(offered).extracting(AgentTool::name).containsExactlyInAnyOrder("echo", "add", "big"); // slow: not listed, disabled
        assertThat(tools.run(named(offered, "echo"), "{\"message\": \"ok\"}").value()).isEqualTo("Echo: ok");
        assertThat(tools.run(named(offered, "add"), "{\"a\": 1, \"b\": 1}").value()).contains("requires approval");
        assertThat(tools.run(named(offered, "big"), "{}").value()).as("hash no longer matches").contains("requires approval");
    }

    @Test
    void results_are_capped_and_slow_calls_time_out() {
        String id = create(mcp.streamableUrl(), "STREAMABLE_HTTP", "auto_approve_all");
        List<AgentTool> list = tools.tools(List.of(id));
        ToolRunner.Result big = tools.run(named(list, "big"), "{}");
        assertThat(big.value().length()).isLessThan(RemoteMcpTools.MAX_RESULT_CHARS + 100);
        assertThat(big.value()).endsWith("[truncated]");
        long t0 = System.nanoTime();
        ToolRunner.Result slow = tools.run(named(list, "slow"), "{\"millis\": 5000}");
        assertThat(slow.isError()).isTrue();
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(4.5);
        assertThat(tools.run(named(tools.tools(List.of(id)), "echo"), "{\"message\": \"after\"}").value()).isEqualTo("Echo: after");
    }

    @Test
    void a_server_that_is_down_offers_no_tools_and_internal_addresses_need_the_allow_list() throws Exception {
        java.net.ServerSocket closed = new java.net.ServerSocket(0);
        int port = closed.getLocalPort();
        closed.close();
        String down = create("http://127.0.0.1:" + port + "/mcp", "STREAMABLE_HTTP", "auto_approve_all");
        long t0 = System.nanoTime();
        assertThat(tools.tools(List.of(down))).isEmpty();
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(8.5);

        String id = create(mcp.streamableUrl(), "STREAMABLE_HTTP", "auto_approve_all");
        // a server that accepts the connection and never answers: the good server's tools still come, within the wait
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            String hanging = create("http://127.0.0.1:" + silent.getLocalPort() + "/mcp", "STREAMABLE_HTTP", "auto_approve_all");
            long t1 = System.nanoTime();
            assertThat(tools.tools(List.of(hanging, id))).extracting(AgentTool::name).contains("echo");
            assertThat((System.nanoTime() - t1) / 1e9).isLessThan(9.5);
        }
        try (RemoteMcpTools strict = new RemoteMcpTools(servers, SECRETS::get, OutboundPolicy.publicOnly(), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(60))) {
            assertThat(strict.tools(List.of(id))).isEmpty();
            ToolRunner.Result r = strict.run(named(tools.tools(List.of(id)), "echo"), "{\"message\": \"x\"}");
            assertThat(r.isError()).isTrue();
            assertThat(r.value()).contains("could not be reached").doesNotContain("127.0.0.1");
        }
    }

    /**
     * The call round trip on an open session (connect excluded): p50/p95 over 50 calls of {@code echo}; printed for
     * docs/benchmarks.md. {@code TIMBRE_BENCH_MCP_URL} adds an external streamable-HTTP server ({@code bench/mcp-latency.sh}
     * starts server-everything for it).
     */
    @Test
    void round_trip_latency() {
        List<String[]> targets = new ArrayList<>(List.of(new String[] {mcp.streamableUrl(), "STREAMABLE_HTTP", "in-process SDK server"},
                new String[] {mcp.sseUrl(), "SSE", "in-process SDK server"}));
        String external = System.getenv("TIMBRE_BENCH_MCP_URL");
        if (external != null && !external.isBlank()) targets.add(new String[] {external, "STREAMABLE_HTTP", "server-everything"});
        for (String[] t : targets) {
            String id = create(t[0], t[1], "auto_approve_all");
            AgentTool echo = named(tools.tools(List.of(id)), "echo");
            for (int i = 0; i < 10; i++) tools.run(echo, "{\"message\": \"warm\"}");
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long t0 = System.nanoTime();
                assertThat(tools.run(echo, "{\"message\": \"m" + i + "\"}").isError()).isFalse();
                ms.add((System.nanoTime() - t0) / 1e6);
            }
            Collections.sort(ms);
            System.out.printf("MCP round trip (%s, %s): p50 %.2f ms, p95 %.2f ms%n", t[1], t[2], ms.get(24), ms.get(47));
            assertThat(ms.get(24)).isLessThan(500.0);
        }
    }
}
