package dev.timbre.convai.siptrunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.SipSettings;
import dev.timbre.config.TimbreConfig;
import dev.timbre.telephony.sip.Baresip;
import dev.timbre.telephony.sip.Sipp;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SIP trunk calls through the whole server, on the real engines (MaryTTS, the embedded recogniser, the rule model):
 * baresip calls an imported number and talks to its agent; {@code POST /v1/convai/sip-trunk/outbound-call} calls out
 * through a trunk that SIPp plays; bad input.
 */
@Tag("integration")
class SipTrunkApiTest {
    static final String OUTBOUND = "/v1/convai/sip-trunk/outbound-call";
    static TestServer server;
    static int sipPort;
    static String voiceId;

    @BeforeAll
    static void start() throws Exception {
        Sipp.assumeInstalled();
        sipPort = Sipp.freePort();
        int rtp = 30000 + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(8000);
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("marytts", List.of(), TimbreConfig.Engines.AUTO_SPEECH_TO_TEXT)),
                new SipSettings(true, "127.0.0.1", null, sipPort, rtp, rtp + 100, 30));
        voiceId = server.firstVoiceId();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static String q(String s) {
        return s.replace('\'', '"');
    }

    static String agent(String prompt, String firstMessage) {
        TestServer.Response r = server.postJson("/v1/convai/agents/create", q("{'name':'Shop','conversation_config':{'agent':{'first_message':'"
                + firstMessage + "','prompt':{'prompt':'" + prompt + "'}},'tts':{'voice_id':'" + voiceId + "'}}}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("agent_id").asText();
    }

    static String number(String body) {
        TestServer.Response r = server.postJson("/v1/convai/phone-numbers", q(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("phone_number_id").asText();
    }

    static void assign(String numberId, String agentId) {
        TestServer.Response r = server.send(server.builder("/v1/convai/phone-numbers/" + numberId).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(q("{'agent_id':'" + agentId + "'}"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void outboundCallChecksItsInput() {
        TestServer.Response missing = server.postJson(OUTBOUND, "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.text()).contains("agent_id", "agent_phone_number_id", "to_number");
        TestServer.Response notObject = server.postJson(OUTBOUND, "[1]");
        assertThat(notObject.status()).isEqualTo(422);
        TestServer.Response badTo = server.postJson(OUTBOUND, q("{'agent_id':'a','agent_phone_number_id':'p','to_number':'a b'}"));
        assertThat(badTo.status()).isEqualTo(422);
        TestServer.Response unknown = server.postJson(OUTBOUND, q("{'agent_id':'a','agent_phone_number_id':'phnum_nope','to_number':'+15551234567'}"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).contains("phone_number_not_found");
        String twilio = number("{'provider':'twilio','phone_number':'+15550009001','label':'t','sid':'AC1','token':'t'}");
        TestServer.Response mismatch = server.postJson(OUTBOUND, q("{'agent_id':'a','agent_phone_number_id':'" + twilio + "','to_number':'+15551234567'}"));
        assertThat(mismatch.status()).isEqualTo(400);
        String sip = number("{'provider':'sip_trunk','phone_number':'+15550009002','label':'s','outbound_trunk_config':{'address':'127.0.0.1:9'}}");
        TestServer.Response noAgent = server.postJson(OUTBOUND, q("{'agent_id':'agent_nope','agent_phone_number_id':'" + sip + "','to_number':'+15551234567'}"));
        assertThat(noAgent.status()).isEqualTo(404);
        assertThat(noAgent.text()).contains("agent_not_found");
    }

    @Test
    void anInboundCallToANumberWithoutAnAgentIs404() throws Exception {
        number("{'provider':'sip_trunk','phone_number':'+15550009003','label':'idle'}");
        assertThat(Sipp.run("unknown-number.xml", sipPort, "+15550009003", 20).exit()).isZero();
        assertThat(Sipp.run("unknown-number.xml", sipPort, "+15550009999", 20).exit()).isZero();
    }

    @Test
    void anOutboundCallRunsTheAgentThroughTheTrunk() throws Exception {
        String agentId = agent("Be brief.", "Hello, this is the shop calling.");
        int trunkPort = Sipp.freePort();
        String from = number("{'provider':'sip_trunk','phone_number':'+15550009004','label':'out','supports_outbound':true,"
                + "'outbound_trunk_config':{'address':'127.0.0.1:" + trunkPort + "','transport':'udp'}}");
        Process trunk = Sipp.serve("trunk-answer-bye.xml", trunkPort, 40);
        TestServer.Response r = server.postJson(OUTBOUND, q("{'agent_id':'" + agentId + "','agent_phone_number_id':'" + from
                + "','to_number':'+15557654321'}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", OUTBOUND, r);
        assertThat(r.json().get("success").asBoolean()).as(r.toString()).isTrue();
        String conversationId = r.json().get("conversation_id").asText();
        assertThat(r.json().get("sip_call_id").asText()).isNotBlank();
        assertThat(trunk.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(trunk.exitValue()).as("the trunk's scenario ran to its BYE").isZero();
        JsonNode conversation = awaitDone(conversationId);
        assertThat(conversation.path("transcript").toString()).contains("shop calling");
    }

    @Test
    void baresipTalksToTheAgentOfAnImportedNumber() throws Exception {
        Baresip.assumeInstalled();
        String agentId = agent("When the user says shop or close, reply The shop closes at six tonight.", "");
        String numberId = number("{'provider':'sip_trunk','phone_number':'+15550009005','label':'in'}");
        assign(numberId, agentId);
        Path dir = Files.createTempDirectory("baresip");
        Path wav = Baresip.speech(dir, "What time does the shop close", 9);
        byte[] heard = Baresip.call(dir, "sip:+15550009005@127.0.0.1:" + sipPort, wav, 20);
        // the caller got the spoken answer: speech energy in what baresip received (the agent has no greeting)
        assertThat(Baresip.loudWindows(heard, 500)).as("20 ms windows of the agent's speech at the caller").isGreaterThan(25);
        TestServer.Response list = server.get("/v1/convai/conversations?agent_id=" + agentId);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        String conversationId = list.json().path("conversations").path(0).path("conversation_id").asText();
        JsonNode conversation = awaitDone(conversationId);
        String user = "";
        for (JsonNode t : conversation.path("transcript")) if ("user".equals(t.path("role").asText())) user += " " + t.path("message").asText();
        List<String> words = List.of(user.toLowerCase(Locale.ROOT).split("\\W+"));
        // telephone-band speech through the embedded recogniser: some of the words (e.g. "what part on the shah up and")
        assertThat(List.of("what", "time", "does", "the", "shop", "close")).as("the agent heard %s", words)
                .filteredOn(words::contains).isNotEmpty();
        String agentSaid = "";
        for (JsonNode t : conversation.path("transcript")) if ("agent".equals(t.path("role").asText())) agentSaid += t.path("message").asText();
        assertThat(agentSaid).as("the agent answered").isNotBlank();
    }

    /** The conversation's record once the call is over. */
    static JsonNode awaitDone(String conversationId) {
        JsonNode[] out = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            TestServer.Response c = server.get("/v1/convai/conversations/" + conversationId);
            if (c.status() != 200) return false;
            out[0] = c.json();
            return !List.of("initiated", "in-progress").contains(c.json().path("status").asText());
        });
        return out[0];
    }
}
