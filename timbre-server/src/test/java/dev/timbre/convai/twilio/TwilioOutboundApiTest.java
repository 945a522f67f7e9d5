package dev.timbre.convai.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.convai.phonecalls.OutboundCall;
import dev.timbre.convai.phonecalls.PlacedCall;
import dev.timbre.http.Json;
import dev.timbre.telephony.PhoneLine;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Outbound calls through Timbre's Twilio routes: placed through a fake Twilio REST API that opens the stream back, the
 * agent run on it, Twilio refusing a call, bad requests, and the status callback finishing a call never answered.
 */
@Tag("integration")
class TwilioOutboundApiTest extends TwilioRoutesFixture {
    @Test
    void an_outbound_call_is_placed_through_twilio_and_its_stream_runs_the_agent() throws Exception {
        fake.answered = new CompletableFuture<>();
        var r = outboundCall("{'agent_id':'" + agentId + "','agent_phone_number_id':'" + numberId + "','to_number':'+15557654321',"
                + "'conversation_initiation_client_data':{'dynamic_variables':{'name':'Bo'}}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body.path("success").asBoolean()).isTrue();
        String conversationId = body.path("conversation_id").asText(), callSid = body.path("callSid").asText();
        assertThat(conversationId).startsWith("conv_out");
        assertThat(callSid).startsWith("CA");

        FakeTwilio.Request placed = awaitRequest("/Calls.json", "To", "+15557654321");
        assertThat(placed.path()).isEqualTo("/2010-04-01/Accounts/ACtest/Calls.json");
        assertThat(placed.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(("ACtest:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(placed.form().get("From")).isEqualTo(number);
        assertThat(placed.form().get("StatusCallback")).isEqualTo(base() + "/twilio/status-callback?conversation_id=" + conversationId);
        assertThat(placed.form().get("Twiml")).contains("<Connect><Stream url=\"ws://127.0.0.1:" + app.port() + "/twilio/media-stream\">");

        try (MediaStreamsClient callee = fake.answered.get(10, TimeUnit.SECONDS)) {
            Call call = nextCall();
            assertThat(call.conversationId).isEqualTo(conversationId);
            assertThat(call.initiation.path("dynamic_variables").path("name").asText()).isEqualTo("Bo");
            assertThat(call.line.info().direction()).isEqualTo("outbound");
            assertThat(call.line.info().callId()).isEqualTo(callSid);
            assertThat(call.line.info().to()).isEqualTo("+15557654321");
            assertThat(call.line.info().from()).isEqualTo(number);
            assertThat(callee.next("media", 5000)).as("the callee hears the agent").isNotNull();

            // a transfer redirects the call to <Dial> and ends the line; a refused one leaves it up
            fake.refuseWith(404, "The requested resource was not found");
            assertThatThrownBy(() -> call.line.transfer("+15550009999")).isInstanceOf(PhoneLine.TransferFailed.class)
                    .hasMessageContaining("not found");
            fake.refuseWith(0, null);
            call.line.transfer("+15550009999");
            assertThat(awaitRequest("/Calls/" + callSid + ".json", "Twiml", "<Response><Dial>+15550009999</Dial></Response>")).isNotNull();
            assertThat(call.ended.get(5, TimeUnit.SECONDS)).contains("transferred");
            assertThat(callee.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
            for (int i = 0; i < 50 && twilio.pending().get(conversationId) != null; i++) Thread.sleep(20);
            assertThat(twilio.pending().get(conversationId)).as("the placed call finished with its stream").isNull();
        }
    }

    @Test
    void twilio_refusing_a_call_is_success_false_with_its_message() throws Exception {
        fake.refuseWith(400, "The 'To' number 12 is not a valid phone number.");
        try {
            var r = outboundCall("{'agent_id':'" + agentId + "','agent_phone_number_id':'" + numberId + "','to_number':'12'}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = Json.MAPPER.readTree(r.body());
            assertThat(body.path("success").asBoolean()).isFalse();
            assertThat(body.path("message").asText()).contains("not a valid phone number");
            assertThat(body.get("conversation_id").isNull()).isTrue();
            assertThat(body.get("callSid").isNull()).isTrue();
        } finally {
            fake.refuseWith(0, null);
        }
    }

    @Test
    void bad_outbound_requests_are_4xx() throws Exception {
        assertThat(outboundCall("{'agent_id':'" + agentId + "','agent_phone_number_id':'" + numberId + "'}").statusCode()).isEqualTo(422);
        assertThat(outboundCall("{'agent_id':'" + agentId + "','agent_phone_number_id':'" + numberId + "','to_number':5}").statusCode()).isEqualTo(422);
        assertThat(outboundCall("[]").statusCode()).isEqualTo(422);
        var unknownNumber = outboundCall("{'agent_id':'" + agentId + "','agent_phone_number_id':'phnum_nope','to_number':'+15557654321'}");
        assertThat(unknownNumber.statusCode()).isEqualTo(404);
        assertThat(unknownNumber.body()).contains("phone_number_not_found");
        var unknownAgent = outboundCall("{'agent_id':'agent_nope','agent_phone_number_id':'" + numberId + "','to_number':'+15557654321'}");
        assertThat(unknownAgent.statusCode()).isEqualTo(404);
        var inboundOnly = server.postJson("/v1/convai/phone-numbers", "{\"provider\":\"twilio\",\"phone_number\":\"+15550100004\",\"label\":\"in\","
                + "\"supports_outbound\":false,\"sid\":\"ACtest\",\"token\":\"" + TOKEN + "\"}");
        assertThat(inboundOnly.status()).as(inboundOnly.toString()).isEqualTo(200);
        var noOutbound = outboundCall("{'agent_id':'" + agentId + "','agent_phone_number_id':'" + inboundOnly.json().get("phone_number_id").asText()
                + "','to_number':'+15557654321'}");
        assertThat(noOutbound.statusCode()).isEqualTo(400);
        assertThat(noOutbound.body()).contains("phone_number_outbound_unsupported");
        var sip = outboundCall("{'agent_id':'" + agentId + "','agent_phone_number_id':'" + sipId + "','to_number':'+15557654321'}");
        assertThat(sip.statusCode()).isEqualTo(400);
    }

    @Test
    void the_status_callback_finishes_a_call_never_answered() throws Exception {
        fake.answerCalls = false;
        try {
            PlacedCall placed = twilio.dialer().dial(new OutboundCall(numbers.stored(numberId), agentId, "+15551112222", null, null));
            String path = "/twilio/status-callback?conversation_id=" + placed.conversationId();
            Map<String, String> status = new LinkedHashMap<>();
            status.put("AccountSid", "ACtest");
            status.put("CallSid", placed.callId());
            status.put("CallStatus", "no-answer");
            assertThat(twilioPost(path, status, "wrong", base() + path, Map.of()).statusCode()).isEqualTo(403);
            assertThat(placed.finished()).isNotDone();
            var ok = twilioPost(path, status, TOKEN, base() + path, Map.of());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(placed.finished().get(5, TimeUnit.SECONDS)).isEqualTo(new PlacedCall.CallResult("no_answer", "Twilio call status no-answer"));
            assertThat(twilioPost(path, status, "wrong", base() + path, Map.of()).statusCode()).as("a finished call: nothing to say").isEqualTo(200);
        } finally {
            fake.answerCalls = true;
        }
    }
}
