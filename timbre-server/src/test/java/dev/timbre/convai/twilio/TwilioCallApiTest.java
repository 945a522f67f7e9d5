package dev.timbre.convai.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.G711;
import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Twilio calls end to end on the real engines: Timbre answers the signed voice webhook, a Media Streams client
 * (Twilio's side) plays speech made by Timbre's TTS in real time, hears the agent (its audio transcribed by the
 * server's recogniser), gets {@code clear} when it talks over the agent; an outbound call through the fake Twilio
 * API is answered by a stream the fake opens, and the callee hears the greeting. Nothing stays in progress.
 */
@Tag("integration")
class TwilioCallApiTest {
    static final String TOKEN = "e2e-auth-token";
    static FakeTwilio fake;
    static TestServer server;
    static String voiceId, agentId, numberId, number = "+15550200001";
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        fake = new FakeTwilio();
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("marytts", List.of(), TimbreConfig.Engines.AUTO_SPEECH_TO_TEXT))
                .withTelephony(new TimbreConfig.Telephony(fake.url(), null)));
        voiceId = server.firstVoiceId();
        var a = server.postJson("/v1/convai/agents/create", ("{'name':'Phone','conversation_config':{'agent':{'first_message':"
                + "'Hello, thank you for calling the weather line.','prompt':{'prompt':'When the user says weather, reply It is sunny and warm today.'}},"
                + "'tts':{'voice_id':'" + voiceId + "'}}}").replace('\'', '"'));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        agentId = a.json().get("agent_id").asText();
        var n = server.postJson("/v1/convai/phone-numbers", "{\"provider\":\"twilio\",\"phone_number\":\"" + number
                + "\",\"label\":\"e2e\",\"sid\":\"ACe2e\",\"token\":\"" + TOKEN + "\"}");
        assertThat(n.status()).as(n.toString()).isEqualTo(200);
        numberId = n.json().get("phone_number_id").asText();
        assertThat(server.patchJson("/v1/convai/phone-numbers/" + numberId, "{\"agent_id\":\"" + agentId + "\"}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (fake != null) fake.close();
    }

    static byte[] ulawSpeech(String text, int silenceMs) {
        var r = server.post("/v1/text-to-speech/" + voiceId + "?output_format=ulaw_8000", "application/json", ("{\"text\":\"" + text + "\"}").getBytes());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        byte[] out = java.util.Arrays.copyOf(r.body(), r.body().length + silenceMs * 8);
        java.util.Arrays.fill(out, r.body().length, out.length, (byte) 0xFF);
        return out;
    }

    /** What the server's recogniser makes of {@code ulaw} (8 kHz, sent as a WAV file). */
    static List<String> transcribe(byte[] ulaw) {
        byte[] pcm = G711.ulawDecode(ulaw);
        ByteBuffer wav = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + pcm.length).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(pcm.length).put(pcm);
        var r = server.postMultipart("/v1/speech-to-text", new Multipart().field("model_id", "scribe_v1").file("file", "call.wav", "audio/wav", wav.array()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return List.of(r.json().path("text").asText().toLowerCase(Locale.ROOT).split("\\W+"));
    }

    static double rms(byte[] ulaw) {
        double sum = 0;
        for (byte b : ulaw) sum += Math.pow(G711.ulawDecode(b), 2);
        return Math.sqrt(sum / Math.max(1, ulaw.length));
    }

    /** Waits until the client has heard more than {@code from} bytes and then nothing new for {@code quietMs}; what came after {@code from}. */
    static byte[] heardUntilQuiet(MediaStreamsClient c, int from, int quietMs, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs, lastChange = System.currentTimeMillis();
        int size = c.heard().length;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            int now = c.heard().length;
            if (now != size) { size = now; lastChange = System.currentTimeMillis(); }
            if (size > from + 8000 && System.currentTimeMillis() - lastChange > quietMs) break;
        }
        byte[] all = c.heard();
        return java.util.Arrays.copyOfRange(all, Math.min(from, all.length), all.length);
    }

    static String form(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    static MediaStreamsClient call(String callSid) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", "ACe2e");
        p.put("CallSid", callSid);
        p.put("From", "+15557770001");
        p.put("To", number);
        Map<String, List<String>> multi = new LinkedHashMap<>();
        p.forEach((k, v) -> multi.put(k, List.of(v)));
        String url = server.url("/twilio/inbound_call");
        var r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.compute(TOKEN, url, multi)).POST(HttpRequest.BodyPublishers.ofString(form(p))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher stream = Pattern.compile("<Stream url=\"([^\"]+)\"><Parameter name=\"timbre_token\" value=\"([^\"]+)\"/>").matcher(r.body());
        assertThat(stream.find()).as(r.body()).isTrue();
        return MediaStreamsClient.connect(stream.group(1)).start("ACe2e", callSid, Map.of("timbre_token", FakeTwilio.unescape(stream.group(2))));
    }

    static JsonNode awaitConversationDone(String conversationId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var r = server.get("/v1/convai/conversations/" + conversationId);
            if (r.status() == 200 && !List.of("in-progress", "initiated").contains(r.json().path("status").asText())) return r.json();
            Thread.sleep(100);
        }
        throw new AssertionError("conversation " + conversationId + " stayed in progress");
    }

    static String latestConversation(String agent) {
        var r = server.get("/v1/convai/conversations?agent_id=" + agent + "&page_size=1");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("conversations").get(0).path("conversation_id").asText();
    }

    @Test
    void a_caller_hears_the_agent_and_is_answered() throws Exception {
        try (MediaStreamsClient caller = call("CAe2e000000000000000000000000001")) {
            byte[] greeting = heardUntilQuiet(caller, 0, 1200, 30_000);
            assertThat(greeting.length).as("the greeting's audio").isGreaterThan(8000);
            assertThat(rms(greeting)).isGreaterThan(300);
            List<String> words = transcribe(greeting);
            assertThat(List.of("hello", "thank", "you", "for", "calling", "the", "weather", "line")).as("heard %s", words)
                    .filteredOn(words::contains).hasSizeGreaterThanOrEqualTo(2);

            int before = caller.heard().length;
            caller.speak(ulawSpeech("What is the weather like today?", 1500));
            byte[] answer = heardUntilQuiet(caller, before, 1200, 30_000);
            List<String> answered = transcribe(answer);
            assertThat(List.of("it", "is", "sunny", "and", "warm", "today")).as("heard %s", answered)
                    .filteredOn(answered::contains).hasSizeGreaterThanOrEqualTo(2);

            String id = latestConversation(agentId);
            caller.stop();
            assertThat(caller.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            JsonNode record = awaitConversationDone(id);
            assertThat(record.toString()).contains("weather");
            JsonNode call = record.path("metadata").path("phone_call");
            assertThat(call.path("type").asText()).isEqualTo("twilio");
            assertThat(call.path("direction").asText()).isEqualTo("inbound");
            assertThat(call.path("phone_number_id").asText()).isEqualTo(numberId);
            assertThat(call.path("agent_number").asText()).isEqualTo(number);
            assertThat(call.path("external_number").asText()).isEqualTo("+15557770001");
            assertThat(call.path("call_sid").asText()).isEqualTo("CAe2e000000000000000000000000001");
            assertThat(call.path("stream_sid").asText()).isEqualTo(caller.streamSid);
        }
    }

    @Test
    void talking_over_the_agent_clears_what_twilio_has_queued() throws Exception {
        var a = server.postJson("/v1/convai/agents/create", ("{'name':'Talker','conversation_config':{'agent':{'first_message':"
                + "'Welcome! Let me tell you a long story about the sea, the wind and the old lighthouse keeper who lived on the cliff for many years.'},"
                + "'tts':{'voice_id':'" + voiceId + "'}}}").replace('\'', '"'));
        String talker = a.json().get("agent_id").asText();
        assertThat(server.patchJson("/v1/convai/phone-numbers/" + numberId, "{\"agent_id\":\"" + talker + "\"}").status()).isEqualTo(200);
        try (MediaStreamsClient caller = call("CAe2e000000000000000000000000002")) {
            assertThat(caller.next("media", 30_000)).as("the story starts").isNotNull();
            Thread.sleep(1000);
            CompletableFuture<MediaStreamsClient.Received> clear = CompletableFuture.supplyAsync(() -> {
                try { return caller.next("clear", 20_000); } catch (InterruptedException e) { throw new IllegalStateException(e); }
            });
            caller.speak(ulawSpeech("Stop, please stop talking now.", 1000));
            assertThat(clear.get(25, TimeUnit.SECONDS)).as("Twilio was told to clear the agent's audio").isNotNull();
            String id = latestConversation(talker);
            caller.close(); // the socket drops without a stop: the call is over all the same
            awaitConversationDone(id); // not in-progress: done, or its post-call processing
        } finally {
            server.patchJson("/v1/convai/phone-numbers/" + numberId, "{\"agent_id\":\"" + agentId + "\"}");
        }
    }

    @Test
    void an_outbound_call_is_placed_and_the_callee_hears_the_greeting() throws Exception {
        fake.answered = new CompletableFuture<>();
        var r = server.postJson("/v1/convai/twilio/outbound-call", "{\"agent_id\":\"" + agentId + "\",\"agent_phone_number_id\":\"" + numberId
                + "\",\"to_number\":\"+15557654321\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        dev.timbre.testing.OpenApiContract.assertConforms("POST", "/v1/convai/twilio/outbound-call", r);
        assertThat(r.json().path("success").asBoolean()).isTrue();
        String id = r.json().path("conversation_id").asText();
        try (MediaStreamsClient callee = fake.answered.get(10, TimeUnit.SECONDS)) {
            byte[] greeting = heardUntilQuiet(callee, 0, 1200, 30_000);
            assertThat(rms(greeting)).isGreaterThan(300);
            callee.stop();
        }
        JsonNode record = awaitConversationDone(id);
        assertThat(record.path("conversation_id").asText()).isEqualTo(id);
        assertThat(record.at("/metadata/phone_call/direction").asText()).isEqualTo("outbound");
        assertThat(record.at("/metadata/phone_call/external_number").asText()).isEqualTo("+15557654321");
        assertThat(record.at("/metadata/phone_call/call_sid").asText()).isEqualTo(r.json().path("callSid").asText());
    }
}
