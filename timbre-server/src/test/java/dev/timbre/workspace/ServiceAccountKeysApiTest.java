package dev.timbre.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import dev.timbre.testing.TestSocket;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The service-account API-key endpoints: shapes, the secret shown once, disabling, deleting, limits, stats. */
@Tag("integration")
class ServiceAccountKeysApiTest {
    static final String SA = "timbre-service-account";
    static final String KEYS = "/v1/service-accounts/" + SA + "/api-keys";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() { server.close(); }

    /** Creates a key and returns its secret. */
    static String create(TestServer server, String name, Object permissions, Long limit) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "permissions", permissions));
        if (limit != null) body.put("character_limit", limit);
        var r = server.postJson(KEYS, body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/service-accounts/{service_account_user_id}/api-keys", r);
        String secret = r.json().get("xi-api-key").asText();
        assertThat(secret).startsWith("sk_").hasSize(51);
        return secret;
    }

    static JsonNode listed(String name) {
        var r = server.get(KEYS);
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/service-accounts/{service_account_user_id}/api-keys", r);
        for (JsonNode k : r.json().get("api-keys")) if (k.get("name").asText().equals(name)) return k;
        throw new AssertionError("no key named " + name + " in " + r.text());
    }

    static TestServer.Response as(String key, HttpRequest.Builder request) {
        return server.send(request.setHeader("xi-api-key", key));
    }

    static HttpRequest.Builder postJson(String path, String json) {
        return server.builder(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    @Test
    void service_accounts_list_their_keys_without_secrets() {
        String secret = create(server, "listed", List.of("voices_read"), 1000L);
        var r = server.get("/v1/service-accounts");
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/service-accounts", r);
        JsonNode account = r.json().get("service-accounts").get(0);
        assertThat(account.get("service_account_user_id").asText()).isEqualTo(SA);
        assertThat(account.get("api-keys").toString()).contains("listed").doesNotContain(secret);
        JsonNode k = listed("listed");
        assertThat(k.get("permissions")).hasSize(1);
        assertThat(k.get("permissions").get(0).asText()).isEqualTo("voices_read");
        assertThat(k.get("character_limit").asLong()).isEqualTo(1000);
        assertThat(k.get("character_count").asLong()).isZero();
        assertThat(k.get("is_disabled").asBoolean()).isFalse();
        assertThat(k.get("hint").asText()).endsWith(secret.substring(secret.length() - 4)).hasSizeLessThan(10);
        assertThat(k.get("service_account_user_id").asText()).isEqualTo(SA);
        assertThat(k.get("created_at_unix").asLong()).isPositive();
        String stored = server.timbre().database().jdbi().withHandle(h -> h.createQuery("SELECT key_hash FROM api_keys WHERE id = :id")
                .bind("id", k.get("key_id").asText()).mapTo(String.class).one());
        assertThat(stored).isEqualTo(ApiKeyRepository.hash(secret));
        assertThat(as(secret, server.builder("/v1/voices")).status()).isEqualTo(200);
        assertThat(listed("listed").get("hint").asText()).doesNotContain(secret);
    }

    @Test
    void an_all_key_lists_null_permissions_and_may_do_anything() {
        String secret = create(server, "everything", "all", null);
        assertThat(listed("everything").get("permissions").isNull()).isTrue();
        assertThat(listed("everything").get("character_limit").isNull()).isTrue();
        assertThat(as(secret, server.builder("/v1/user")).status()).isEqualTo(200);
        assertThat(as(secret, server.builder("/v1/convai/agents")).status()).isEqualTo(200);
    }

    @Test
    void a_disabled_key_is_refused_until_enabled_again_and_a_deleted_key_is_gone() {
        String secret = create(server, "toggle", List.of("models_read"), null);
        String id = listed("toggle").get("key_id").asText();
        var off = server.patchJson(KEYS + "/" + id, "{\"is_enabled\":false,\"name\":\"toggled\",\"permissions\":[\"models_read\"]}");
        assertThat(off.status()).as(off.text()).isEqualTo(200);
        OpenApiContract.assertConforms("PATCH", "/v1/service-accounts/{service_account_user_id}/api-keys/{api_key_id}", off);
        assertThat(listed("toggled").get("is_disabled").asBoolean()).isTrue();
        var refused = as(secret, server.builder("/v1/models"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().at("/detail/status").asText()).isEqualTo("api_key_disabled");
        server.patchJson(KEYS + "/" + id, "{\"is_enabled\":true,\"name\":\"toggled\",\"permissions\":[\"models_read\",\"voices_read\"]}");
        assertThat(as(secret, server.builder("/v1/models")).status()).isEqualTo(200);
        assertThat(as(secret, server.builder("/v1/voices")).status()).as("the edit granted voices_read").isEqualTo(200);

        var deleted = server.delete(KEYS + "/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        OpenApiContract.assertConforms("DELETE", "/v1/service-accounts/{service_account_user_id}/api-keys/{api_key_id}", deleted);
        var gone = as(secret, server.builder("/v1/models"));
        assertThat(gone.status()).isEqualTo(401);
        assertThat(gone.json().at("/detail/status").asText()).isEqualTo("invalid_api_key");
        assertThat(server.delete(KEYS + "/" + id).status()).isEqualTo(404);
        assertThat(server.patchJson(KEYS + "/" + id, "{\"is_enabled\":true,\"name\":\"x\",\"permissions\":\"all\"}").status()).isEqualTo(404);
    }

    @Test
    void bad_bodies_and_unknown_accounts_are_clear_errors() {
        var unknown = server.postJson(KEYS, Map.of("name", "x", "permissions", List.of("text_to_speech", "fly")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"permissions\",1]");
        assertThat(server.postJson(KEYS, Map.of("permissions", "all")).json().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"name\"]");
        assertThat(server.postJson(KEYS, Map.of("name", "x")).status()).isEqualTo(422);
        assertThat(server.postJson(KEYS, Map.of("name", "x", "permissions", "some")).status()).isEqualTo(422);
        assertThat(server.postJson(KEYS, Map.of("name", "x", "permissions", "all", "character_limit", -1)).status()).isEqualTo(422);
        assertThat(server.postJson(KEYS, Map.of("name", "x", "permissions", "all", "character_limit", "many")).status()).isEqualTo(422);
        assertThat(server.postJson(KEYS, "[1]").status()).isEqualTo(422);
        assertThat(server.patchJson(KEYS + "/nope", "{\"name\":\"x\",\"permissions\":\"all\"}").status()).as("is_enabled is required").isEqualTo(422);
        var account = server.postJson("/v1/service-accounts/nobody/api-keys", Map.of("name", "x", "permissions", "all"));
        assertThat(account.status()).isEqualTo(404);
        assertThat(account.json().at("/detail/status").asText()).isEqualTo("service_account_not_found");
        assertThat(server.get("/v1/service-accounts/nobody/api-keys").status()).isEqualTo(404);
    }

    @Test
    void a_limited_key_cannot_grant_more_than_it_holds() {
        String manager = create(server, "manager", List.of("workspace_read", "workspace_write", "voices_read"), null);
        var wider = as(manager, postJson(KEYS, "{\"name\":\"wider\",\"permissions\":[\"text_to_speech\"]}"));
        assertThat(wider.status()).isEqualTo(401);
        assertThat(wider.json().at("/detail/status").asText()).isEqualTo("missing_permissions");
        assertThat(as(manager, postJson(KEYS, "{\"name\":\"all\",\"permissions\":\"all\"}")).status()).isEqualTo(401);
        assertThat(as(manager, postJson(KEYS, "{\"name\":\"narrower\",\"permissions\":[\"voices_read\"]}")).status()).isEqualTo(200);
    }

    @Test
    void a_keys_character_limit_holds_on_every_charging_route_and_the_stats_count_it() {
        String voice = server.firstVoiceId();
        String secret = create(server, "limited", List.of("text_to_speech"), 20L);
        var first = as(secret, postJson("/v1/text-to-speech/" + voice, "{\"text\":\"Hello there.\"}")); // 12
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        var over = as(secret, postJson("/v1/text-to-speech/" + voice + "/stream", "{\"text\":\"Hello again.\"}")); // 12 > 8 left
        assertThat(over.status()).isEqualTo(401);
        assertThat(over.json().at("/detail/status").asText()).isEqualTo("quota_exceeded");
        var dialogue = as(secret, postJson("/v1/text-to-dialogue", "{\"inputs\":[{\"text\":\"Nine char\",\"voice_id\":\"" + voice + "\"}]}"));
        assertThat(dialogue.status()).isEqualTo(401);
        assertThat(dialogue.json().at("/detail/status").asText()).isEqualTo("quota_exceeded");
        var openAi = as(secret, postJson("/v1/audio/speech", "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"Nine char\"}"));
        assertThat(openAi.status()).isEqualTo(401);
        var fits = as(secret, postJson("/v1/text-to-speech/" + voice, "{\"text\":\"Eight ch\"}"));
        assertThat(fits.status()).as(fits.text()).isEqualTo(200);
        assertThat(listed("limited").get("character_count").asLong()).isEqualTo(20);
        assertThat(server.postJson("/v1/text-to-speech/" + voice, Map.of("text", "The admin key has no limit of its own.")).status()).isEqualTo(200);

        String keyId = listed("limited").get("key_id").asText();
        long now = System.currentTimeMillis();
        var stats = server.get("/v1/usage/character-stats?start_unix=" + (now - 3_600_000) + "&end_unix=" + (now + 60_000)
                + "&include_workspace_metrics=true&breakdown_type=api_keys&aggregation_interval=cumulative");
        assertThat(stats.status()).as(stats.text()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/usage/character-stats", stats);
        assertThat(stats.json().get("time")).hasSize(1);
        assertThat(stats.json().at("/usage/" + keyId + "/0").asDouble()).isEqualTo(20.0);
    }

    @Test
    void character_stats_buckets_the_window_and_checks_its_query() {
        String voice = server.firstVoiceId();
        assertThat(server.postJson("/v1/text-to-speech/" + voice, Map.of("text", "Counted.")).status()).isEqualTo(200);
        long now = System.currentTimeMillis();
        long dayStart = now - now % 86_400_000L;
        var r = server.get("/v1/usage/character-stats?start_unix=" + (dayStart - 2 * 86_400_000L) + "&end_unix=" + (dayStart + 86_399_999L));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/usage/character-stats", r);
        assertThat(r.json().get("time")).hasSize(3);
        assertThat(r.json().at("/time/2").asLong()).isEqualTo(dayStart);
        assertThat(r.json().at("/usage/All")).hasSize(3);
        assertThat(r.json().at("/usage/All/2").asDouble()).isGreaterThanOrEqualTo(8.0);
        assertThat(r.json().at("/usage/All/0").asDouble()).isZero();
        var byProduct = server.get("/v1/usage/character-stats?start_unix=" + dayStart + "&end_unix=" + (dayStart + 86_399_999L)
                + "&breakdown_type=product_type&aggregation_interval=month&metric=request_count");
        assertThat(byProduct.status()).isEqualTo(200);
        assertThat(byProduct.json().at("/usage/text_to_speech/0").asDouble()).isGreaterThanOrEqualTo(1.0);
        var hourly = server.get("/v1/usage/character-stats?start_unix=" + dayStart + "&end_unix=" + (dayStart + 86_399_999L) + "&aggregation_interval=hour");
        assertThat(hourly.json().get("time")).hasSize(24);

        assertThat(server.get("/v1/usage/character-stats?end_unix=1").json().at("/detail/0/loc/1").asText()).isEqualTo("start_unix");
        assertThat(server.get("/v1/usage/character-stats?start_unix=10&end_unix=1").status()).isEqualTo(422);
        assertThat(server.get("/v1/usage/character-stats?start_unix=0&end_unix=1&breakdown_type=cats").status()).isEqualTo(422);
        assertThat(server.get("/v1/usage/character-stats?start_unix=0&end_unix=1&breakdown_type=api_keys").status())
                .as("api_keys needs include_workspace_metrics").isEqualTo(422);
        assertThat(server.get("/v1/usage/character-stats?start_unix=0&end_unix=" + now + "&aggregation_interval=hour").status())
                .as("too many buckets").isEqualTo(422);
        assertThat(server.get("/v1/usage/character-stats?start_unix=0&end_unix=1&metric=ttfb_avg").status()).isEqualTo(422);
        assertThat(server.get("/v1/usage/character-stats?start_unix=-5&end_unix=1").status()).isEqualTo(422);
    }

    @Test
    void a_stream_input_socket_charges_the_key_it_was_opened_with() {
        String secret = create(server, "socket", List.of("text_to_speech"), 15L);
        String path = "/v1/text-to-speech/" + server.firstVoiceId() + "/stream-input?output_format=pcm_16000";
        try (TestSocket s = TestSocket.open(server, path, secret)) {
            s.send(Map.of("text", " "));
            s.send(Map.of("text", "Ten chars. ", "flush", true)); // 11 characters
            assertThat(s.nextMessage().get("audio").asText()).isNotEmpty();
            s.send(Map.of("text", "Ten more. ", "flush", true)); // 10 > 4 left
            JsonNode error;
            do error = s.nextMessage(); while (!error.has("error"));
            assertThat(error.get("error").asText()).isEqualTo("quota_exceeded");
        }
        assertThat(listed("socket").get("character_count").asLong()).isEqualTo(11);
    }
}
