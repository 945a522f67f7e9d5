package dev.timbre.convai.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.phonenumbers.PhoneNumberRepository;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.secrets.SecretCipher;
import dev.timbre.http.Json;
import dev.timbre.telephony.OperatorMessage;
import dev.timbre.telephony.PhoneLine;
import dev.timbre.testing.TestServer;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Warm (conference) transfers on Twilio calls, against {@link FakeTwilio}: the destination is called with TwiML that
 * says the operator message and joins conference {@code transfer-<call SID>}, then the caller's call is redirected into
 * it; a refused destination call leaves the caller with the agent.
 */
@Tag("integration")
class TwilioWarmTransferApiTest {
    static final String TOKEN = "twilio-auth-token";
    static final String NUMBER = "+15550100011";
    static FakeTwilio fake;
    static TestServer server;
    static Javalin app;
    static final BlockingQueue<TwilioStreamApiTest.Call> calls = new LinkedBlockingQueue<>();
    static String agentId, numberId;

    @BeforeAll
    static void start() throws Exception {
        fake = new FakeTwilio();
        TimbreConfig.Telephony settings = new TimbreConfig.Telephony(fake.url(), null);
        server = TestServer.start(c -> c.withTelephony(settings));
        PhoneNumbersService numbers = new PhoneNumbersService(new PhoneNumberRepository(server.timbre().database().jdbi()), server.timbre().services().agents(),
                SecretCipher.openOrCreate(server.dataDir().resolve("secrets.key")), Clock.systemUTC());
        LineRunner runner = (line, agent, phoneNumber, initiation, conversationId) -> {
            var c = new TwilioStreamApiTest.Call(line, agent, phoneNumber, initiation, conversationId);
            line.open(c);
            calls.add(c);
            return conversationId;
        };
        TwilioService twilio = TwilioRoutesFixture.twilio(server, numbers, runner, () -> "conv_warm" + System.nanoTime(), settings);
        app = TwilioRoutesFixture.serve(server, numbers, twilio);
        var a = server.postJson("/v1/convai/agents/create", "{\"name\":\"Phone agent\",\"conversation_config\":{\"agent\":{\"first_message\":\"Hello\"}}}");
        agentId = a.json().get("agent_id").asText();
        var r = server.postJson("/v1/convai/phone-numbers", "{\"provider\":\"twilio\",\"phone_number\":\"" + NUMBER
                + "\",\"label\":\"t\",\"sid\":\"ACwarm\",\"token\":\"" + TOKEN + "\"}");
        numberId = r.json().get("phone_number_id").asText();
        assertThat(server.patchJson("/v1/convai/phone-numbers/" + numberId, "{\"agent_id\":\"" + agentId + "\"}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.stop();
        if (server != null) server.close();
        if (fake != null) fake.close();
    }

    /** Places an outbound call through the fake and returns its line, once Twilio "answered" and the stream started. */
    static TwilioStreamApiTest.Call placeCall(String to) throws Exception {
        fake.answerCalls = true;
        fake.answered = new CompletableFuture<>();
        String body = "{\"agent_id\":\"" + agentId + "\",\"agent_phone_number_id\":\"" + numberId + "\",\"to_number\":\"" + to + "\"}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/v1/convai/twilio/outbound-call")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = Json.MAPPER.readTree(r.body());
        assertThat(json.path("success").asBoolean()).as(r.body()).isTrue();
        fake.answered.get(10, TimeUnit.SECONDS);
        TwilioStreamApiTest.Call call = calls.poll(10, TimeUnit.SECONDS);
        assertThat(call).isNotNull();
        fake.answerCalls = false; // the destination's call is left to Twilio (no stream)
        return call;
    }

    @Test
    void aConferenceTransferCallsTheDestinationIntoAConferenceAndRedirectsTheCaller() throws Exception {
        TwilioStreamApiTest.Call call = placeCall("+15557650001");
        String callSid = call.line.info().callId();
        int before = fake.requests.size();
        String name = call.line.conference("+15550009999", OperatorMessage.text("Caller asks about <an> invoice & a refund."));
        assertThat(name).isEqualTo("transfer-" + callSid);
        List<FakeTwilio.Request> made = fake.requests.subList(before, fake.requests.size());
        assertThat(made).hasSize(3);
        FakeTwilio.Request operator = made.get(0);
        assertThat(operator.path()).isEqualTo("/2010-04-01/Accounts/ACwarm/Calls.json");
        assertThat(operator.form()).containsEntry("To", "+15550009999").containsEntry("From", NUMBER).containsEntry("Timeout", "30")
                .containsEntry("Twiml", "<Response><Say>Caller asks about &lt;an&gt; invoice &amp; a refund.</Say><Dial><Conference "
                        + "endConferenceOnExit=\"true\">" + name + "</Conference></Dial></Response>");
        assertThat(made.get(1).form()).as("the destination's status, asked before the caller moves").isEmpty();
        assertThat(made.get(1).path()).startsWith("/2010-04-01/Accounts/ACwarm/Calls/CA").isNotEqualTo("/2010-04-01/Accounts/ACwarm/Calls/" + callSid + ".json");
        FakeTwilio.Request caller = made.get(2);
        assertThat(caller.path()).isEqualTo("/2010-04-01/Accounts/ACwarm/Calls/" + callSid + ".json");
        assertThat(caller.form()).containsEntry("Twiml", "<Response><Dial><Conference endConferenceOnExit=\"true\">" + name
                + "</Conference></Dial></Response>");
        assertThat(call.ended.get(5, TimeUnit.SECONDS)).isEqualTo("transferred to +15550009999");
    }

    @Test
    void aDestinationTwilioRefusesLeavesTheCallerWithTheAgent() throws Exception {
        TwilioStreamApiTest.Call call = placeCall("+15557650002");
        int before = fake.requests.size();
        fake.refuseWith(400, "The 'To' number +1555 is not a valid phone number.");
        try {
            assertThatThrownBy(() -> call.line.conference("+1555", OperatorMessage.text("hi"))).isInstanceOf(PhoneLine.TransferFailed.class)
                    .hasMessageContaining("not a valid phone number");
        } finally {
            fake.refuseWith(0, null);
        }
        assertThat(fake.requests.subList(before, fake.requests.size())).as("no redirect of the caller").hasSize(1)
                .allMatch(r -> r.path().endsWith("/Calls.json"));
        assertThat(call.ended).isNotDone();
        call.line.hangUp();
    }

    @Test
    void aBusyDestinationLeavesTheCallerWithTheAgent() throws Exception {
        TwilioStreamApiTest.Call call = placeCall("+15557650003");
        String callSid = call.line.info().callId();
        fake.callStatus = "busy";
        try {
            assertThatThrownBy(() -> call.line.conference("+15550009999", OperatorMessage.text("hi"))).isInstanceOf(PhoneLine.TransferFailed.class)
                    .hasMessageContaining("did not answer (busy)");
        } finally {
            fake.callStatus = "in-progress";
        }
        assertThat(fake.requests).noneMatch(r -> r.path().endsWith("/Calls/" + callSid + ".json") && r.form().containsKey("Twiml")
                && r.form().get("Twiml").contains("Conference"));
        assertThat(call.ended).isNotDone();
        call.line.hangUp();
    }
}
