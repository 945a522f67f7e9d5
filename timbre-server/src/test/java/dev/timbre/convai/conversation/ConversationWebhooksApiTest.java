package dev.timbre.convai.conversation;

import static dev.timbre.testing.MockLlmServer.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.config.TimbreConfig;
import dev.timbre.http.Json;
import dev.timbre.testing.MockLlmServer;
import dev.timbre.testing.TestServer;
import dev.timbre.testing.TestSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server as wired by {@code Timbre}: webhook tools with an OAuth2 auth connection and {@code assignments} whose
 * values later tools and the prompt use, and the conversation initiation webhook, against a local API (allow-listed
 * 127.0.0.1) and a scripted LLM.
 */
@Tag("integration")
class ConversationWebhooksApiTest {
    record Seen(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    static MockLlmServer llm;
    static HttpServer api;
    static String base;
    static TestServer server;
    static final List<Seen> seen = new CopyOnWriteArrayList<>();
    static volatile int initStatus = 200;
    static volatile String initReply = "{}";

    @BeforeAll
    static void start() throws Exception {
        llm = new MockLlmServer("");
        llm.mode = "script";
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.setExecutor(Executors.newCachedThreadPool());
        api.createContext("/", ConversationWebhooksApiTest::handle);
        api.start();
        base = "http://127.0.0.1:" + api.getAddress().getPort();
        server = TestServer.start(c -> c.withNetwork(new TimbreConfig.Network(List.of("127.0.0.1"))).withLlm(new LlmSettings(List.of(
                new LlmProvider("mock", "openai", llm.url(), null, null, Map.of(), List.of("gpt-*"), 0)), 0)));
    }

    @AfterAll
    static void stop() {
        server.close();
        api.stop(0);
        llm.close();
    }

    static void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        seen.add(new Seen(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders()), body));
        int status = 200;
        String reply = "{\"status\":\"shipped\"}";
        if (path.equals("/token")) {
            reply = "{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
        } else if (path.equals("/orders")) {
            boolean ok = "Bearer tok-1".equals(ex.getRequestHeaders().getFirst("Authorization"));
            status = ok ? 200 : 401;
            reply = "{\"order\":{\"id\":\"A-17\"}}";
        } else if (path.equals("/init")) {
            status = initStatus;
            reply = initReply;
        }
        byte[] b = reply.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    static JsonNode ok(TestServer.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static String secret(String name, String value) {
        return ok(server.postJson("/v1/convai/secrets", "{\"type\":\"new\",\"name\":\"" + name + "\",\"value\":\"" + value + "\"}"))
                .get("secret_id").asText();
    }

    static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static List<Seen> seenAt(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    static String toolCall(String id, String name) {
        return sse("{'choices':[{'index':0,'delta':{'role':'assistant','tool_calls':[{'index':0,'id':'" + id + "','type':'function',"
                + "'function':{'name':'" + name + "','arguments':'{}'}}]}}]}", "{'choices':[{'index':0,'delta':{},'finish_reason':'tool_calls'}]}");
    }

    static String text(String t) {
        return sse("{'choices':[{'index':0,'delta':{'content':'" + t + "'}}]}", "{'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}");
    }

    static String systemPrompt(int request) {
        return llm.bodies.get(request).path("messages").get(0).path("content").asText();
    }

    @Test
    void anOAuthToolAssignsAVariableThatTheNextToolAndThePromptUse() {
        String clientSecret = secret("crm-client", "client-s3cret");
        ok(server.patchJson("/v1/convai/settings", q("{'workspace_auth_connections':{'crm':{'type':'oauth2_client_credentials',"
                + "'token_url':'" + base + "/token','client_id':'timbre','client_secret':{'secret_id':'" + clientSecret + "'}}}}")));
        String find = ok(server.postJson("/v1/convai/tools", q("{'tool_config':{'type':'webhook','name':'find_order','description':'finds the order',"
                + "'api_schema':{'url':'" + base + "/orders','method':'GET','auth_connection':{'auth_connection_id':'crm'}},"
                + "'assignments':[{'dynamic_variable':'order_id','value_path':'order.id','source':'response'}]}}"))).get("id").asText();
        String status = ok(server.postJson("/v1/convai/tools", q("{'tool_config':{'type':'webhook','name':'order_status','description':'status',"
                + "'api_schema':{'url':'" + base + "/status/{{order_id}}','method':'GET'}}}"))).get("id").asText();
        String agent = ok(server.postJson("/v1/convai/agents/create", q("{'name':'Orders','conversation_config':{"
                + "'conversation':{'text_only':true},'agent':{'first_message':'','dynamic_variables':{'dynamic_variable_placeholders':{'order_id':'none'}},"
                + "'prompt':{'prompt':'Order: {{order_id}}.','llm':'gpt-4o-mini','tool_ids':['" + find + "','" + status + "']}}}}"))).get("agent_id").asText();
        int before = llm.bodies.size();
        llm.script.addAll(List.of(toolCall("c1", "find_order"), text("Found it."), toolCall("c2", "order_status"), text("Shipped.")));

        String conversationId;
        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agent, Map.of())) {
            c.sendJson("{'type':'conversation_initiation_client_data'}");
            conversationId = c.until("conversation_initiation_metadata").get(0)
                    .path("conversation_initiation_metadata_event").path("conversation_id").asText();
            c.sendJson("{'type':'user_message','text':'where is my order?'}");
            c.until(m -> m.path("agent_response_event").path("agent_response").asText().equals("Found it."));
            c.sendJson("{'type':'user_message','text':'and its status?'}");
            c.until(m -> m.path("agent_response_event").path("agent_response").asText().equals("Shipped."));
        }
        assertThat(seenAt("/token")).singleElement().satisfies(t -> assertThat(t.body()).contains("client_secret=client-s3cret"));
        assertThat(seenAt("/orders")).singleElement().satisfies(o -> assertThat(o.header("Authorization")).isEqualTo("Bearer tok-1"));
        assertThat(seenAt("/status/A-17")).hasSize(1);
        assertThat(systemPrompt(before)).startsWith("Order: none.");
        assertThat(systemPrompt(before + 1)).startsWith("Order: A-17.");
        String settings = server.get("/v1/convai/settings").text();
        assertThat(settings).contains(clientSecret).doesNotContain("client-s3cret");

        // the stored transcript: the Authorization header masked, the assignment as a dynamic variable update
        TestServer.Response stored = server.get("/v1/convai/conversations/" + conversationId);
        for (int i = 0; i < 100 && !stored.json().path("status").asText().equals("done"); i++) {
            sleep(100);
            stored = server.get("/v1/convai/conversations/" + conversationId);
        }
        dev.timbre.testing.OpenApiContract.assertConforms("GET", "/v1/convai/conversations/{conversation_id}", stored);
        assertThat(stored.text()).doesNotContain("tok-1");
        JsonNode update = null;
        for (JsonNode entry : stored.json().path("transcript")) {
            for (JsonNode r : entry.path("tool_results")) if (r.path("dynamic_variable_updates").size() > 0) update = r.path("dynamic_variable_updates").get(0);
        }
        assertThat(update).as(stored.text()).isNotNull();
        assertThat(update.path("variable_name").asText()).isEqualTo("order_id");
        assertThat(update.path("old_value").asText()).isEqualTo("none");
        assertThat(update.path("new_value").asText()).isEqualTo("A-17");
        assertThat(update.path("tool_name").asText()).isEqualTo("find_order");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theInitiationWebhookSuppliesVariablesAndOverridesWhenTheClientSendsNone() {
        String key = secret("hook-key", "hook-s3cret");
        ok(server.patchJson("/v1/convai/settings", q("{'conversation_initiation_client_data_webhook':{'url':'" + base + "/init',"
                + "'request_headers':{'X-Hook-Key':{'secret_id':'" + key + "'},'X-Plain':'p'}}}")));
        initStatus = 200;
        initReply = q("{'type':'conversation_initiation_client_data','dynamic_variables':{'customer_name':'John Doe'},"
                + "'conversation_config_override':{'agent':{'first_message':'Hello {{customer_name}}, welcome back.'}}}");
        String agent = ok(server.postJson("/v1/convai/agents/create", q("{'name':'Inbound','conversation_config':{"
                + "'conversation':{'text_only':true},'agent':{'first_message':'Hi {{customer_name}}.','prompt':{'prompt':'Customer {{customer_name}}.'}}},"
                + "'platform_settings':{'overrides':{'enable_conversation_initiation_client_data_from_webhook':true,"
                + "'conversation_config_override':{'agent':{'first_message':true}}}}}"))).get("agent_id").asText();
        int calls = seenAt("/init").size();

        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agent, Map.of())) {
            c.sendJson("{'type':'user_activity'}"); // anything but initiation data starts the conversation without client data
            List<JsonNode> got = c.until("agent_response");
            assertThat(got.get(got.size() - 1).path("agent_response_event").path("agent_response").asText()).isEqualTo("Hello John Doe, welcome back.");
        }
        Seen call = seenAt("/init").get(calls);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.header("X-Hook-Key")).isEqualTo("hook-s3cret");
        assertThat(call.header("X-Plain")).isEqualTo("p");
        assertThat(call.header("Content-Type")).startsWith("application/json");
        JsonNode body = Json.MAPPER.valueToTree(Json.MAPPER.convertValue(parse(call.body()), Map.class));
        assertThat(body.path("agent_id").asText()).isEqualTo(agent);
        assertThat(body.has("caller_id")).isTrue();
        assertThat(body.has("called_number")).isTrue();
        assertThat(body.has("call_sid")).isTrue();

        // the client's own initiation data wins: no webhook call
        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agent, Map.of())) {
            c.sendJson("{'type':'conversation_initiation_client_data','dynamic_variables':{'customer_name':'Ada'}}");
            List<JsonNode> got = c.until("agent_response");
            assertThat(got.get(got.size() - 1).path("agent_response_event").path("agent_response").asText()).isEqualTo("Hi Ada.");
        }
        assertThat(seenAt("/init")).hasSize(calls + 1);

        // a failing webhook refuses the call with an error event and 1011
        initStatus = 500;
        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agent, Map.of())) {
            c.sendJson("{'type':'user_activity'}");
            List<JsonNode> got = new ArrayList<>();
            TestSocket.Closed closed = c.closeAfter(got);
            assertThat(closed.code()).isEqualTo(1011);
            assertThat(got.toString()).contains("initiation_webhook_error", "HTTP 500");
        }
        initStatus = 200;
    }

    static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }
}
