package dev.timbre.convai.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.G711;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.conversation.phone.PhoneConversations;
import dev.timbre.convai.phonecalls.OutboundCall;
import dev.timbre.convai.phonecalls.OutboundCalls;
import dev.timbre.convai.phonecalls.PhoneCalls;
import dev.timbre.convai.phonecalls.PlacedCall;
import dev.timbre.convai.phonenumbers.PhoneNumberRepository;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.secrets.SecretCipher;
import dev.timbre.http.ErrorBodies;
import dev.timbre.http.Json;
import dev.timbre.telephony.LineListener;
import dev.timbre.telephony.PhoneLine;
import dev.timbre.testing.TestServer;
import io.javalin.Javalin;
import io.javalin.apibuilder.ApiBuilder;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Twilio's protocols against Timbre's Twilio routes, with a recording agent ({@link LineRunner}) instead of a
 * conversation: the signed voice webhook and its TwiML, the Media Stream both ways (paced media, marks, clear,
 * DTMF in and out, stop), outbound calls through a fake Twilio REST API that opens the stream back, the status
 * callback, transfers and hang-ups, and the bad input of each.
 */
@Tag("integration")
class TwilioStreamApiTest {
    static final String TOKEN = "twilio-auth-token";
    static FakeTwilio fake;
    static TestServer server;
    static Javalin app;
    static TwilioService twilio;
    static PhoneNumbersService numbers;
    static String agentId, numberId, number = "+15550100001", idleNumber = "+15550100002", sipId;
    static final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    static final AtomicInteger ids = new AtomicInteger();
    static final HttpClient http = HttpClient.newHttpClient();
    /** What the recording agent plays when a line opens: 1 s of a 440 Hz tone. */
    static final byte[] GREETING = tone(440, 1000);

    /** One call the recording agent took. */
    static final class Call implements LineListener {
        final PhoneLine line;
        final String agentId, phoneNumberId, conversationId;
        final JsonNode initiation;
        final ByteArrayOutputStream audio = new ByteArrayOutputStream();
        final BlockingQueue<Character> digits = new LinkedBlockingQueue<>();
        final CompletableFuture<String> ended = new CompletableFuture<>();

        Call(PhoneLine line, String agentId, String phoneNumberId, JsonNode initiation, String conversationId) {
            this.line = line;
            this.agentId = agentId;
            this.phoneNumberId = phoneNumberId;
            this.initiation = initiation;
            this.conversationId = conversationId;
        }

        @Override public synchronized void audio(byte[] ulaw) { audio.writeBytes(ulaw); }
        synchronized int heardBytes() { return audio.size(); }
        @Override public void digit(char d) { digits.add(d); }
        @Override public void ended(String reason) { ended.complete(reason); }
    }

    @BeforeAll
    static void start() throws Exception {
        fake = new FakeTwilio();
        TimbreConfig.Telephony settings = new TimbreConfig.Telephony(fake.url(), null);
        server = TestServer.start(c -> c.withTelephony(settings));
        numbers = new PhoneNumbersService(new PhoneNumberRepository(server.timbre().database().jdbi()), server.timbre().services().agents(),
                SecretCipher.openOrCreate(server.dataDir().resolve("secrets.key")), Clock.systemUTC());
        LineRunner runner = (line, agent, phoneNumber, initiation, conversationId) -> {
            if (initiation.path("dynamic_variables").path("refuse").asBoolean(false)) throw new PhoneConversations.Refused("no");
            Call c = new Call(line, agent, phoneNumber, initiation, conversationId);
            line.open(c);
            line.play(GREETING);
            calls.add(c);
            return conversationId != null ? conversationId : "conv_in" + ids.incrementAndGet();
        };
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        twilio = new TwilioService(numbers, runner, () -> "conv_out" + ids.incrementAndGet(), key, settings, Clock.systemUTC(),
                dev.timbre.convai.conversation.transport.UsedGrants.inMemory(), server.timbre().database().jdbi(), "node_test");
        TwilioOutboundCalls outbound = new TwilioOutboundCalls(
                new OutboundCalls(numbers, server.timbre().services().agents(), new PhoneCalls(List.of(twilio.dialer()))), twilio);
        app = Javalin.create(c -> c.router.apiBuilder(() -> ApiBuilder.path("/", new TwilioRoutes(twilio, outbound))));
        ErrorBodies.install(app);
        app.start("127.0.0.1", 0);

        var a = server.postJson("/v1/convai/agents/create", "{\"name\":\"Phone agent\",\"conversation_config\":{\"agent\":{\"first_message\":\"Hello\"}}}");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        agentId = a.json().get("agent_id").asText();
        numberId = importNumber(number, "{\"agent_id\":\"" + agentId + "\"}");
        importNumber(idleNumber, null);
        var sip = server.postJson("/v1/convai/phone-numbers", "{\"provider\":\"sip_trunk\",\"phone_number\":\"+15550100003\",\"label\":\"sip\"}");
        assertThat(sip.status()).as(sip.toString()).isEqualTo(200);
        sipId = sip.json().get("phone_number_id").asText();
    }

