package dev.timbre.convai.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.audio.G711;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.conversation.admission.ConversationAdmission;
import dev.timbre.convai.conversation.phone.PhoneConversations;
import dev.timbre.convai.conversation.transport.ConversationRuntime;
import dev.timbre.telephony.CallInfo;
import dev.timbre.telephony.MemoryPhoneLine;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Agents on phone lines, on the real engines: the line carries μ-law 8 kHz both ways (a {@link MemoryPhoneLine} stands
 * for the carrier), the agent greets, hears the caller, answers, and the call's end hangs up the line.
 */
@Tag("integration")
class PhoneConversationApiTest {
    static ConversationHarness h;
    static PhoneConversations phones;
    static String voiceId;

    @BeforeAll
    static void start() {
        h = new ConversationHarness(c -> c.withEngines(new TimbreConfig.Engines("marytts", List.of(), TimbreConfig.Engines.AUTO_SPEECH_TO_TEXT)),
                ConversationRuntime.DEFAULT_MAX_QUEUED_BYTES);
        voiceId = h.server.firstVoiceId();
        phones = new PhoneConversations(h.runtime, new ConversationAdmission(100, 0, Clock.systemUTC()));
    }

    @AfterAll
    static void stop() { h.close(); }

    static MemoryPhoneLine line() {
        return new MemoryPhoneLine(new CallInfo("twilio", "inbound", "CA123", "MZ456", "+15550001111", "+15550002222", Map.of()));
    }

    static byte[] ulawSpeech(String text, int silenceMs) {
        var r = h.server.post("/v1/text-to-speech/" + voiceId + "?output_format=ulaw_8000", "application/json",
                ("{\"text\":\"" + text + "\"}").getBytes());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        byte[] out = java.util.Arrays.copyOf(r.body(), r.body().length + silenceMs * 8);
        java.util.Arrays.fill(out, r.body().length, out.length, (byte) 0xFF); // μ-law silence
        return out;
    }

    static double rms(byte[] ulaw) {
        double sum = 0;
        for (byte b : ulaw) sum += Math.pow(G711.ulawDecode(b), 2);
        return Math.sqrt(sum / Math.max(1, ulaw.length));
    }

    static void waitFor(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void theAgentGreetsHearsTheCallerAndAnswersOnTheLine() throws Exception {
        String agent = h.agent("{'name':'Phone','conversation_config':{'agent':{'first_message':'Hello, you are calling from {{system__caller_id}}.',"
                + "'prompt':{'prompt':'When the user says weather, reply It is sunny and warm today.'}},'tts':{'voice_id':'" + voiceId + "'}}}");
        MemoryPhoneLine line = line();
        String id = phones.start(line, agent, "phnum_1", null, null);
        assertThat(id).startsWith("conv_");
        assertThat(line.opened()).isTrue();
        waitFor(() -> line.played().length > 8000, "the greeting");
        var start = h.log.starts.get(id);
        assertThat(start.source()).isEqualTo("twilio");
        assertThat(start.textOnly()).isFalse();
        assertThat(start.initiationClientData().path("dynamic_variables").path("system__caller_id").asText()).isEqualTo("+15550001111");
        assertThat(start.initiationClientData().path("dynamic_variables").path("system__called_number").asText()).isEqualTo("+15550002222");
        Thread.sleep(3000); // the greeting plays out
        int greeting = line.played().length;
        assertThat(rms(line.played())).isGreaterThan(300);
        line.say(ulawSpeech("What is the weather like today?", 1500));
        waitFor(() -> line.played().length > greeting + 8000, "the answer");
        waitFor(() -> h.log.transcripts.getOrDefault(id, List.of()).stream().filter(e -> "agent".equals(e.role())).count() >= 2,
                "the answer in the transcript");
        var user = h.log.transcripts.get(id).stream().filter(e -> "user".equals(e.role())).findFirst().orElseThrow();
        // telephone-band speech: some of the words, as the socket's ulaw_8000 test
        List<String> heard = List.of(user.message().toLowerCase(Locale.ROOT).split("\\W+"));
        assertThat(List.of("what", "is", "the", "weather", "like", "today")).as("heard %s", heard).filteredOn(heard::contains).hasSizeGreaterThanOrEqualTo(2);
        line.callerHangsUp();
        var end = h.log.awaitEnd(id);
        assertThat(end.errorCode()).isNull();
    }

    @Test
    void endCallHangsUpTheLineAfterTheFarewell() throws Exception {
        String agent = h.agent("{'name':'Bye','conversation_config':{'agent':{'first_message':'',"
                + "'prompt':{'prompt':'When the user says goodbye, call end_call.','tools':[{'type':'system','name':'end_call','params':{'system_tool_type':'end_call'}}]}},"
                + "'tts':{'voice_id':'" + voiceId + "'}}}");
        MemoryPhoneLine line = line();
        String id = phones.start(line, agent, "phnum_1", null, null);
        line.say(ulawSpeech("Goodbye.", 1500));
        assertThat(line.awaitHangUp(20)).as("the agent hung up").isTrue();
        assertThat(line.actions).contains("hangUp");
        h.log.awaitEnd(id);
    }

    @Test
    void anUnknownAgentIsRefusedAndTheLineStaysClosed() {
        MemoryPhoneLine line = line();
        assertThatThrownBy(() -> phones.start(line, "agent_missing", "phnum_1", null, null))
                .isInstanceOf(PhoneConversations.Refused.class).hasMessageContaining("does not exist");
        assertThat(line.opened()).isFalse();
    }

    @Test
    void aCallerThatHangsUpMidSentenceEndsTheConversation() throws Exception {
        String agent = h.agent("{'name':'Long','conversation_config':{'agent':{'first_message':'Welcome! Let me tell you a long story about "
                + "the sea, the wind and the old lighthouse keeper who lived on the cliff for many years.'},'tts':{'voice_id':'" + voiceId + "'}}}");
        MemoryPhoneLine line = line();
        String id = phones.start(line, agent, "phnum_1", null, null);
        waitFor(() -> line.played().length > 1600, "the greeting to start");
        line.callerHangsUp();
        var end = h.log.awaitEnd(id);
        assertThat(end.errorCode()).isNull();
    }
}
