package dev.timbre.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.access.Permission;
import dev.timbre.access.RoutePermissions;
import dev.timbre.testing.TestServer;
import dev.timbre.testing.TestSocket;
import java.net.http.HttpRequest;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scopes, table-driven over every routed endpoint: each route has a permission, and a key holding one permission
 * opens exactly the routes of that permission; every other route answers ElevenLabs' 401 {@code missing_permissions}.
 */
@Tag("integration")
class KeyScopesApiTest {
    static TestServer server;
    static List<String> routes;
    static final Map<Permission, String> keys = new EnumMap<>(Permission.class);

    @BeforeAll
    static void start() {
        server = TestServer.start();
        routes = server.timbre().routes().stream().filter(r -> r.contains(" /v1/") || r.contains(" /v2/")).toList();
        for (String r : routes) {
            Permission p = required(r).orElseThrow(() -> new AssertionError("no permission for " + r));
            keys.computeIfAbsent(p, k -> ServiceAccountKeysApiTest.create(server, "only " + k.wire(), List.of(k.wire()), null));
        }
        // one permission no routed endpoint needs: it opens nothing
        keys.computeIfAbsent(Permission.DUBBING_READ, k -> ServiceAccountKeysApiTest.create(server, "only " + k.wire(), List.of(k.wire()), null));
    }

    @AfterAll
    static void stop() { server.close(); }

    static Optional<Permission> required(String route) {
        String[] mp = route.split(" ", 2);
        return RoutePermissions.required(mp[0], mp[1]);
    }

    /** A request path for a route template: every {@code {param}} becomes an id that names nothing. */
    static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "nothing0here");
    }

    @Test
    void every_routed_endpoint_has_a_permission() {
        List<String> without = routes.stream().filter(r -> required(r).isEmpty()).toList();
        assertThat(without).as("routes without an entry in access.RoutePermissions").isEmpty();
        assertThat(routes).as("the server routes are listed").hasSizeGreaterThan(40);
    }

    @Test
    void each_permission_opens_exactly_its_http_routes() {
        List<String> wrong = new ArrayList<>();
        for (var k : keys.entrySet()) {
            for (String route : routes) {
                if (route.startsWith("WS ")) continue;
                String[] mp = route.split(" ", 2);
                HttpRequest.Builder b = server.builder(concrete(mp[1])).setHeader("xi-api-key", k.getValue());
                b = mp[0].equals("GET") || mp[0].equals("DELETE") ? b.method(mp[0], HttpRequest.BodyPublishers.noBody())
                        : b.header("Content-Type", "application/json").method(mp[0], HttpRequest.BodyPublishers.ofString("{}"));
                TestServer.Response r = server.send(b);
                Permission needed = required(route).orElseThrow();
                boolean refused = r.status() == 401 && r.text().contains("missing_permissions");
                if (needed == k.getKey() && refused) wrong.add(k.getKey().wire() + " refused " + route + ": " + r.text());
                if (needed == k.getKey() && r.status() >= 500) wrong.add(route + " answered " + r.status() + ": " + r.text());
                if (needed != k.getKey()) {
                    // the OpenAI alias answers in OpenAI's error shape: {"error":{"message","code":"missing_permissions",…}}
                    JsonNode detail = !refused ? null : mp[1].startsWith("/v1/audio/") ? r.json().get("error") : r.json().get("detail");
                    String expected = "The API key you used is missing the permission " + needed.wire() + " to execute this operation.";
                    if (detail == null || !detail.path("message").asText().equals(expected)) {
                        wrong.add(k.getKey().wire() + " opened " + route + ": " + r.status() + " " + r.text());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(new TreeSet<>(keys.keySet())).contains(Permission.TEXT_TO_SPEECH, Permission.VOICES_READ, Permission.VOICES_WRITE,
                Permission.SPEECH_HISTORY_READ, Permission.CONVAI_READ, Permission.CONVAI_WRITE, Permission.SPEECH_TO_TEXT,
                Permission.WORKSPACE_WRITE, Permission.USER_READ);
    }

    @Test
    void each_permission_opens_exactly_its_sockets_when_the_key_comes_with_the_upgrade() {
        String voice = server.firstVoiceId();
        for (String route : routes) {
            if (!route.startsWith("WS ")) continue;
            Permission needed = required(route).orElseThrow();
            String path = route.substring(3).replace("{voice_id}", voice);
            Permission other = needed == Permission.VOICES_READ ? Permission.MODELS_READ : Permission.VOICES_READ;
            assertThatThrownBy(() -> TestSocket.open(server, path, keys.get(other)).close()).as(route)
                    .hasCauseInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401));
            try (TestSocket s = TestSocket.open(server, path, keys.get(needed))) {
                assertThat(s.subprotocol()).isNotNull(); // opened
            }
        }
    }

    @Test
    void a_key_sent_in_the_first_socket_message_needs_text_to_speech() {
        String path = "/v1/text-to-speech/" + server.firstVoiceId() + "/stream-input?output_format=pcm_16000";
        try (TestSocket s = TestSocket.open(server, path, null)) {
            s.send(Map.of("text", " ", "xi_api_key", keys.get(Permission.VOICES_READ)));
            JsonNode error = s.nextMessage();
            assertThat(error.get("error").asText()).isEqualTo("missing_permissions");
            assertThat(((TestSocket.Closed) s.next()).code()).isEqualTo(1008);
        }
        try (TestSocket s = TestSocket.open(server, path, null)) {
            s.send(Map.of("text", " ", "xi_api_key", keys.get(Permission.TEXT_TO_SPEECH)));
            s.send(Map.of("text", "Allowed. ", "flush", true));
            assertThat(s.nextMessage().get("audio").asText()).isNotEmpty();
        }
    }

    @Test
    void the_bootstrap_key_opens_everything_and_an_unknown_key_nothing() {
        assertThat(server.get("/v1/service-accounts").status()).isEqualTo(200);
        var unknown = server.send(server.builder("/v1/models").setHeader("xi-api-key", "sk_unknown"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().at("/detail/status").asText()).isEqualTo("invalid_api_key");
    }
}
