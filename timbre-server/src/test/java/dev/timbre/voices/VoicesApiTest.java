package dev.timbre.voices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Listing, searching, reading and settings of voices; the premade voices are the fake engine's two. */
@Tag("integration")
class VoicesApiTest {
    static TestServer server;
    static final String TONE_A = PremadeVoices.idFor("fake", "tone-a");
    static final String TONE_B = PremadeVoices.idFor("fake", "tone-b");

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    static List<String> ids(JsonNode voices) {
        List<String> out = new ArrayList<>();
        voices.forEach(v -> out.add(v.get("voice_id").asText()));
        return out;
    }

    static void assertDetail(TestServer.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo(code);
        assertThat(r.json().at("/detail/message").asText()).isNotBlank();
    }

    @Test
    void v1_lists_the_engine_voices_as_premade_with_every_field() {
        var r = server.get("/v1/voices?show_legacy=true");
        OpenApiContract.assertConforms("GET", "/v1/voices", r);
        JsonNode voices = r.json().get("voices");
        assertThat(ids(voices)).containsExactly(TONE_A, TONE_B);
        JsonNode a = voices.get(0);
        assertThat(a.get("name").asText()).isEqualTo("Tone A");
        assertThat(a.get("category").asText()).isEqualTo("premade");
        assertThat(a.get("labels").get("gender").asText()).isEqualTo("male");
        assertThat(a.get("labels").get("accent").asText()).isEqualTo("american");
        assertThat(a.get("description").asText()).isEqualTo("A low test tone. (engine fake, voice tone-a)");
        assertThat(a.get("settings").get("stability").asDouble()).isEqualTo(0.5);
        assertThat(a.get("high_quality_base_model_ids")).isNotEmpty();
        assertThat(a.get("verified_languages").get(0).get("language").asText()).isEqualTo("en");
        assertThat(a.get("is_owner").asBoolean()).isFalse();
        assertThat(a.has("is_legacy") && a.has("is_mixed") && a.has("preview_url") && a.has("fine_tuning")).isTrue();
        assertThat(OpenApiContract.validate("VoiceResponseModel", a)).isEmpty();
        assertThat(server.get("/v1/voices?show_legacy=maybe").status()).isEqualTo(422);
    }

    @Test
    void v1_get_returns_one_voice_and_unknown_or_unsafe_ids_are_404() {
        var r = server.get("/v1/voices/" + TONE_B + "?with_settings=true");
        OpenApiContract.assertConforms("GET", "/v1/voices/{voice_id}", r);
        assertThat(r.json().get("name").asText()).isEqualTo("Tone B");
        assertThat(r.json().get("settings").get("similarity_boost").asDouble()).isEqualTo(0.75);
        assertDetail(server.get("/v1/voices/nope123"), 404, "voice_not_found");
        assertDetail(server.get("/v1/voices/..%2F..%2Fetc"), 404, "voice_not_found");
        assertDetail(server.get("/v1/voices/a.b/settings"), 404, "voice_not_found");
    }