    static String importNumber(String phone, String patch) {
        var r = server.postJson("/v1/convai/phone-numbers", "{\"provider\":\"twilio\",\"phone_number\":\"" + phone
                + "\",\"label\":\"t\",\"sid\":\"ACtest\",\"token\":\"" + TOKEN + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String id = r.json().get("phone_number_id").asText();
        if (patch != null) assertThat(server.patchJson("/v1/convai/phone-numbers/" + id, patch).status()).isEqualTo(200);
        return id;
    }

    @AfterAll
    static void stop() {
        if (app != null) app.stop();
        if (server != null) server.close();
        if (fake != null) fake.close();
    }

    static String base() { return "http://127.0.0.1:" + app.port(); }

    static byte[] tone(int hz, int millis) {
        int n = millis * 8;
        byte[] pcm = new byte[n * 2];
        for (int i = 0; i < n; i++) {
            int s = (int) (8000 * Math.sin(2 * Math.PI * hz * i / 8000.0));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return G711.ulaw(pcm);
    }

    static String form(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    static Map<String, List<String>> multi(Map<String, String> params) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        params.forEach((k, v) -> m.put(k, List.of(v)));
        return m;
    }

    /** POSTs {@code params} form-encoded to {@code path}, signed for {@code signedUrl} with {@code token} (null: unsigned). */
    static HttpResponse<String> twilioPost(String path, Map<String, String> params, String token, String signedUrl, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (token != null) b.header("X-Twilio-Signature", TwilioSignature.compute(token, signedUrl, multi(params)));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> voiceWebhook(String callSid, String to) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", "ACtest");
        p.put("CallSid", callSid);
        p.put("From", "+15557770000");
        p.put("To", to);
        p.put("CallStatus", "ringing");
        p.put("Direction", "inbound");
        return p;
    }

    record Stream(String url, Map<String, String> parameters) {}

    static Stream streamOf(String twiml) {
        Matcher url = Pattern.compile("<Stream url=\"([^\"]+)\"").matcher(twiml);
        assertThat(url.find()).as(twiml).isTrue();
        Map<String, String> params = new LinkedHashMap<>();
        Matcher p = Pattern.compile("<Parameter name=\"([^\"]+)\" value=\"([^\"]*)\"/>").matcher(twiml);
        while (p.find()) params.put(FakeTwilio.unescape(p.group(1)), FakeTwilio.unescape(p.group(2)));
        return new Stream(FakeTwilio.unescape(url.group(1)), params);
    }

    static Stream inbound(String callSid) throws Exception {
        var r = twilioPost("/twilio/inbound_call", voiceWebhook(callSid, number), TOKEN, base() + "/twilio/inbound_call", Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(r.body()).contains("<Response><Connect><Stream url=\"ws://127.0.0.1:" + app.port() + "/twilio/media-stream\">")
                .contains("<Parameter name=\"timbre_token\"");
        return streamOf(r.body());
    }

    static Call nextCall() throws InterruptedException {
        Call c = calls.poll(10, TimeUnit.SECONDS);
        assertThat(c).as("the agent was started on the line").isNotNull();
        return c;
    }

    @Test
    void an_inbound_call_streams_both_ways_at_the_pace_of_real_time() throws Exception {
        Stream s = inbound("CAinbound1");
        Map<String, String> params = new LinkedHashMap<>(s.parameters());
        params.put("customer", "Ada");
        try (MediaStreamsClient caller = MediaStreamsClient.connect(s.url()).start("ACtest", "CAinbound1", params)) {
            Call call = nextCall();
            assertThat(call.agentId).isEqualTo(agentId);
            assertThat(call.phoneNumberId).isEqualTo(numberId);
            assertThat(call.conversationId).isNull();
            assertThat(call.initiation.path("dynamic_variables").path("customer").asText()).isEqualTo("Ada");
            assertThat(call.line.info().direction()).isEqualTo("inbound");
            assertThat(call.line.info().callId()).isEqualTo("CAinbound1");
            assertThat(call.line.info().streamId()).isEqualTo(caller.streamSid);
            assertThat(call.line.info().from()).isEqualTo("+15557770000");
            assertThat(call.line.info().to()).isEqualTo(number);

            // the greeting (1 s) arrives as media frames of our stream, paced in real time, with marks
            MediaStreamsClient.Received first = caller.next("media", 5000);
            assertThat(first).isNotNull();
            assertThat(first.message().path("streamSid").asText()).isEqualTo(caller.streamSid);
            long last = first.atNanos();
            int marks = 0;
            while (caller.heard().length < GREETING.length) {
                MediaStreamsClient.Received r = caller.received.poll(3, TimeUnit.SECONDS);
                assertThat(r).as("media until the whole greeting came").isNotNull();
                if (r.message().path("event").asText().equals("media")) last = r.atNanos();
                if (r.message().path("event").asText().equals("mark")) marks++;
            }
            long spreadMs = (last - first.atNanos()) / 1_000_000;
            assertThat(spreadMs).as("1 s of audio sent over ~1 s less the lead").isBetween(800L, 1300L);
            assertThat(caller.heard()).isEqualTo(GREETING);
            Thread.sleep(300);
            assertThat(marks + caller.drain(0).size()).isGreaterThan(0);
            assertThat(call.line.playedMillis()).isBetween(960L, 1000L);
            assertThat(((TwilioMediaStream) call.line).confirmedMillis()).as("Twilio echoed our marks").isEqualTo(1000L);

            // the caller speaks: the agent hears every byte; a key press arrives as a digit
            byte[] speech = tone(300, 400);
            caller.speak(speech);
            caller.dtmf('5');
            assertThat(call.digits.poll(5, TimeUnit.SECONDS)).isEqualTo('5');
            assertThat(call.heardBytes()).isEqualTo(speech.length);

            // barge-in: 3 s queued, cleared after ~0.5 s: Twilio is told to clear, the line counts only what was heard
            caller.drain(100);
            call.line.play(tone(500, 3000));
            Thread.sleep(500);
            call.line.clear();
            MediaStreamsClient.Received clear = caller.next("clear", 3000);
            assertThat(clear).as("a clear message").isNotNull();
            assertThat(clear.message().path("streamSid").asText()).isEqualTo(caller.streamSid);
            assertThat(call.line.playedMillis() - 1000).isBetween(350L, 700L);
            int afterClear = caller.heard().length;
            Thread.sleep(300);
            assertThat(caller.heard().length).as("nothing more after the clear").isEqualTo(afterClear);

            // keypad tones out: two keys, 200 ms each, as in-band audio
            call.line.sendDigits("12");
            Thread.sleep(700);
            assertThat(caller.heard().length - afterClear).isEqualTo(2 * 1600);

            caller.stop();
            assertThat(call.ended.get(5, TimeUnit.SECONDS)).contains("hung up");
            assertThat(caller.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
        }
    }

    @Test
    void a_stream_needs_an_unspent_grant_from_our_twiml() throws Exception {
        try (MediaStreamsClient forged = MediaStreamsClient.connect(base().replace("http", "ws") + "/twilio/media-stream")
                .start("ACtest", "CAx", Map.of("timbre_token", "forged.token"))) {
            assertThat(forged.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        }
        Stream s = inbound("CAgrant1");
        try (MediaStreamsClient wrongCall = MediaStreamsClient.connect(s.url()).start("ACtest", "CAother", s.parameters())) {
            assertThat(wrongCall.closed.get(5, TimeUnit.SECONDS)).as("a grant is for its own call").isEqualTo(1008);
        }
        Stream t = inbound("CAgrant2");
        try (MediaStreamsClient ok = MediaStreamsClient.connect(t.url()).start("ACtest", "CAgrant2", t.parameters())) {
            Call call = nextCall();
            try (MediaStreamsClient replay = MediaStreamsClient.connect(t.url()).start("ACtest", "CAgrant2", t.parameters())) {
                assertThat(replay.closed.get(5, TimeUnit.SECONDS)).as("a grant is single-use").isEqualTo(1008);
            }
            call.line.hangUp();
            assertThat(call.ended.get(5, TimeUnit.SECONDS)).isEqualTo("hung up");
            assertThat(ok.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
            awaitRequest("/Calls/CAgrant2.json", "Status", "completed");
        }
    }

    @Test
    void a_socket_that_never_starts_is_closed() throws Exception {
        try (MediaStreamsClient idle = MediaStreamsClient.connect(base().replace("http", "ws") + "/twilio/media-stream")) {
            idle.send(java.util.Map.of("event", "connected", "protocol", "Call", "version", "1.0.0"));
            idle.send("not json");
            assertThat(idle.closed.get(TwilioRoutes.START_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void a_bad_signature_is_403_and_a_proxy_s_forwarded_url_is_what_is_signed() throws Exception {
        var unsigned = twilioPost("/twilio/inbound_call", voiceWebhook("CAsig", number), null, null, Map.of());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("invalid_twilio_signature");
        var wrongKey = twilioPost("/twilio/inbound_call", voiceWebhook("CAsig", number), "another-token", base() + "/twilio/inbound_call", Map.of());
        assertThat(wrongKey.statusCode()).isEqualTo(403);
        var otherUrl = twilioPost("/twilio/inbound_call", voiceWebhook("CAsig", number), TOKEN, "https://elsewhere.test/twilio/inbound_call", Map.of());
        assertThat(otherUrl.statusCode()).isEqualTo(403);
        var proxied = twilioPost("/twilio/inbound_call", voiceWebhook("CAsig", number), TOKEN, "https://timbre.example.com/twilio/inbound_call",
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "timbre.example.com"));
        assertThat(proxied.statusCode()).as(proxied.body()).isEqualTo(200);
        assertThat(proxied.body()).contains("<Stream url=\"wss://timbre.example.com/twilio/media-stream\">");
        var signedWithPort = twilioPost("/twilio/inbound_call", voiceWebhook("CAsig", number), TOKEN, "https://timbre.example.com/twilio/inbound_call",
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "timbre.example.com:443"));
        assertThat(signedWithPort.statusCode()).as("the default port may be left out of what Twilio signed").isEqualTo(200);
    }

    @Test
    void a_number_that_cannot_take_the_call_is_told_so_and_hung_up() throws Exception {
        var unknown = twilioPost("/twilio/inbound_call", voiceWebhook("CAunknown", "+15559999999"), TOKEN, base() + "/twilio/inbound_call", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("<Say>").contains("<Hangup/>").doesNotContain("<Stream");
        var idle = twilioPost("/twilio/inbound_call", voiceWebhook("CAidle", idleNumber), TOKEN, base() + "/twilio/inbound_call", Map.of());
        assertThat(idle.statusCode()).isEqualTo(200);
        assertThat(idle.body()).contains("<Say>").contains("<Hangup/>").doesNotContain("<Stream");
    }

    @Test
    void a_bad_webhook_request_is_4xx() throws Exception {
        Map<String, String> noTo = voiceWebhook("CAbad", number);
        noTo.remove("To");
        var missing = twilioPost("/twilio/inbound_call", noTo, TOKEN, base() + "/twilio/inbound_call", Map.of());
        assertThat(missing.statusCode()).isEqualTo(400);
        var json = http.send(HttpRequest.newBuilder(URI.create(base() + "/twilio/inbound_call")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"To\":\"" + number + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(415);
    }

    static HttpResponse<String> outboundCall(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/v1/convai/twilio/outbound-call")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.replace('\'', '"'))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static FakeTwilio.Request awaitRequest(String pathSuffix, String field, String value) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (FakeTwilio.Request r : fake.to(pathSuffix)) if (value.equals(r.form().get(field))) return r;
            Thread.sleep(50);
        }
        throw new AssertionError("no " + pathSuffix + " with " + field + "=" + value + " in " + fake.requests);
    }

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
