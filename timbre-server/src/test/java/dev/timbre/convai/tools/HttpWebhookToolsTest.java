package dev.timbre.convai.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.outbound.OutboundAllowList;
import dev.timbre.outbound.OutboundException;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.outbound.OutboundPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpWebhookToolsTest {
    record Seen(String method, String uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    static final Function<String, String> SECRETS = id -> {
        if (id.equals("sec_token")) return "s3cret-token";
        throw ApiException.notFound("secret_not_found", "Secret with id '" + id + "' not found");
    };

    HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    /** The test server is on 127.0.0.1: the operator allows it for these tests. */
    final OutboundHttp outbound = new OutboundHttp(new OutboundPolicy(OutboundAllowList.parse("127.0.0.1")));
    final HttpWebhookTools tools = new HttpWebhookTools(SECRETS, outbound);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        tools.close();
        outbound.close();
    }

    void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders()), body));
        String path = ex.getRequestURI().getPath();
        int status = path.startsWith("/fail") ? 500 : 200;
        byte[] reply = (path.startsWith("/fail") ? "database is down" : path.startsWith("/big") ? "x".repeat(100_000)
                : "{\"ok\":true,\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
        if (path.startsWith("/slowbody")) {
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write("partial".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
        }
        if (path.startsWith("/slow")) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (path.startsWith("/slowbody")) {
            ex.close();
            return;
        }
        try {
            ex.sendResponseHeaders(status, reply.length);
            ex.getResponseBody().write(reply);
        } catch (IOException ignored) {
            // the caller gave up
        }
        ex.close();
    }

    String base() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    JsonNode tool(String apiSchema) throws IOException {
        return Json.MAPPER.readTree("{\"type\":\"webhook\",\"name\":\"lookup\",\"description\":\"d\",\"api_schema\":" + apiSchema + "}");
    }

    @Test
    void get_with_path_and_query_parameters() throws Exception {
        JsonNode t = tool("""
                {"url":"%s/users/{user_id}/orders","method":"GET",
                 "path_params_schema":{"user_id":{"type":"string","description":"the user"}},
                 "query_params_schema":{"properties":{"status":{"type":"string"},"limit":{"type":"integer"}},"required":["status"]}}
                """.formatted(base()));
        WebhookToolResult r = tools.call(t, "{\"user_id\":\"u 1\",\"status\":\"open\",\"limit\":5}", Map.of());
        assertThat(r.isError()).as(r.resultValue()).isFalse();
        assertThat(r.resultValue()).isEqualTo("{\"ok\":true,\"path\":\"/users/u 1/orders\"}");
        assertThat(seen.get(0).method()).isEqualTo("GET");
        assertThat(seen.get(0).uri()).isEqualTo("/users/u%201/orders?status=open&limit=5");
        assertThat(r.toolDetails()).containsEntry("type", "webhook").containsEntry("method", "GET")
                .containsEntry("url", base() + "/users/u%201/orders")
                .containsEntry("path_params", Map.of("user_id", "u 1"))
                .containsEntry("query_params", Map.of("status", "open", "limit", "5"));
        assertThat(r.latencySecs()).isGreaterThanOrEqualTo(0);
        // grouped arguments work the same
        WebhookToolResult grouped = tools.call(t, "{\"path_params\":{\"user_id\":\"u2\"},\"query_params\":{\"status\":\"all\"}}", Map.of());
        assertThat(grouped.isError()).isFalse();
        assertThat(seen.get(1).uri()).isEqualTo("/users/u2/orders?status=all");
    }

    @Test
    void post_json_body_with_secret_header_dynamic_variables_and_constants() throws Exception {
        JsonNode t = tool("""
                {"url":"%s/agents/{{agent_name}}/book","method":"POST",
                 "request_headers":{"Authorization":{"secret_id":"sec_token"},"X-Caller":"{{caller}}","X-Conv":{"variable_name":"system__conversation_id"}},
                 "request_body_schema":{"type":"object","required":["date"],"properties":{
                    "date":{"type":"string"},
                    "note":{"type":"string"},
                    "source":{"type":"string","constant_value":"timbre"},
                    "conversation":{"type":"string","dynamic_variable":"system__conversation_id"},
                    "customer":{"type":"object","properties":{"name":{"type":"string"},"vip":{"type":"boolean","value_type":"constant_value","constant_value":true}}},
                    "items":{"type":"array","items":{"type":"string"}}}}}
                """.formatted(base()));
        Map<String, Object> vars = Map.of("agent_name", "ada", "caller", "+44 1", "system__conversation_id", "conv_9");
        WebhookToolResult r = tools.call(t, "{\"date\":\"2026-12-01\",\"note\":\"for {{caller}}\",\"customer\":{\"name\":\"Bo\"},\"items\":[\"a\",\"b\"],\"source\":\"llm-made\"}", vars);
        assertThat(r.isError()).as(r.resultValue()).isFalse();
        Seen s = seen.get(0);
        assertThat(s.method()).isEqualTo("POST");
        assertThat(s.uri()).isEqualTo("/agents/ada/book");
        assertThat(s.header("Authorization")).isEqualTo("s3cret-token");
        assertThat(s.header("X-Caller")).isEqualTo("+44 1");
        assertThat(s.header("X-Conv")).isEqualTo("conv_9");
        assertThat(s.header("Content-Type")).isEqualTo("application/json");
        assertThat(Json.MAPPER.readTree(s.body())).isEqualTo(Json.MAPPER.readTree(
                "{\"date\":\"2026-12-01\",\"note\":\"for +44 1\",\"source\":\"timbre\",\"conversation\":\"conv_9\","
                        + "\"customer\":{\"name\":\"Bo\",\"vip\":true},\"items\":[\"a\",\"b\"]}"));
        @SuppressWarnings("unchecked") Map<String, String> shown = (Map<String, String>) r.toolDetails().get("headers");
        assertThat(shown).containsEntry("Authorization", "********").containsEntry("X-Caller", "+44 1");
        assertThat(r.toolDetails().toString()).doesNotContain("s3cret-token");
        assertThat(r.toolDetails().get("body")).isEqualTo(s.body());
    }

    @Test
    void form_encoded_body_when_the_schema_says_so() throws Exception {
        JsonNode t = tool("""
                {"url":"%s/form","method":"PUT","content_type":"application/x-www-form-urlencoded",
                 "request_body_schema":{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}}}}
                """.formatted(base()));
        assertThat(tools.call(t, "{\"a\":\"x y\",\"b\":2}", Map.of()).isError()).isFalse();
        assertThat(seen.get(0).body()).isEqualTo("a=x+y&b=2");
        assertThat(seen.get(0).header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void missing_required_parameters_are_named_and_nothing_is_sent() throws Exception {
        JsonNode t = tool("""
                {"url":"%s/users/{user_id}","method":"POST",
                 "path_params_schema":{"user_id":{"type":"string"}},
                 "query_params_schema":{"properties":{"q":{"type":"string"}},"required":["q"]},
                 "request_body_schema":{"type":"object","required":["when","ref"],"properties":{"when":{"type":"string"},
                    "ref":{"type":"string","dynamic_variable":"booking_ref"}}}}
                """.formatted(base()));
        WebhookToolResult r = tools.call(t, "{}", Map.of());
        assertThat(r.isError()).isTrue();
        assertThat(r.resultValue()).contains("missing required parameters").contains("user_id", "q", "when", "ref");
        assertThat(seen).isEmpty();
        assertThat(tools.call(t, "[1]", Map.of()).resultValue()).contains("not a JSON object");
        assertThat(tools.call(t, "{not json", Map.of()).isError()).isTrue();
    }

    @Test
    void a_server_error_is_an_error_with_the_status_but_not_the_body() throws Exception {
        WebhookToolResult r = tools.call(tool("{\"url\":\"" + base() + "/fail\"}"), "{}", Map.of());
        assertThat(r.isError()).isTrue();
        assertThat(r.resultValue()).contains("HTTP 500").doesNotContain("database is down");
        assertThat(r.toolDetails()).containsEntry("method", "GET");
    }

    @Test
    void a_slow_tool_times_out() throws Exception {
        JsonNode t = Json.MAPPER.readTree("{\"name\":\"slow\",\"response_timeout_secs\":1,\"api_schema\":{\"url\":\"" + base() + "/slow\"}}");
        WebhookToolResult r = tools.call(t, "{}", Map.of());
        assertThat(r.isError()).isTrue();
        assertThat(r.resultValue()).isEqualTo("tool 'slow' failed: " + OutboundException.MESSAGE + " or did not answer within 1 s");
    }

    @Test
    void a_body_that_never_ends_times_out_too() throws Exception {
        JsonNode t = Json.MAPPER.readTree("{\"name\":\"slow\",\"response_timeout_secs\":1,\"api_schema\":{\"url\":\"" + base() + "/slowbody\"}}");
        WebhookToolResult r = tools.call(t, "{}", Map.of());
        assertThat(r.isError()).isTrue();
        assertThat(r.resultValue()).isEqualTo("tool 'slow' failed: " + OutboundException.MESSAGE + " or did not answer within 1 s");
    }

    @Test
    void an_unknown_method_is_an_error() throws Exception {
        WebhookToolResult r = tools.call(tool("{\"url\":\"" + base() + "/x\",\"method\":\"TRACE\"}"), "{}", Map.of());
        assertThat(r.isError()).isTrue();
        assertThat(r.resultValue()).contains("method must be one of");
        assertThat(seen).isEmpty();
    }

    @Test
    void an_unreachable_host_and_bad_urls_are_errors() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        JsonNode closed = Json.MAPPER.readTree("{\"name\":\"slow\",\"response_timeout_secs\":1,\"api_schema\":{\"url\":\"http://127.0.0.1:" + closedPort + "/x\"}}");
        WebhookToolResult r = tools.call(closed, "{}", Map.of());
        assertThat(r.isError()).isTrue();
        JsonNode slow = Json.MAPPER.readTree("{\"name\":\"slow\",\"response_timeout_secs\":1,\"api_schema\":{\"url\":\"" + base() + "/slow\"}}");
        assertThat(r.resultValue()).as("no oracle: a closed port reads like a timeout").isEqualTo(tools.call(slow, "{}", Map.of()).resultValue());
        assertThat(tools.call(tool("{\"url\":\"ftp://example.com/x\"}"), "{}", Map.of()).resultValue()).contains("http:// or https://");
        assertThat(tools.call(tool("{\"url\":\"file:///etc/passwd\"}"), "{}", Map.of()).isError()).isTrue();
    }

    @Test
    void dynamic_variables_in_the_url_are_encoded_and_cannot_leave_the_path() throws Exception {
        JsonNode t = tool("{\"url\":\"" + base() + "/v1/{{path}}?q={{q}}\"}");
        WebhookToolResult r = tools.call(t, "{}", Map.of("path", "convai/secrets?x=", "q", "a&b=c #d"));
        assertThat(r.isError()).as(r.resultValue()).isFalse();
        assertThat(seen).singleElement().satisfies(s -> assertThat(s.uri()).isEqualTo("/v1/convai%2Fsecrets%3Fx%3D?q=a%26b%3Dc+%23d"));
        assertThat(r.toolDetails().get("url")).isEqualTo(base() + "/v1/convai%2Fsecrets%3Fx%3D?q=a%26b%3Dc+%23d");
    }

    @Test
    void dynamic_variables_may_not_set_the_scheme_host_or_port() throws Exception {
        int port = server.getAddress().getPort();
        for (String url : List.of("http://{{host}}/x", "http://127.0.0.1:{{port}}/x", "{{scheme}}://127.0.0.1:" + port + "/x",
                "http://127.0.0.1:" + port + "{{rest}}")) {
            WebhookToolResult r = tools.call(tool("{\"url\":\"" + url + "\"}"), "{}",
                    Map.of("host", "127.0.0.1:" + port, "port", String.valueOf(port), "scheme", "http", "rest", "/x"));
            assertThat(r.isError()).as(url).isTrue();
            assertThat(r.resultValue()).as(url).contains("was not called");
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void a_private_address_is_refused_without_the_allow_list_and_nothing_is_sent() throws Exception {
        try (OutboundHttp publicOnly = new OutboundHttp(OutboundPolicy.publicOnly());
             HttpWebhookTools strict = new HttpWebhookTools(SECRETS, publicOnly)) {
            WebhookToolResult r = strict.call(tool("{\"url\":\"" + base() + "/x\"}"), "{}", Map.of());
            assertThat(r.isError()).isTrue();
            assertThat(r.resultValue()).contains(OutboundException.MESSAGE);
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void a_missing_secret_is_an_error_and_nothing_is_sent() throws Exception {
        JsonNode t = tool("{\"url\":\"" + base() + "/x\",\"request_headers\":{\"Authorization\":{\"secret_id\":\"sec_gone\"}}}");
        WebhookToolResult r = tools.call(t, "{}", Map.of());
        assertThat(r.isError()).isTrue();
        assertThat(r.resultValue()).contains("secret 'sec_gone'").contains("not found");
        assertThat(seen).isEmpty();
    }

    @Test
    void large_bodies_are_capped() throws Exception {
        WebhookToolResult r = tools.call(tool("{\"url\":\"" + base() + "/big\"}"), "{}", Map.of());
        assertThat(r.isError()).isFalse();
        assertThat(r.resultValue()).startsWith("xxx").endsWith("[truncated at 64 KiB]");
        assertThat(r.resultValue().length()).isLessThan(HttpWebhookTools.MAX_BODY_BYTES + 40);
    }

    @Test
    void the_timeout_defaults_to_20_and_is_bounded() throws Exception {
        assertThat(HttpWebhookTools.timeoutSecs(Json.MAPPER.readTree("{}"))).isEqualTo(20);
        assertThat(HttpWebhookTools.timeoutSecs(Json.MAPPER.readTree("{\"response_timeout_secs\":500}"))).isEqualTo(120);
        assertThat(HttpWebhookTools.timeoutSecs(Json.MAPPER.readTree("{\"response_timeout_secs\":0}"))).isEqualTo(1);
    }
}