    @Test
    void v2_pages_visit_every_voice_exactly_once() {
        var all = server.get("/v2/voices?page_size=100");
        OpenApiContract.assertConforms("GET", "/v2/voices", all);
        int total = all.json().get("total_count").asInt();
        assertThat(total).isEqualTo(all.json().get("voices").size()).isGreaterThanOrEqualTo(2);
        assertThat(all.json().get("has_more").asBoolean()).isFalse();
        assertThat(all.json().get("next_page_token").isNull()).isTrue();

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            var page = server.get("/v2/voices?page_size=1&include_total_count=true" + (token == null ? "" : "&next_page_token=" + token));
            OpenApiContract.assertConforms("GET", "/v2/voices", page);
            assertThat(page.json().get("voices")).hasSize(1);
            assertThat(page.json().get("total_count").asInt()).isEqualTo(total);
            seen.addAll(ids(page.json().get("voices")));
            token = page.json().get("has_more").asBoolean() ? page.json().get("next_page_token").asText() : null;
            pages++;
        } while (token != null && pages < 50);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids(all.json().get("voices")));
        assertThat(pages).isEqualTo(total);
    }

    @Test
    void v2_filters_and_sorts() {
        var asc = server.get("/v2/voices?sort=name&sort_direction=asc").json().get("voices");
        assertThat(asc.get(0).get("name").asText()).isEqualTo("Tone A");
        var desc = server.get("/v2/voices?sort=name&sort_direction=desc").json().get("voices");
        assertThat(desc.get(0).get("name").asText()).isEqualTo("Tone B");

        assertThat(ids(server.get("/v2/voices?search=tone%20b").json().get("voices"))).containsExactly(TONE_B);
        assertThat(ids(server.get("/v2/voices?search=BRITISH").json().get("voices"))).containsExactly(TONE_B);
        var none = server.get("/v2/voices?search=zzz-no-such");
        assertThat(none.json().get("voices")).isEmpty();
        assertThat(none.json().get("total_count").asInt()).isZero();
        assertThat(none.json().get("has_more").asBoolean()).isFalse();

        assertThat(ids(server.get("/v2/voices?voice_ids=" + TONE_A).json().get("voices"))).containsExactly(TONE_A);
        assertThat(ids(server.get("/v2/voices?voice_type=default&category=premade").json().get("voices"))).contains(TONE_A, TONE_B);
        assertThat(ids(server.get("/v2/voices?voice_type=personal").json().get("voices"))).doesNotContain(TONE_A, TONE_B);
        assertThat(server.get("/v2/voices?category=cloned&fine_tuning_state=fine_tuned").status()).isEqualTo(200);
        assertThat(server.get("/v2/voices?collection_id=abc").json().get("voices")).isEmpty();
    }

    @Test
    void v2_rejects_bad_query_values_with_422() {
        for (String q : List.of("page_size=0", "page_size=101", "page_size=x", "sort=age", "sort_direction=up",
                "voice_type=mine", "category=famous_people", "fine_tuning_state=done", "next_page_token=-1", "include_total_count=perhaps")) {
            var r = server.get("/v2/voices?" + q);
            assertThat(r.status()).as(q).isEqualTo(422);
            OpenApiContract.assertConforms("GET", "/v2/voices", r);
            assertThat(r.json().get("detail").get(0).get("loc").get(0).asText()).isEqualTo("query");
        }
    }

    @Test
    void settings_default_get_and_edit_round_trip_on_a_premade_voice() {
        var d = server.get("/v1/voices/settings/default");
        OpenApiContract.assertConforms("GET", "/v1/voices/settings/default", d);
        assertThat(d.json().toString()).isEqualTo("{\"stability\":0.5,\"use_speaker_boost\":true,\"similarity_boost\":0.75,\"style\":0.0,\"speed\":1.0}");

        var edit = server.postJson("/v1/voices/" + TONE_A + "/settings/edit", Map.of("stability", 0.3, "speed", 1.1));
        OpenApiContract.assertConforms("POST", "/v1/voices/{voice_id}/settings/edit", edit);
        assertThat(edit.json().get("status").asText()).isEqualTo("ok");
        var s = server.get("/v1/voices/" + TONE_A + "/settings");
        OpenApiContract.assertConforms("GET", "/v1/voices/{voice_id}/settings", s);
        assertThat(s.json().get("stability").asDouble()).isEqualTo(0.3);
        assertThat(s.json().get("speed").asDouble()).isEqualTo(1.1);
        assertThat(s.json().get("similarity_boost").asDouble()).isEqualTo(0.75);
        assertThat(server.get("/v1/voices/" + TONE_A).json().get("settings").get("stability").asDouble()).isEqualTo(0.3);
        assertThat(server.timbre().services().voices().resolve(TONE_A)).isEqualTo(
                new ResolvedVoice("fake", "tone-a", new VoiceSettings(0.3, true, 0.75, 0.0, 1.1), "Tone A", "premade"));
        assertThat(server.get("/v1/voices/settings/default").json().get("stability").asDouble()).isEqualTo(0.5);
        server.postJson("/v1/voices/" + TONE_A + "/settings/edit", VoiceSettings.DEFAULT);
    }

    @Test
    void settings_edit_rejects_bad_bodies_and_unknown_voices() {
        var range = server.postJson("/v1/voices/" + TONE_B + "/settings/edit", Map.of("stability", 2, "speed", 3));
        OpenApiContract.assertConforms("POST", "/v1/voices/{voice_id}/settings/edit", range);
        assertThat(range.status()).isEqualTo(422);
        assertThat(range.json().get("detail")).hasSize(2);
        assertThat(server.postJson("/v1/voices/" + TONE_B + "/settings/edit", "{\"stability\": \"high\"}").status()).isEqualTo(422);
        assertThat(server.postJson("/v1/voices/" + TONE_B + "/settings/edit", "{not json").status()).isEqualTo(422);
        assertDetail(server.postJson("/v1/voices/unknown1/settings/edit", Map.of("stability", 0.5)), 404, "voice_not_found");
        assertDetail(server.get("/v1/voices/unknown1/settings"), 404, "voice_not_found");
        assertThat(server.get("/v1/voices/" + TONE_B + "/settings").json().get("stability").asDouble()).isEqualTo(0.5);
    }

    @Test
    void premade_voices_cannot_be_deleted_or_edited() {
        assertDetail(server.delete("/v1/voices/" + TONE_A), 400, "voice_not_deletable");
        assertThat(server.get("/v1/voices/" + TONE_A).status()).isEqualTo(200);
        assertDetail(server.postMultipart("/v1/voices/" + TONE_A + "/edit", new dev.timbre.testing.Multipart().field("name", "x")),
                400, "voice_not_editable");
        assertDetail(server.delete("/v1/voices/unknown1"), 404, "voice_not_found");
    }

    @Test
    void every_voices_route_needs_an_api_key() {
        for (String path : List.of("/v1/voices", "/v2/voices", "/v1/voices/settings/default", "/v1/voices/" + TONE_A)) {
            var r = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path))).GET());
            assertDetail(r, 401, "needs_authorization");
        }
    }
}
