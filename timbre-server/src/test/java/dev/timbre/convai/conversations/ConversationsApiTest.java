package dev.timbre.convai.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.agent.transcript.Analysis;
import dev.timbre.agent.transcript.ToolCallEntry;
import dev.timbre.agent.transcript.ToolResultEntry;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.http.Json;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class ConversationsApiTest {
    static final String LIST = "/v1/convai/conversations";
    static final String ONE = "/v1/convai/conversations/{conversation_id}";
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    /** A finished conversation of {@code agentId} that started at {@code startSecs}, with tool calls of every kind. */
    static String conversation(String agentId, String userId, long startSecs) {
        String id = "conv_" + Ids.random();
        ConversationsService log = server.timbre().services().conversations();
        ObjectNode data = Json.MAPPER.createObjectNode().put("user_id", userId);
        data.putObject("dynamic_variables").put("system__agent_id", agentId).put("count", 3);
        log.started(new ConversationStart(id, agentId, "Agent", userId, Instant.ofEpochSecond(startSecs), true, "node_js_sdk",
                "2.73.0", "authorization_header", data, "en"));
        List<TranscriptEntry> transcript = List.of(
                TranscriptEntry.user("Open the door and tell me the weather", 0, "text"),
                new TranscriptEntry("agent", null, 1, List.of(
                        new ToolCallEntry("client", "c1", "open_door", "{}", true, Map.of("type", "client", "parameters", "{}")),
                        new ToolCallEntry("webhook", "w1", "weather", "{\"city\":\"Oslo\"}", true,
                                Map.of("type", "webhook", "method", "GET", "url", "https://example.com/Oslo", "headers", Map.of()))),
                        List.of(new ToolResultEntry("client", "c1", "open_door", "opened", false, true, 0.1),
                                new ToolResultEntry("webhook", "w1", "weather", "{\"temp\":3}", false, true, 0.3)),
                        null, false, null, null),
                new TranscriptEntry("agent", "It is 3 degrees. Goodbye", 2, List.of(
                        new ToolCallEntry("system", "s1", "end_call", "{}", true, null)),
                        List.of(new ToolResultEntry("system", "s1", "end_call", "ok", false, true, 0.0)), null, true, "It is 3 degrees. Goodbye!", null));
        log.updated(id, transcript);
        log.feedback(id, "like", 2);
        log.ended(id, new ConversationEnd(Instant.ofEpochSecond(startSecs + 9), transcript, "end_call tool was called.", null, null));
        // post-call analysis runs in the background; let it finish so that the analyses set by the tests stay
        for (int i = 0; i < 400 && log.details(id).orElseThrow().path("status").asText().equals("processing"); i++) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return id;
    }

    static String agent() {
        return "agent_" + Ids.random();
    }

    @Test
    void get_returns_the_conversation_details() {
        String agent = agent();
        String id = conversation(agent, "user-1", 1_700_000_000);
        server.timbre().services().conversations().saveAnalysis(id, new Analysis(
                Map.of("solved", new Analysis.CriterionResult("solved", "success", "The door opened.")),
                Map.of("city", new Analysis.DataCollectionResult("city", "Oslo", Map.of("type", "string", "description", "City"), "said")),
                "success", "Weather and a door.", "Door"));

        TestServer.Response r = server.get("/v1/convai/conversations/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", ONE, r);
        JsonNode c = r.json();
        assertThat(c.get("conversation_id").asText()).isEqualTo(id);
        assertThat(c.get("agent_id").asText()).isEqualTo(agent);
        assertThat(c.get("status").asText()).isEqualTo("done");
        assertThat(c.get("user_id").asText()).isEqualTo("user-1");
        for (String flag : List.of("has_audio", "has_user_audio", "has_response_audio", "has_auxiliary_audio")) {
            assertThat(c.get(flag).isBoolean()).as(flag + " is required by the SDK").isTrue();
        }
        assertThat(c.get("transcript")).hasSize(3);
        assertThat(c.at("/transcript/0/role").asText()).isEqualTo("user");
        assertThat(c.at("/transcript/0/source_medium").asText()).isEqualTo("text");
        assertThat(c.at("/transcript/1/tool_calls/1/params_as_json").asText()).isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(c.at("/transcript/1/tool_results/1/result_value").asText()).isEqualTo("{\"temp\":3}");
        assertThat(c.at("/transcript/2/feedback/score").asText()).isEqualTo("like");
        assertThat(c.at("/transcript/2/interrupted").asBoolean()).isTrue();
        assertThat(c.at("/transcript/2/original_message").asText()).isEqualTo("It is 3 degrees. Goodbye!");
        JsonNode m = c.get("metadata");
        assertThat(m.get("start_time_unix_secs").asLong()).isEqualTo(1_700_000_000L);
        assertThat(m.get("call_duration_secs").asInt()).isEqualTo(9);
        assertThat(m.get("termination_reason").asText()).isEqualTo("end_call tool was called.");
        assertThat(m.get("text_only").asBoolean()).isTrue();
        assertThat(m.get("main_language").asText()).isEqualTo("en");
        assertThat(m.get("conversation_initiation_source").asText()).isEqualTo("node_js_sdk");
        assertThat(m.get("conversation_initiation_source_version").asText()).isEqualTo("2.73.0");
        assertThat(m.get("authorization_method").asText()).isEqualTo("authorization_header");
        assertThat(m.at("/feedback/likes").asInt()).isEqualTo(1);
        assertThat(m.at("/deletion_settings/delete_audio").asBoolean()).isFalse();
        assertThat(m.get("charging").isObject()).isTrue();
        assertThat(c.at("/analysis/call_successful").asText()).isEqualTo("success");
        assertThat(c.at("/analysis/transcript_summary").asText()).isEqualTo("Weather and a door.");
        assertThat(c.at("/conversation_initiation_client_data/dynamic_variables/count").asInt()).isEqualTo(3);
    }

    @Test
    void a_phone_call_shows_its_metadata_and_direction() {
        String agent = agent();
        String twilioId = "conv_" + Ids.random();
        String sipId = "conv_" + Ids.random();
        ConversationsService log = server.timbre().services().conversations();
        Instant start = Instant.ofEpochSecond(1_650_000_000L);
        log.started(new ConversationStart(twilioId, agent, "Agent", null, start, false, "twilio", null, "public",
                Json.MAPPER.createObjectNode(), "en", PhoneCallRecord.of("twilio", "inbound", "phnum_t", "+15550001111", "+15550002222",
                "CA0123456789abcdef", "MZ0123456789abcdef")));
        log.ended(twilioId, new ConversationEnd(start.plusSeconds(42), List.of(), "Call transferred to +15550009999.", null, null));
        log.started(new ConversationStart(sipId, agent, "Agent", null, start.plusSeconds(1), false, "sip_trunk", null, "public",
                Json.MAPPER.createObjectNode(), "en", PhoneCallRecord.of("sip_trunk", "outbound", "phnum_s", "+15550002222", "+15550003333",
                "a84b4c76e66710@pc33.example.com", null)));
        log.ended(sipId, new ConversationEnd(start.plusSeconds(8), List.of(), "voicemail_detection tool was called: voicemail detected.", null, null));

        TestServer.Response twilio = server.get("/v1/convai/conversations/" + twilioId);
        assertThat(twilio.status()).as(twilio.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", ONE, twilio);
        JsonNode m = twilio.json().get("metadata");
        assertThat(m.get("phone_call")).isEqualTo(Json.MAPPER.createObjectNode().put("direction", "inbound")
                .put("phone_number_id", "phnum_t").put("agent_number", "+15550002222").put("external_number", "+15550001111")
                .put("type", "twilio").put("stream_sid", "MZ0123456789abcdef").put("call_sid", "CA0123456789abcdef"));
        assertThat(m.get("call_duration_secs").asInt()).isEqualTo(42);
        assertThat(m.get("termination_reason").asText()).isEqualTo("Call transferred to +15550009999.");
        assertThat(m.get("conversation_initiation_source").asText()).isEqualTo("twilio");

        TestServer.Response sip = server.get("/v1/convai/conversations/" + sipId);
        OpenApiContract.assertConforms("GET", ONE, sip);
        JsonNode call = sip.json().at("/metadata/phone_call");
        assertThat(call.get("type").asText()).isEqualTo("sip_trunking");
        assertThat(call.get("direction").asText()).isEqualTo("outbound");
        assertThat(call.get("agent_number").asText()).isEqualTo("+15550002222");
        assertThat(call.get("external_number").asText()).isEqualTo("+15550003333");
        assertThat(call.get("call_sid").asText()).isEqualTo("a84b4c76e66710@pc33.example.com");
        assertThat(call.has("stream_sid")).isFalse();
        assertThat(sip.json().at("/metadata/termination_reason").asText()).contains("voicemail detected");

        TestServer.Response list = server.get(LIST + "?agent_id=" + agent);
        OpenApiContract.assertConforms("GET", LIST, list);
        assertThat(list.json().at("/conversations/0/direction").asText()).isEqualTo("outbound");
        assertThat(list.json().at("/conversations/1/direction").asText()).isEqualTo("inbound");

        String web = conversation(agent(), "user-1", 1_650_000_000L);
        assertThat(server.get("/v1/convai/conversations/" + web).json().at("/metadata/phone_call").isNull()).isTrue();
    }

    @Test
    void list_is_newest_first_with_filters_summaries_and_cursor_paging() {
        String agent = agent();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) ids.add(conversation(agent, i % 2 == 0 ? "even" : "odd", 1_600_000_000L + i * 100));
        String other = conversation(agent(), "even", 1_600_000_450L);
        server.timbre().services().conversations().saveAnalysis(ids.get(4), new Analysis(null, null, "failure", "Went badly.", "Bad"));

        TestServer.Response all = server.get(LIST + "?agent_id=" + agent);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", LIST, all);
        assertThat(idsOf(all.json())).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(all.json().get("has_more").asBoolean()).isFalse();
        assertThat(all.json().get("next_cursor").isNull()).isTrue();
        JsonNode first = all.json().at("/conversations/0");
        assertThat(first.get("agent_name").asText()).isEqualTo("Agent");
        assertThat(first.get("message_count").asInt()).isEqualTo(3);
        assertThat(first.get("call_duration_secs").asInt()).isEqualTo(9);
        assertThat(first.get("status").asText()).isEqualTo("done");
        assertThat(first.get("call_successful").asText()).isEqualTo("failure");
        assertThat(first.get("transcript_summary").isNull()).as("summary_mode defaults to exclude").isTrue();

        JsonNode included = server.get(LIST + "?agent_id=" + agent + "&summary_mode=include&page_size=1").json();
        assertThat(included.at("/conversations/0/transcript_summary").asText()).isEqualTo("Went badly.");
        assertThat(included.at("/conversations/0/call_summary_title").asText()).isEqualTo("Bad");

        assertThat(idsOf(server.get(LIST + "?agent_id=" + agent + "&call_successful=failure").json())).containsExactly(ids.get(4));
        assertThat(idsOf(server.get(LIST + "?agent_id=" + agent + "&call_successful=unknown").json())).hasSize(4);
        assertThat(idsOf(server.get(LIST + "?agent_id=" + agent + "&user_id=odd").json())).containsExactly(ids.get(3), ids.get(1));
        assertThat(idsOf(server.get(LIST + "?user_id=even&call_start_after_unix=1600000150&call_start_before_unix=1600000500").json()))
                .containsExactly(other, ids.get(4), ids.get(2));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TestServer.Response page = server.get(LIST + "?agent_id=" + agent + "&page_size=2" + (cursor == null ? "" : "&cursor=" + cursor));
            OpenApiContract.assertConforms("GET", LIST, page);
            paged.addAll(idsOf(page.json()));
            cursor = page.json().get("has_more").asBoolean() ? page.json().get("next_cursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
    }

    @Test
    void bad_list_parameters_are_422() {
        for (String query : List.of("page_size=0", "page_size=101", "page_size=x", "call_successful=maybe", "summary_mode=all",
                "call_start_before_unix=yesterday", "call_start_after_unix=1.5", "cursor=not-a-cursor", "cursor=WzFd")) {
            TestServer.Response r = server.get(LIST + "?" + query);
            assertThat(r.status()).as(query + " → " + r).isEqualTo(422);
            OpenApiContract.assertConforms("GET", LIST, r);
            assertThat(r.json().at("/detail/0/loc/0").asText()).isEqualTo("query");
        }
    }

    @Test
    void delete_removes_it_and_deleting_the_agent_keeps_its_conversations() {
        String agentId = server.postJson("/v1/convai/agents/create", "{\"conversation_config\": {}}").json().get("agent_id").asText();
        String kept = conversation(agentId, "u", 1_650_000_000);
        String gone = conversation(agentId, "u", 1_650_000_001);
        assertThat(server.delete("/v1/convai/agents/" + agentId).status()).isEqualTo(200);
        assertThat(server.get("/v1/convai/conversations/" + kept).status()).isEqualTo(200);

        TestServer.Response d = server.delete("/v1/convai/conversations/" + gone);
        assertThat(d.status()).as(d.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("DELETE", ONE, d);
        assertThat(d.json().isObject()).isTrue();
        assertThat(server.get("/v1/convai/conversations/" + gone).status()).isEqualTo(404);
        assertThat(idsOf(server.get(LIST + "?agent_id=" + agentId).json())).containsExactly(kept);
    }

    @Test
    void feedback_sets_the_overall_score_and_rejects_other_values() {
        String id = conversation(agent(), "u", 1_660_000_000);
        TestServer.Response r = server.postJson("/v1/convai/conversations/" + id + "/feedback", "{\"feedback\": \"dislike\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", ONE + "/feedback", r);
        assertThat(server.get("/v1/convai/conversations/" + id).json().at("/metadata/feedback/overall_score").asText()).isEqualTo("dislike");

        for (String body : List.of("", "{}", "[]", "{\"feedback\": null}", "{\"feedback\": \"meh\"}", "{\"feedback\": 1}", "{\"feedback\": ")) {
            TestServer.Response bad = server.postJson("/v1/convai/conversations/" + id + "/feedback", body);
            assertThat(bad.status()).as(body + " → " + bad).isEqualTo(422);
            OpenApiContract.assertConforms("POST", ONE + "/feedback", bad);
        }
        assertThat(server.get("/v1/convai/conversations/" + id).json().at("/metadata/feedback/overall_score").asText()).isEqualTo("dislike");
    }

    @Test
    void audio_is_404_when_the_call_was_not_recorded() {
        String id = conversation(agent(), "u", 1_670_000_000);
        TestServer.Response r = server.get("/v1/convai/conversations/" + id + "/audio");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("conversation_audio_not_found");
        assertThat(r.json().at("/detail/message").asText()).contains("no audio");
    }

    @Test
    void a_recorded_call_is_served_as_mp3_and_flagged() {
        String id = conversation(agent(), "u", 1_670_000_100);
        assertThat(server.timbre().services().conversations().holdsBlob(ConversationAudio.key(id))).as("no recording yet").isFalse();
        server.timbre().services().conversations().audioRecorded(id, ConversationAudioTest.call(true));
        assertThat(server.timbre().services().conversations().holdsBlob(ConversationAudio.key(id))).as("claimed for the orphan sweep").isTrue();

        TestServer.Response r = server.get("/v1/convai/conversations/" + id + "/audio");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("audio/mpeg");
        dev.timbre.audio.Wav.Decoded decoded = dev.timbre.audio.AudioDecoder.mp3(r.body());
        assertThat(decoded.pcm().length / 2.0 / decoded.format().sampleRate()).as("3 s of call").isBetween(3.0, 3.2);

        TestServer.Response c = server.get("/v1/convai/conversations/" + id);
        OpenApiContract.assertConforms("GET", ONE, c);
        assertThat(c.json().get("has_audio").asBoolean()).isTrue();
        assertThat(c.json().get("has_user_audio").asBoolean()).isTrue();
        assertThat(c.json().get("has_response_audio").asBoolean()).isTrue();

        assertThat(server.delete("/v1/convai/conversations/" + id).status()).isEqualTo(200);
        assertThat(server.get("/v1/convai/conversations/" + id + "/audio").status()).isEqualTo(404);
    }

    @Test
    void voice_turn_metrics_are_conversation_turn_metrics() {
        String id = conversation(agent(), "u", 1_670_000_200);
        ConversationsService log = server.timbre().services().conversations();
        log.updated(id, List.of(TranscriptEntry.user("hello", 0, "audio"),
                TranscriptEntry.agent("hi", 1).withTurnMetrics(Map.of("convai_vad_end", 0.5, "convai_llm_service_ttfb", 0.82))));

        TestServer.Response r = server.get("/v1/convai/conversations/" + id);
        OpenApiContract.assertConforms("GET", ONE, r);
        JsonNode t = r.json().get("transcript");
        assertThat(t.get(0).get("conversation_turn_metrics").isNull()).isTrue();
        assertThat(t.get(1).at("/conversation_turn_metrics/metrics/convai_vad_end/elapsed_time").asDouble()).isEqualTo(0.5);
        assertThat(t.get(1).at("/conversation_turn_metrics/metrics/convai_llm_service_ttfb/elapsed_time").asDouble()).isEqualTo(0.82);
        assertThat(t.get(1).has("turn_metrics")).isFalse();
    }

    @Test
    void unknown_ids_are_404_everywhere() {
        for (String id : List.of("conv_missing", "bad%20id")) {
            String path = "/v1/convai/conversations/" + id;
            List<TestServer.Response> rs = List.of(server.get(path), server.delete(path), server.get(path + "/audio"),
                    server.postJson(path + "/feedback", "{\"feedback\": \"like\"}"));
            for (TestServer.Response r : rs) {
                assertThat(r.status()).as(id + " → " + r).isEqualTo(404);
                assertThat(r.json().at("/detail/status").asText()).isEqualTo("conversation_not_found");
            }
        }
    }

    static List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("conversations").forEach(c -> ids.add(c.get("conversation_id").asText()));
        return ids;
    }
}
