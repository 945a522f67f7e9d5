package dev.timbre.convai.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.G711;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.conversation.phone.PhoneConversations;
import dev.timbre.convai.phonecalls.OutboundCalls;
import dev.timbre.convai.phonecalls.PhoneCalls;
import dev.timbre.convai.phonenumbers.PhoneNumberRepository;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.secrets.SecretCipher;
import dev.timbre.http.ErrorBodies;
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

/**
 * The shared ground of the Twilio route tests: a Timbre server for the numbers and agents, Timbre's Twilio routes on
 * their own Javalin with a recording agent ({@link LineRunner}) instead of a conversation, a fake Twilio REST API, and
 * helpers that sign and post Twilio's requests. Each test class that extends it gets its own (JUnit runs a superclass's
 * {@code @BeforeAll} per subclass; the classes run one after another).
 */
@Tag("integration")
abstract class TwilioRoutesFixture {
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
        twilio = twilio(server, numbers, runner, () -> "conv_out" + ids.incrementAndGet(), settings);
        app = serve(server, numbers, twilio);

        var a = server.postJson("/v1/convai/agents/create", "{\"name\":\"Phone agent\",\"conversation_config\":{\"agent\":{\"first_message\":\"Hello\"}}}");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        agentId = a.json().get("agent_id").asText();
        numberId = importNumber(number, "{\"agent_id\":\"" + agentId + "\"}");
        importNumber(idleNumber, null);
        var sip = server.postJson("/v1/convai/phone-numbers", "{\"provider\":\"sip_trunk\",\"phone_number\":\"+15550100003\",\"label\":\"sip\"}");
        assertThat(sip.status()).as(sip.toString()).isEqualTo(200);
        sipId = sip.json().get("phone_number_id").asText();
    }

    /** A Twilio service on {@code server}'s database, with a random stream-grant key and in-memory spent grants. */
    static TwilioService twilio(TestServer server, PhoneNumbersService numbers, LineRunner runner,
                                java.util.function.Supplier<String> conversationIds, TimbreConfig.Telephony settings) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return new TwilioService(numbers, runner, conversationIds, key, settings, Clock.systemUTC(),
                dev.timbre.convai.conversation.transport.UsedGrants.inMemory(), server.timbre().database().jdbi(), "node_test");
    }

    /** Timbre's Twilio routes (voice webhook, Media Streams, outbound calls) for {@code twilio}, started on a free port. */
    static Javalin serve(TestServer server, PhoneNumbersService numbers, TwilioService twilio) {
        TwilioOutboundCalls outbound = new TwilioOutboundCalls(
                new OutboundCalls(numbers, server.timbre().services().agents(), new PhoneCalls(List.of(twilio.dialer()))), twilio);
        Javalin app = Javalin.create(c -> c.router.apiBuilder(() -> ApiBuilder.path("/", new TwilioRoutes(twilio, outbound))));
        ErrorBodies.install(app);
        return app.start("127.0.0.1", 0);
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
}
