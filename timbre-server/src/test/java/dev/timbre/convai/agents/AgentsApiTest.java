package dev.timbre.convai.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class AgentsApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String create(String body) {
        var r = server.postJson("/v1/convai/agents/create", body.replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/agents/create", r);
        return r.json().get("agent_id").asText();
    }

    static TestServer.Response patch(String id, String body) {
        return server.patchJson("/v1/convai/agents/" + id, body.replace('\'', '"'));
    }

    static final String FULL = "{'name':'Support bot','tags':['support','en'],"
            + "'conversation_config':{'agent':{'first_message':'Hi!','language':'en','prompt':{'prompt':'Be kind','llm':'gpt-4o-mini',"
            + "'temperature':0.3,'tool_ids':['t1'],'future_prompt_field':{'deep':[1,2,{'x':null}]}}},"
            + "'tts':{'voice_id':'v1','stability':0.7,'supported_voices':[{'label':'A','voice_id':'v2'}]},"
            + "'turn':{'turn_timeout':11},'x_unknown_section':{'a':1}},"
            + "'platform_settings':{'widget':{'variant':'compact','x_new':true},'call_limits':{'daily_limit':5},'archived':false},"
            + "'workflow':{'nodes':{'n1':{'type':'start'}},'edges':{}},'x_top':'kept'}";

    @Test
    void create_then_get_round_trips_every_field_and_fills_defaults() {
        String id = create(FULL);
        var r = server.get("/v1/convai/agents/" + id);
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/agents/{agent_id}", r);
        JsonNode a = r.json();
        ObjectNode sent = json(FULL);
        assertThat(a.get("agent_id").asText()).isEqualTo(id);
        assertThat(a.get("name").asText()).isEqualTo("Support bot");
        assertThat(a.get("tags")).isEqualTo(sent.get("tags"));
        assertContains(a.get("workflow"), sent.get("workflow"), "workflow");
        assertThat(a.path("workflow").path("prevent_subagent_loops").isBoolean()).as("required by the SDK").isTrue();
        assertThat(a.get("x_top").asText()).isEqualTo("kept");
        assertContains(a.get("conversation_config"), sent.get("conversation_config"), "conversation_config");
        assertContains(a.get("platform_settings"), sent.get("platform_settings"), "platform_settings");
        // defaults under the sent fields
        JsonNode cc = a.get("conversation_config");
        assertThat(cc.at("/asr/user_input_audio_format").asText()).isEqualTo("pcm_16000");
        assertThat(cc.at("/tts/model_id").asText()).isEqualTo("eleven_turbo_v2");
        assertThat(cc.at("/turn/mode").asText()).isEqualTo("turn");
        assertThat(cc.at("/conversation/max_duration_seconds").asInt()).isEqualTo(600);
        assertThat(cc.at("/agent/prompt/rag/enabled").asBoolean(true)).isFalse();
        assertThat(a.at("/platform_settings/privacy/record_voice").asBoolean()).isTrue();
        assertThat(a.at("/platform_settings/widget/bg_color").asText()).isEqualTo("#ffffff");
        assertThat(a.at("/metadata/created_at_unix_secs").asLong()).isPositive();
        assertThat(a.get("access_info").get("role").asText()).isEqualTo("admin");
    }

    @Test
    void a_minimal_agent_gets_every_default() {
        var r = server.get("/v1/convai/agents/" + create("{'conversation_config':{}}"));
        OpenApiContract.assertConforms("GET", "/v1/convai/agents/{agent_id}", r);
        assertThat(r.json().at("/conversation_config/agent/prompt/llm").asText()).isEqualTo("gemini-2.0-flash");
        assertThat(r.json().at("/conversation_config/agent/first_message").asText("x")).isEmpty();
        assertThat(r.json().get("name").asText("x")).isEmpty();
        assertThat(r.json().get("tags")).isEmpty();
        assertThat(r.json().at("/platform_settings/call_limits/daily_limit").asInt()).isEqualTo(100000);
    }

    static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            assertThat(actual != null && actual.isObject()).as(path).isTrue();
            expected.fields().forEachRemaining(e -> assertContains(actual.get(e.getKey()), e.getValue(), path + "." + e.getKey()));
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    @Test
    void patch_deep_merges_objects_and_replaces_arrays() {
        String id = create(FULL);
        var r = patch(id, "{'name':'Renamed','tags':['x'],'conversation_config':{'agent':{'prompt':{'tool_ids':['t9'],'temperature':0.9}},"
                + "'tts':{'supported_voices':[]}},'platform_settings':{'widget':{'variant':'full'}}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("PATCH", "/v1/convai/agents/{agent_id}", r);
        JsonNode a = server.get("/v1/convai/agents/" + id).json();
        ObjectNode fromPatch = (ObjectNode) r.json().deepCopy();
        fromPatch.set("metadata", a.get("metadata"));
        assertThat(a).isEqualTo(fromPatch);
        assertThat(a.get("name").asText()).isEqualTo("Renamed");
        assertThat(a.get("tags").toString()).isEqualTo("[\"x\"]");
        assertThat(a.at("/conversation_config/agent/prompt/tool_ids").toString()).isEqualTo("[\"t9\"]");
        assertThat(a.at("/conversation_config/agent/prompt/temperature").asDouble()).isEqualTo(0.9);
        assertThat(a.at("/conversation_config/agent/prompt/prompt").asText()).isEqualTo("Be kind");
        assertThat(a.at("/conversation_config/agent/prompt/future_prompt_field/deep").size()).isEqualTo(3);
        assertThat(a.at("/conversation_config/tts/supported_voices")).isEmpty();
        assertThat(a.at("/conversation_config/tts/voice_id").asText()).isEqualTo("v1");
        assertThat(a.at("/platform_settings/widget/variant").asText()).isEqualTo("full");
        assertThat(a.at("/platform_settings/widget/x_new").asBoolean()).isTrue();
        assertThat(a.at("/platform_settings/call_limits/daily_limit").asInt()).isEqualTo(5);
        assertThat(patch(id, "").status()).isEqualTo(200);
    }

    @Test
    void list_pages_searches_and_sorts() {
        String tag = "list" + System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (String n : List.of("Zeta " + tag, "alpha " + tag, "Mid " + tag, "beta " + tag, "omega " + tag)) {
            ids.add(create("{'name':'" + n + "','tags':['" + tag + "'],'conversation_config':{}}"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 20; i++) {
            var r = server.get("/v1/convai/agents?page_size=2&search=" + tag + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            OpenApiContract.assertConforms("GET", "/v1/convai/agents", r);
            r.json().get("agents").forEach(a -> seen.add(a.get("agent_id").asText()));
            assertThat(r.json().get("agents").size()).isLessThanOrEqualTo(2);
            if (!r.json().get("has_more").asBoolean()) {
                assertThat(r.json().get("next_cursor").isNull()).isTrue();
                break;
            }
            cursor = r.json().get("next_cursor").asText();
        }
        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        assertThat(new HashSet<>(seen)).isEqualTo(new HashSet<>(ids));

        var byName = server.get("/v1/convai/agents?search=" + tag.toUpperCase() + "&sort_by=name&sort_direction=asc&page_size=3");
        List<String> names = new ArrayList<>();
        byName.json().get("agents").forEach(a -> names.add(a.get("name").asText()));
        var rest = server.get("/v1/convai/agents?search=" + tag + "&sort_by=name&sort_direction=asc&page_size=3&cursor="
                + byName.json().get("next_cursor").asText());
        rest.json().get("agents").forEach(a -> names.add(a.get("name").asText()));
        List<String> sorted = new ArrayList<>(names);
        java.util.Collections.sort(sorted);
        assertThat(names).hasSize(5).isEqualTo(sorted);
        JsonNode first = byName.json().get("agents").get(0);
        assertThat(first.get("tags").get(0).asText()).isEqualTo(tag);
        assertThat(first.get("created_at_unix_secs").asLong()).isPositive();
        assertThat(first.path("voice_id").isTextual()).as("voice_id is required by the SDK").isTrue();

        assertThat(server.get("/v1/convai/agents?search=nothing-like-this-" + tag).json().get("agents")).isEmpty();
        assertThat(server.get("/v1/convai/agents?page_size=101").status()).isEqualTo(422);
        assertThat(server.get("/v1/convai/agents?sort_by=size").status()).isEqualTo(422);
        assertThat(server.get("/v1/convai/agents?cursor=%21%21").status()).isEqualTo(422);
    }

    @Test
    void archived_filter() {
        String tag = "arch" + System.nanoTime();
        String archived = create("{'name':'" + tag + " a','conversation_config':{},'platform_settings':{'archived':true}}");
        String live = create("{'name':'" + tag + " b','conversation_config':{}}");
        assertThat(ids("/v1/convai/agents?search=" + tag + "&archived=true")).containsExactly(archived);
        assertThat(ids("/v1/convai/agents?search=" + tag + "&archived=false")).containsExactly(live);
        assertThat(ids("/v1/convai/agents?search=" + tag + "&show_only_owned_agents=true")).hasSize(2);
    }

    static List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        server.get(path).json().get("agents").forEach(a -> ids.add(a.get("agent_id").asText()));
        return ids;
    }

    @Test
    void duplicate_copies_the_configuration() {
        String id = create(FULL);
        var r = server.postJson("/v1/convai/agents/" + id + "/duplicate", "{\"name\":\"Copy\"}");
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/agents/{agent_id}/duplicate", r);
        String copy = r.json().get("agent_id").asText();
        assertThat(copy).isNotEqualTo(id);
        JsonNode a = server.get("/v1/convai/agents/" + id).json();
        JsonNode b = server.get("/v1/convai/agents/" + copy).json();
        assertThat(b.get("name").asText()).isEqualTo("Copy");
        assertThat(b.get("conversation_config")).isEqualTo(a.get("conversation_config"));
        assertThat(b.get("platform_settings")).isEqualTo(a.get("platform_settings"));
        var noBody = server.send(server.builder("/v1/convai/agents/" + id + "/duplicate").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noBody.status()).isEqualTo(200);
        assertThat(server.get("/v1/convai/agents/" + noBody.json().get("agent_id").asText()).json().get("name").asText()).isEqualTo("Support bot");
    }

    @Test
    void an_over_long_name_is_a_422_on_create_update_and_duplicate() {
        String id = create(FULL);
        String longName = "\"" + "é".repeat(1001) + "\"";
        for (var r : List.of(server.postJson("/v1/convai/agents/" + id + "/duplicate", "{\"name\":" + longName + "}"),
                server.postJson("/v1/convai/agents/create", "{\"conversation_config\":{},\"name\":" + longName + "}"),
                patch(id, "{\"name\":" + longName + "}"))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(r.json().at("/detail/0/loc/1").asText()).isEqualTo("name");
            assertThat(r.json().at("/detail/0/type").asText()).isEqualTo("string_too_long");
        }
        assertThat(server.get("/v1/convai/agents/" + id).json().get("name").asText()).isEqualTo("Support bot");
    }

    @Test
    void link_returns_a_stable_shareable_token() {
        String id = create("{'conversation_config':{}}");
        var r = server.get("/v1/convai/agents/" + id + "/link");
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/agents/{agent_id}/link", r);
        assertThat(r.json().get("agent_id").asText()).isEqualTo(id);
        assertThat(r.json().at("/token/agent_id").asText()).isEqualTo(id);
        assertThat(r.json().at("/token/purpose").asText()).isEqualTo("shareable_link");
        assertThat(r.json().at("/token/conversation_token").asText()).hasSize(32)
                .isEqualTo(server.get("/v1/convai/agents/" + id + "/link").json().at("/token/conversation_token").asText());
    }

    @Test
    void delete_then_everything_is_404() {
        String id = create("{'conversation_config':{}}");
        var d = server.delete("/v1/convai/agents/" + id);
        assertThat(d.status()).isEqualTo(200);
        OpenApiContract.assertConforms("DELETE", "/v1/convai/agents/{agent_id}", d);
        assertThat(d.json().size()).isZero();
        for (var r : List.of(server.get("/v1/convai/agents/" + id), server.delete("/v1/convai/agents/" + id),
                patch(id, "{}"), server.get("/v1/convai/agents/" + id + "/link"),
                server.postJson("/v1/convai/agents/" + id + "/duplicate", "{}"), server.get("/v1/convai/agents/bad%20id"))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.json().at("/detail/status").asText()).isEqualTo("agent_not_found");
            assertThat(r.json().at("/detail/message").asText()).contains("not found");
        }
    }

    @Test
    void bad_input_is_422() {
        for (String body : List.of("", "[]", "{}", "{'conversation_config':[]}", "{'conversation_config':{},'name':5}",
                "{'conversation_config':{},'tags':'a'}", "{'conversation_config':{},'tags':[1]}", "{not json",
                "{'conversation_config':{},'platform_settings':{'archived':'yes'}}", "{'conversation_config':{},'workflow':3}")) {
            var r = server.postJson("/v1/convai/agents/create", body.replace('\'', '"'));
            assertThat(r.status()).as(body + " → " + r).isEqualTo(422);
        }
        String id = create("{'conversation_config':{}}");
        assertThat(patch(id, "{'name':[]}").status()).isEqualTo(422);
        assertThat(patch(id, "[1]").status()).isEqualTo(422);
        assertThat(server.postJson("/v1/convai/agents/" + id + "/duplicate", "{\"name\":1}").status()).isEqualTo(422);
    }
}
