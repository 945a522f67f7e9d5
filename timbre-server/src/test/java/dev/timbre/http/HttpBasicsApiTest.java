package dev.timbre.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.testing.TestServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class HttpBasicsApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withLimits(new dev.timbre.config.TimbreConfig.Limits(1024, 4096)));
    }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void missing_key_is_401_with_the_elevenlabs_error_shape() {
        var r = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/v1/models"))).GET());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("needs_authorization");
        assertThat(r.json().at("/detail/message").asText()).isNotBlank();
    }

    @Test
    void wrong_key_is_401_invalid_api_key() {
        var r = server.send(server.builder("/v1/models").setHeader("xi-api-key", "nope").GET());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("invalid_api_key");
    }

    @Test
    void every_response_has_a_request_id() {
        assertThat(server.get("/v1/models").header("x-request-id")).hasSizeGreaterThan(10);
        assertThat(server.get("/v1/nothing-here").header("x-request-id")).hasSizeGreaterThan(10);
        assertThat(server.get("/health").header("x-request-id")).hasSizeGreaterThan(10);
    }

    @Test
    void unknown_route_is_404_with_detail() {
        var r = server.get("/v1/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("not_found");
    }

    @Test
    void a_request_jetty_rejects_gets_the_elevenlabs_error_shape() throws Exception {
        // java.net.http refuses such a URI, so speak HTTP/1.1 directly
        try (var socket = new java.net.Socket("127.0.0.1", server.timbre().port())) {
            socket.getOutputStream().write(("GET /v1/history/a%00b HTTP/1.1\r\nHost: x\r\nxi-api-key: " + TestServer.KEY
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response.toLowerCase()).contains("content-type: application/json").contains("x-request-id:");
            assertThat(response).contains("{\"detail\":{");
        }
    }

    @Test
    void health_is_200_once_engines_are_loaded_and_needs_no_key() {
        var r = server.send(HttpRequest.newBuilder(java.net.URI.create(server.url("/health"))).GET());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void oversized_body_is_413() {
        var r = server.postJson("/v1/models", "{\"x\":\"" + "a".repeat(5000) + "\"}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void metrics_count_requests_by_route() {
        server.get("/v1/models");
        var r = server.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("timbre_http_requests_seconds_count").contains("route=\"/v1/models\"");
    }
}
