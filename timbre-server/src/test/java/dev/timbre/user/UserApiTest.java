package dev.timbre.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class UserApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> new TimbreConfig(c.host(), c.port(), c.dataDir(), c.apiKey(), c.database(), c.engines(),
                c.models(), c.limits(), new TimbreConfig.Account("acct-1", "Ada", 5_000, "self_hosted")));
    }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void user_has_every_field_and_its_subscription() {
        var r = server.get("/v1/user");
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/user", r);
        var u = r.json();
        assertThat(u.get("user_id").asText()).isEqualTo("acct-1");
        assertThat(u.get("first_name").asText()).isEqualTo("Ada");
        assertThat(u.get("created_at").isIntegralNumber()).isTrue();
        assertThat(u.get("seat_type").asText()).isEqualTo("workspace_admin");
        assertThat(u.get("xi_api_key").isNull()).isTrue();
        assertThat(u.get("xi_api_key_preview").asText()).startsWith("test").doesNotContain(TestServer.KEY);
        assertThat(u.get("subscription").get("character_limit").asLong()).isEqualTo(5_000);
        assertThat(OpenApiContract.validate("SubscriptionResponseModel", u.get("subscription"))).isEmpty();
    }

    @Test
    void subscription_has_every_field_the_sdk_needs() {
        var r = server.get("/v1/user/subscription");
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/user/subscription", r);
        var s = r.json();
        for (String f : List.of("tier", "character_count", "character_limit", "max_character_limit_extension", "max_credit_limit_extension",
                "can_extend_character_limit", "allowed_to_extend_character_limit", "next_character_count_reset_unix", "voice_slots_used",
                "professional_voice_slots_used", "voice_limit", "max_voice_add_edits", "voice_add_edit_counter", "professional_voice_limit",
                "can_extend_voice_limit", "can_use_instant_voice_cloning", "can_use_professional_voice_cloning", "currency", "status",
                "billing_period", "character_refresh_period", "next_invoice", "open_invoices", "has_open_invoices", "pending_change")) {
            assertThat(s.has(f)).as(f).isTrue();
        }
        assertThat(s.get("status").asText()).isEqualTo("active");
        assertThat(s.get("open_invoices").isArray()).isTrue();
        assertThat(s.at("/current_overage/amount").isTextual()).as("the SDK parses the amount as a string").isTrue();
        assertThat(s.get("professional_voice_slots_used_in_workspace").isInt()).isTrue();
        assertThat(s.get("next_character_count_reset_unix").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
    }

    @Test
    void charges_show_in_both_endpoints() {
        long before = server.get("/v1/user/subscription").json().get("character_count").asLong();
        Charge c = server.timbre().services().users().charge(dev.timbre.access.Caller.INTERNAL, 42, UserServiceTest.TTS);
        assertThat(c.from()).isEqualTo(before);
        assertThat(c.to()).isEqualTo(before + 42);
        assertThat(server.get("/v1/user/subscription").json().get("character_count").asLong()).isEqualTo(before + 42);
        assertThat(server.get("/v1/user").json().get("subscription").get("character_count").asLong()).isEqualTo(before + 42);
    }

    @Test
    void needs_a_valid_key() {
        for (String path : List.of("/v1/user", "/v1/user/subscription")) {
            assertThat(server.send(HttpRequest.newBuilder(URI.create(server.url(path))).GET()).status()).isEqualTo(401);
            assertThat(server.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("xi-api-key", "nope").GET()).status()).isEqualTo(401);
        }
    }
}
