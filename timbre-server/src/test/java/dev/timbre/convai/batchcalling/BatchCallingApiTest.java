package dev.timbre.convai.batchcalling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The five {@code /v1/convai/batch-calling} endpoints against the OpenAPI shapes, and bad input. The test server has no
 * carrier (no dialers), so every call fails and its batch ends failed: that outcome is asserted too.
 */
@Tag("integration")
class BatchCallingApiTest {
    static final String ONE = "/v1/convai/batch-calling/{batch_id}";
    static TestServer server;
    static String agent;
    static String twilio;
    static String inboundOnly;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        agent = server.postJson("/v1/convai/agents/create", q("{'name':'Reminders','conversation_config':{'agent':{'first_message':"
                + "'Hello {{customer}}'}},'platform_settings':{'overrides':{'conversation_config_override':{'agent':{'first_message':true}}}}}"))
                .json().get("agent_id").asText();
        twilio = server.postJson("/v1/convai/phone-numbers", q("{'phone_number':'+15550001000','label':'Out','sid':'s','token':'t'}"))
                .json().get("phone_number_id").asText();
        inboundOnly = server.postJson("/v1/convai/phone-numbers", q("{'provider':'sip_trunk','phone_number':'+15550001001','label':'In',"
                + "'supports_outbound':false}")).json().get("phone_number_id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String q(String s) {
        return s.replace('\'', '"');
    }

    static String body(String extra, String recipients) {
        return q("{'call_name':'Reminders','agent_id':'" + agent + "','agent_phone_number_id':'" + twilio + "','recipients':[" + recipients + "]"
                + extra + "}");
    }

    static String row(String number, String customer) {
        return "{'phone_number':'" + number + "','conversation_initiation_client_data':{'dynamic_variables':{'customer':'" + customer + "'}}}";
    }

