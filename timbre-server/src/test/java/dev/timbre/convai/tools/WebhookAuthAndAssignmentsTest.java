package dev.timbre.convai.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.convai.tools.auth.AuthConnections;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.outbound.OutboundAllowList;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.outbound.OutboundPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook tools with {@code assignments} and {@code api_schema.auth_connection}, against a local API and token server
 * (allow-listed 127.0.0.1): basic, bearer, OAuth2 client credentials (cached, refreshed at expiry and after a 401).
 */
class WebhookAuthAndAssignmentsTest {
    static final Function<String, String> SECRETS = id -> switch (id) {
        case "sec_pw" -> "p@ss";
        case "sec_token" -> "static-token";
        case "sec_client" -> "client-s3cret";
        default -> throw ApiException.notFound("secret_not_found", "Secret with id '" + id + "' not found");
    };

    HttpServer server;
    String base;
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> tokenForms = new CopyOnWriteArrayList<>();
    final AtomicInteger tokensIssued = new AtomicInteger();
    /** The access token the API accepts now (the token server issues tok-1, tok-2…). */
    volatile String validToken = "tok-1";
    volatile int tokenStatus = 200;
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    JsonNode connections;
    final OutboundHttp outbound = new OutboundHttp(new OutboundPolicy(OutboundAllowList.parse("127.0.0.1")));
    HttpWebhookTools tools;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        connections = Json.MAPPER.readTree(("""
                {"basic_1": {"type": "basic", "username": "ada", "password": {"secret_id": "sec_pw"}},
                 "bearer_1": {"type": "bearer", "token": {"secret_id": "sec_token"}},
                 "oauth_1": {"type": "oauth2_client_credentials", "token_url": "BASE/token", "client_id": "cid",
                             "client_secret": {"secret_id": "sec_client"}, "scopes": "read, write", "extra_params": {"audience": "crm"}},
                 "oauth_bad": {"type": "oauth2_client_credentials", "token_url": "BASE/token", "client_id": "cid",
                             "client_secret": {"secret_id": "sec_missing"}}}""").replace("BASE", base));
        tools = new HttpWebhookTools(SECRETS, outbound, new AuthConnections(() -> connections, SECRETS, outbound, clock));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        outbound.close();
    }

    void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        int status = 200;
        String reply;
        if (path.equals("/token")) {
            tokenForms.add(body);
            int n = tokensIssued.incrementAndGet();
            status = tokenStatus;
            reply = "{\"access_token\":\"tok-" + n + "\",\"token_type\":\"bearer\",\"expires_in\":600}";
        } else {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            if (path.equals("/oauth") && !("Bearer " + validToken).equals(auth)) status = 401;
            reply = path.equals("/fail") ? "{\"order\":{\"id\":\"X\"}}"
                    : "{\"order\":{\"id\":\"A-17\",\"total\":12.5,\"paid\":true,\"items\":[{\"name\":\"tea\"}]},\"note\":null}";
            if (path.equals("/fail")) status = 500;
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    JsonNode tool(String path, String extra) throws IOException {
        return Json.MAPPER.readTree("{\"type\":\"webhook\",\"name\":\"t\",\"response_timeout_secs\":5,\"api_schema\":{\"url\":\""
                + base + path + "\",\"method\":\"GET\"" + extra + "}}");
    }

    WebhookToolResult call(JsonNode config) {
        return tools.call(config, "{}", Map.of());
    }

    @Test
    void assignmentsTakeValuesFromTheResponseByDotPath() throws IOException {
        JsonNode config = Json.MAPPER.readTree(("""
                {"type":"webhook","name":"orders","api_schema":{"url":"BASE/order","method":"GET"},
                 "assignments":[{"dynamic_variable":"order_id","value_path":"order.id","source":"response"},
                                {"dynamic_variable":"first_item","value_path":"order.items.0.name"},
                                {"dynamic_variable":"total","value_path":"response.order.total"},
                                {"dynamic_variable":"paid","value_path":"order.paid"},
                                {"dynamic_variable":"order","value_path":"order.items"},
                                {"dynamic_variable":"gone","value_path":"order.missing.x"},
                                {"dynamic_variable":"none","value_path":"note"}]}""").replace("BASE", base));
        WebhookToolResult r = call(config);
        assertThat(r.isError()).isFalse();
        assertThat(r.assignments()).containsExactlyInAnyOrderEntriesOf(Map.of("order_id", "A-17", "first_item", "tea",
                "total", 12.5, "paid", true, "order", "[{\"name\":\"tea\"}]"));

        JsonNode failing = Json.MAPPER.readTree(("""
                {"type":"webhook","name":"orders","api_schema":{"url":"BASE/fail","method":"GET"},
                 "assignments":[{"dynamic_variable":"order_id","value_path":"order.id"}]}""").replace("BASE", base));
        WebhookToolResult failed = call(failing);
        assertThat(failed.isError()).isTrue();
        assertThat(failed.assignments()).isEmpty();
    }

    @Test
    void basicAndBearerConnectionsSendTheirSecretsAndMaskThem() throws IOException {
        WebhookToolResult basic = call(tool("/basic", ",\"auth_connection\":{\"auth_connection_id\":\"basic_1\"},\"request_headers\":{\"Authorization\":\"overridden\"}"));
        assertThat(basic.isError()).as(basic.resultValue()).isFalse();
        assertThat(authorizations.get(0)).isEqualTo("Basic " + Base64.getEncoder().encodeToString("ada:p@ss".getBytes(StandardCharsets.UTF_8)));
        assertThat(Json.write(basic.toolDetails())).doesNotContain("p@ss").contains("\"Authorization\":\"********\"");

        WebhookToolResult bearer = call(tool("/bearer", ",\"auth_connection\":{\"auth_connection_id\":\"bearer_1\"}"));
        assertThat(bearer.isError()).isFalse();
        assertThat(authorizations.get(1)).isEqualTo("Bearer static-token");
        assertThat(Json.write(bearer.toolDetails())).doesNotContain("static-token");
    }

    @Test
    void oauthTokensAreCachedRefreshedAtExpiryAndAfterA401() throws IOException {
        JsonNode config = tool("/oauth", ",\"auth_connection\":{\"auth_connection_id\":\"oauth_1\"}");
        assertThat(call(config).isError()).isFalse();
        assertThat(call(config).isError()).isFalse();
        assertThat(tokensIssued.get()).isEqualTo(1);
        assertThat(authorizations).containsExactly("Bearer tok-1", "Bearer tok-1");
        assertThat(tokenForms.get(0)).contains("grant_type=client_credentials", "client_id=cid", "client_secret=client-s3cret",
                "scope=read+write", "audience=crm");

        validToken = "tok-2"; // the API revoked tok-1: one 401, a new token, one retry
        WebhookToolResult retried = call(config);
        assertThat(retried.isError()).as(retried.resultValue()).isFalse();
        assertThat(tokensIssued.get()).isEqualTo(2);
        assertThat(authorizations.subList(2, 4)).containsExactly("Bearer tok-1", "Bearer tok-2");

        now = now.plus(Duration.ofSeconds(600)); // expired (600 s, refreshed 30 s early): fetched again before the call
        validToken = "tok-3";
        assertThat(call(config).isError()).isFalse();
        assertThat(tokensIssued.get()).isEqualTo(3);

        validToken = "never"; // still 401 after the refresh: one retry only, then an error
        WebhookToolResult refused = call(config);
        assertThat(refused.isError()).isTrue();
        assertThat(refused.resultValue()).contains("HTTP 401");
        assertThat(tokensIssued.get()).isEqualTo(4);
    }

    @Test
    void aMissingConnectionSecretOrTokenIsAnErrorAndNothingIsSent() throws IOException {
        WebhookToolResult unknown = call(tool("/x", ",\"auth_connection\":{\"auth_connection_id\":\"nope\"}"));
        assertThat(unknown.isError()).isTrue();
        assertThat(unknown.resultValue()).contains("was not called", "auth connection 'nope' was not found");
        WebhookToolResult noSecret = call(tool("/x", ",\"auth_connection\":{\"auth_connection_id\":\"oauth_bad\"}"));
        assertThat(noSecret.resultValue()).contains("sec_missing");
        tokenStatus = 400;
        WebhookToolResult noToken = call(tool("/oauth", ",\"auth_connection\":{\"auth_connection_id\":\"oauth_1\"}"));
        assertThat(noToken.isError()).isTrue();
        assertThat(noToken.resultValue()).contains("could not get a token", "HTTP 400").doesNotContain("client-s3cret");
        assertThat(authorizations).isEmpty();
    }
}