    static TestServer.Response post(String path) {
        return server.send(server.builder(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    static JsonNode submit(String body) {
        TestServer.Response r = server.postJson("/v1/convai/batch-calling/submit", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/batch-calling/submit", r);
        return r.json();
    }

    @Test
    void submits_gets_cancels_a_scheduled_batch() {
        long later = Instant.now().getEpochSecond() + 3600;
        JsonNode made = submit(body(",'scheduled_time_unix':" + later + ",'target_concurrency_limit':2",
                row("+14155550100", "Ada") + "," + row("+1 (415) 555-0101", "Bob").replace("}}}", "},'conversation_config_override':{'agent':{'first_message':'Hi Bob'}}}}")));
        String id = made.get("id").asText();
        assertThat(made.get("status").asText()).isEqualTo("pending");
        assertThat(made.get("name").asText()).isEqualTo("Reminders");
        assertThat(made.get("agent_name").asText()).isEqualTo("Reminders");
        assertThat(made.get("phone_number_id").asText()).isEqualTo(twilio);
        assertThat(made.get("phone_provider").asText()).isEqualTo("twilio");
        assertThat(made.get("scheduled_time_unix").asLong()).isEqualTo(later);
        assertThat(made.get("total_calls_scheduled").asInt()).isEqualTo(2);
        assertThat(made.get("total_calls_dispatched").asInt()).isZero();
        assertThat(made.get("total_calls_finished").asInt()).isZero();
        assertThat(made.get("retry_count").asInt()).isZero();
        assertThat(made.get("target_concurrency_limit").asInt()).isEqualTo(2);
        assertThat(made.get("telephony_call_config").isObject()).isTrue();

        TestServer.Response got = server.get("/v1/convai/batch-calling/" + id);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", ONE, got);
        JsonNode rows = got.json().get("recipients");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("phone_number").asText()).isEqualTo("+14155550100");
        assertThat(rows.get(1).get("phone_number").asText()).as("separators dropped").isEqualTo("+14155550101");
        assertThat(rows.get(0).get("status").asText()).isEqualTo("pending");
        assertThat(rows.get(0).get("conversation_id").isNull()).isTrue();
        assertThat(rows.get(0).get("id").asText()).isNotBlank();
        assertThat(rows.get(0).at("/conversation_initiation_client_data/dynamic_variables/customer").asText()).isEqualTo("Ada");
        assertThat(rows.get(1).at("/conversation_initiation_client_data/conversation_config_override/agent/first_message").asText()).isEqualTo("Hi Bob");

        TestServer.Response cancelled = post("/v1/convai/batch-calling/" + id + "/cancel");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", ONE + "/cancel", cancelled);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        JsonNode after = server.get("/v1/convai/batch-calling/" + id).json();
        assertThat(after.get("recipients")).extracting(r -> r.get("status").asText()).containsOnly("cancelled");

        TestServer.Response retried = post("/v1/convai/batch-calling/" + id + "/retry");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", ONE + "/retry", retried);
        assertThat(retried.json().get("status").asText()).as("nothing failed: nothing to retry").isEqualTo("cancelled");
        assertThat(retried.json().get("retry_count").asInt()).isZero();
    }

    @Test
    void without_a_carrier_every_call_fails_and_retry_calls_them_again() {
        String id = submit(body("", row("+14155550110", "Cy") + "," + "{'id':'mine-1','phone_number':'+14155550111',"
                + "'conversation_initiation_client_data':{'dynamic_variables':{'customer':'Di','vip':true,'visits':3}}}")).get("id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> server.get("/v1/convai/batch-calling/" + id).json().get("status").asText().equals("failed"));
        TestServer.Response got = server.get("/v1/convai/batch-calling/" + id);
        OpenApiContract.assertConforms("GET", ONE, got);
        assertThat(got.json().get("recipients")).extracting(r -> r.get("status").asText()).containsOnly("failed");
        assertThat(got.json().at("/recipients/1/id").asText()).isEqualTo("mine-1");
        assertThat(got.json().get("total_calls_dispatched").asInt()).isEqualTo(2);
        assertThat(got.json().get("total_calls_finished").asInt()).isEqualTo(2);

        TestServer.Response retried = post("/v1/convai/batch-calling/" + id + "/retry");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", ONE + "/retry", retried);
        assertThat(retried.json().get("retry_count").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> server.get("/v1/convai/batch-calling/" + id).json().get("status").asText().equals("failed"));
        assertThat(server.get("/v1/convai/batch-calling/" + id).json().get("retry_count").asInt()).isEqualTo(1);
        TestServer.Response cancelEnded = post("/v1/convai/batch-calling/" + id + "/cancel");
        assertThat(cancelEnded.status()).isEqualTo(200);
        assertThat(cancelEnded.json().get("status").asText()).as("an ended batch is left as it is").isEqualTo("failed");
    }

    @Test
    void lists_the_workspace_newest_first_with_a_cursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submit(body(",'scheduled_time_unix':" + (Instant.now().getEpochSecond() + 7200), row("+1415555012" + i, "E"))).get("id").asText());
        }
        TestServer.Response first = server.get("/v1/convai/batch-calling/workspace?limit=2");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/batch-calling/workspace", first);
        assertThat(first.json().get("batch_calls")).extracting(b -> b.get("id").asText()).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.json().get("has_more").asBoolean()).isTrue();
        assertThat(first.json().get("next_doc").asText()).isEqualTo(ids.get(1));
        TestServer.Response second = server.get("/v1/convai/batch-calling/workspace?limit=2&last_doc=" + ids.get(1));
        OpenApiContract.assertConforms("GET", "/v1/convai/batch-calling/workspace", second);
        assertThat(second.json().get("batch_calls").get(0).get("id").asText()).isEqualTo(ids.get(0));
        TestServer.Response all = server.get("/v1/convai/batch-calling/workspace?agent_id=" + agent);
        assertThat(all.json().get("batch_calls")).extracting(b -> b.get("id").asText()).contains(ids.toArray(String[]::new));
        assertThat(all.json().get("has_more").asBoolean()).isFalse();
        assertThat(all.json().get("next_doc").isNull()).isTrue();
        assertThat(server.get("/v1/convai/batch-calling/workspace?agent_id=agent_other").json().get("batch_calls")).isEmpty();
        assertThat(server.get("/v1/convai/batch-calling/workspace?limit=0").status()).isEqualTo(422);
        assertThat(server.get("/v1/convai/batch-calling/workspace?last_doc=btcal_nope").status()).isEqualTo(422);
    }

    @Test
    void bad_numbers_are_a_422_naming_each_row() {
        TestServer.Response r = server.postJson("/v1/convai/batch-calling/submit", body("",
                row("+14155550130", "F") + "," + row("12345", "G") + "," + row("+1 415 555 0131", "H") + "," + row("call me", "I") + ","
                        + row("+14155550130", "J") + ",{'customer':'no number'}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        OpenApiContract.assertConforms("POST", "/v1/convai/batch-calling/submit", r);
        JsonNode detail = r.json().get("detail");
        assertThat(detail).extracting(d -> d.get("loc").toString()).containsExactly(
                "[\"body\",\"recipients\",1,\"phone_number\"]", "[\"body\",\"recipients\",3,\"phone_number\"]",
                "[\"body\",\"recipients\",4,\"phone_number\"]", "[\"body\",\"recipients\",5,\"phone_number\"]");
        assertThat(detail.get(0).get("msg").asText()).contains("E.164");
        assertThat(detail.get(2).get("msg").asText()).contains("already recipient 0");
        assertThat(detail.get(3).get("type").asText()).isEqualTo("missing");
        assertThat(server.get("/v1/convai/batch-calling/workspace?agent_id=" + agent).text()).as("nothing was stored").doesNotContain("+14155550130");
    }

    @Test
    void other_bad_input_has_a_defined_answer() {
        TestServer.Response empty = server.postJson("/v1/convai/batch-calling/submit", body("", ""));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().at("/detail/0/type").asText()).isEqualTo("too_short");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= BatchSubmission.MAX_RECIPIENTS; i++) many.append(i == 0 ? "" : ",").append("{'phone_number':'+1415").append(String.format("%07d", i)).append("'}");
        TestServer.Response tooMany = server.postJson("/v1/convai/batch-calling/submit", body("", many.toString()));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
        assertThat(tooMany.json().at("/detail/0/type").asText()).isEqualTo("too_long");
        TestServer.Response missing = server.postJson("/v1/convai/batch-calling/submit", q("{'recipients':[{'phone_number':'+14155550140'}]}"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("detail")).extracting(d -> d.get("loc").get(1).asText()).contains("call_name", "agent_id", "agent_phone_number_id");
        assertThat(server.postJson("/v1/convai/batch-calling/submit", "[1]").status()).isEqualTo(422);
        assertThat(server.postJson("/v1/convai/batch-calling/submit", "{not json").status()).isEqualTo(422);

        TestServer.Response noVariable = server.postJson("/v1/convai/batch-calling/submit", body("", "{'phone_number':'+14155550141'}"));
        assertThat(noVariable.status()).as(noVariable.toString()).isEqualTo(422);
        assertThat(noVariable.json().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"recipients\",0,\"conversation_initiation_client_data\"]");
        assertThat(noVariable.json().at("/detail/0/msg").asText()).contains("customer");
        TestServer.Response forbidden = server.postJson("/v1/convai/batch-calling/submit", body("", row("+14155550142", "K")
                .replace("}}}", "},'conversation_config_override':{'agent':{'language':'de'}}}}")));
        assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(422);
        assertThat(forbidden.json().at("/detail/0/msg").asText()).contains("language");
        TestServer.Response sipUri = server.postJson("/v1/convai/batch-calling/submit", body("", row("sip:alice@example.com", "L")));
        assertThat(sipUri.status()).isEqualTo(422);
        assertThat(sipUri.json().at("/detail/0/msg").asText()).contains("SIP trunk");

        TestServer.Response noAgent = server.postJson("/v1/convai/batch-calling/submit", body("", row("+14155550143", "M")).replace(agent, "agent_nope"));
        assertThat(noAgent.status()).isEqualTo(404);
        assertThat(noAgent.text()).contains("agent_not_found");
        TestServer.Response noNumber = server.postJson("/v1/convai/batch-calling/submit", body("", row("+14155550143", "M")).replace(twilio, "phnum_nope"));
        assertThat(noNumber.status()).isEqualTo(404);
        assertThat(noNumber.text()).contains("phone_number_not_found");
        TestServer.Response inbound = server.postJson("/v1/convai/batch-calling/submit", body("", row("+14155550143", "M")).replace(twilio, inboundOnly));
        assertThat(inbound.status()).isEqualTo(400);
        assertThat(inbound.text()).contains("phone_number_outbound_unsupported");

        for (String path : List.of("/v1/convai/batch-calling/btcal_nope", "/v1/convai/batch-calling/btcal_nope/cancel", "/v1/convai/batch-calling/btcal_nope/retry")) {
            TestServer.Response r = path.endsWith("nope") ? server.get(path) : post(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.text()).contains("batch_call_not_found");
        }
    }
}
