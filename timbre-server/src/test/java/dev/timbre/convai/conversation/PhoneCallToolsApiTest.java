package dev.timbre.convai.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.conversation.admission.ConversationAdmission;
import dev.timbre.convai.conversation.phone.PhoneConversations;
import dev.timbre.convai.conversation.transport.ConversationRuntime;
import dev.timbre.convai.conversations.PhoneCallRecord;
import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.rules.RuleLanguageModel;
import dev.timbre.telephony.CallInfo;
import dev.timbre.telephony.MemoryPhoneLine;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The call-only system tools on a phone line, on the real voice engines: whatever the caller says, the agent's model
 * calls the tool its prompt names ({@code call <tool> with <json>}), and the line sees the transfer, the keypad tones or
 * the hang-up after the voicemail message; the record carries the call's metadata.
 */
@Tag("integration")
class PhoneCallToolsApiTest {
    static ConversationHarness h;
    static PhoneConversations phones;
    static String voiceId;

    /** Calls the tool of its prompt's {@code call <tool> with <json>} on every user turn; says nothing otherwise. */
    static final class CallsTheTool implements LanguageModel {
        final AtomicInteger calls = new AtomicInteger();

        @Override public EngineInfo info() { return new EngineInfo("calls-the-tool", "test", new EngineCapabilities(Set.of("en"), true, false, false)); }

        @Override public ChatStream open(ChatRequest request, ChatListener listener) {
            List<ChatMessage> m = request.messages();
            if (m.get(m.size() - 1).role() == ChatMessage.Role.USER) {
                String[] parts = request.systemPrompt().strip().split("\\s+", 4); // call <tool> with <json>
                listener.toolCall(new ToolCall("call_" + calls.incrementAndGet(), parts[1], parts[3]));
                listener.end(FinishReason.TOOL_CALLS, null);
            } else {
                listener.end(FinishReason.STOP, null);
            }
            return () -> {};
        }
    }

    @BeforeAll
    static void start() {
        h = new ConversationHarness(c -> c.withEngines(new TimbreConfig.Engines("marytts", List.of(), TimbreConfig.Engines.AUTO_SPEECH_TO_TEXT)),
                ConversationRuntime.DEFAULT_MAX_QUEUED_BYTES);
        voiceId = h.server.firstVoiceId();
        phones = new PhoneConversations(h.runtime, new ConversationAdmission(100, 0, Clock.systemUTC()));
        RuleLanguageModel rules = new RuleLanguageModel();
        CallsTheTool tool = new CallsTheTool();
        h.models = p -> p.path("prompt").asText("").startsWith("call ") ? tool : rules;
    }

    @AfterAll
    static void stop() { h.close(); }

    static String agent(String prompt, String tool) {
        return h.agent("{'name':'Caller tools','conversation_config':{'agent':{'first_message':'','prompt':{'prompt':'" + prompt.replace("\"", "\\'")
                + "','tools':[" + tool + "]}},'tts':{'voice_id':'" + voiceId + "'}}}");
    }

    static MemoryPhoneLine line(String provider, String direction) {
        return new MemoryPhoneLine(new CallInfo(provider, direction, "CA123", "twilio".equals(provider) ? "MZ456" : null,
                "+15550001111", "+15550002222", Map.of()));
    }

    /** The caller says {@code text} (Timbre's own speech as μ-law 8 kHz), then 1.5 s of silence. */
    static void caller(MemoryPhoneLine line, String text) throws InterruptedException {
        var r = h.server.post("/v1/text-to-speech/" + voiceId + "?output_format=ulaw_8000", "application/json",
                ("{\"text\":\"" + text + "\"}").getBytes());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        byte[] speech = java.util.Arrays.copyOf(r.body(), r.body().length + 1500 * 8);
        java.util.Arrays.fill(speech, r.body().length, speech.length, (byte) 0xFF); // μ-law silence
        line.say(speech);
    }

    @Test
    void transferToNumberSaysTheMessageThenTransfersTheLineAndRecordsTheCall() throws Exception {
        String agent = agent("call transfer_to_number with {\"transfer_number\":\"+15559990000\",\"client_message\":\"Connecting you to a person now.\",\"agent_message\":\"Wants a human.\"}",
                "{'type':'system','name':'transfer_to_number','params':{'system_tool_type':'transfer_to_number','transfers':["
                        + "{'transfer_destination':{'type':'phone','phone_number':'+15559990000'},'condition':'a human','transfer_type':'conference'}]}}");
        MemoryPhoneLine line = line("twilio", "inbound");
        String id = phones.start(line, agent, "phnum_t", null, null);
        caller(line, "Hello, I would like to speak to someone please.");
        assertThat(line.awaitHangUp(30)).as("the line was transferred").isTrue();
        var end = h.log.awaitEnd(id);
        assertThat(end.terminationReason()).isEqualTo("Call transferred to +15559990000.");
        assertThat(line.actions).as("Twilio says the agent message itself").startsWith("conference +15559990000: Wants a human.");
        assertThat(PhoneConversationApiTest.rms(line.played())).as("the client message was played first").isGreaterThan(300);
        var start = h.log.starts.get(id);
        assertThat(start.phoneCall()).isEqualTo(new PhoneCallRecord("inbound", "phnum_t", "+15550002222", "+15550001111", "twilio", "CA123", "MZ456"));
        assertThat(start.initiationClientData().path("dynamic_variables").path("system__call_sid").asText()).isEqualTo("CA123");
    }

    @Test
    void aConferenceTransferOnSipGivesTheOperatorTheAgentMessageInTheAgentsVoice() throws Exception {
        String agent = agent("call transfer_to_number with {\"transfer_number\":\"sip:ops@example.com\",\"client_message\":\"One moment.\",\"agent_message\":\"The caller wants a human about an invoice.\"}",
                "{'type':'system','name':'transfer_to_number','params':{'system_tool_type':'transfer_to_number','transfers':["
                        + "{'transfer_destination':{'type':'sip_uri','sip_uri':'sip:ops@example.com'},'condition':'a human'}]}}");
        MemoryPhoneLine line = line("sip_trunk", "inbound");
        String id = phones.start(line, agent, "phnum_s", null, null);
        caller(line, "Hello, I would like to speak to someone please.");
        assertThat(line.awaitHangUp(30)).as("the line was transferred").isTrue();
        assertThat(h.log.awaitEnd(id).terminationReason()).isEqualTo("Call transferred to sip:ops@example.com.");
        assertThat(line.actions.get(0)).startsWith("conference sip:ops@example.com: The caller wants a human about an invoice. (");
        byte[] operator = line.operatorAudio;
        assertThat(operator.length / 8).as("ms of the agent message, μ-law 8 kHz").isBetween(1000, 8000);
        assertThat(PhoneConversationApiTest.rms(operator)).as("spoken, not silence").isGreaterThan(300);
    }

    @Test
    void keypadTonesGoToTheLineAndTheCallGoesOn() throws Exception {
        String agent = agent("call play_keypad_touch_tone with {\"dtmf_tones\":\"1W#\"}",
                "{'type':'system','name':'play_keypad_touch_tone','params':{'system_tool_type':'play_keypad_touch_tone'}}");
        MemoryPhoneLine line = line("sip_trunk", "outbound");
        String id = phones.start(line, agent, "phnum_s", null, null);
        caller(line, "Welcome to Acme. For sales, press one.");
        PhoneConversationApiTest.waitFor(() -> line.actions.contains("digits 1ww#"), "the tones");
        assertThat(h.log.ends).doesNotContainKey(id);
        var start = h.log.starts.get(id);
        assertThat(start.phoneCall().type()).isEqualTo("sip_trunking");
        assertThat(start.phoneCall().direction()).isEqualTo("outbound");
        assertThat(start.phoneCall().agentNumber()).isEqualTo("+15550001111");
        assertThat(start.initiationClientData().path("dynamic_variables").has("system__call_sid")).isFalse();
        line.callerHangsUp();
        h.log.awaitEnd(id);
    }

    @Test
    void voicemailLeavesTheMessageThenHangsUp() throws Exception {
        String agent = agent("call voicemail_detection with {\"reason\":\"a voicemail greeting\"}",
                "{'type':'system','name':'voicemail_detection','params':{'system_tool_type':'voicemail_detection','voicemail_message':'Hello, this is Acme. Please call us back.'}}");
        MemoryPhoneLine line = line("twilio", "outbound");
        String id = phones.start(line, agent, "phnum_t", null, null);
        caller(line, "You have reached the voicemail of John. Please leave a message.");
        assertThat(line.awaitHangUp(30)).as("the agent hung up").isTrue();
        assertThat(line.actions).containsExactly("hangUp");
        assertThat(PhoneConversationApiTest.rms(line.played())).as("the message was played").isGreaterThan(300);
        var end = h.log.awaitEnd(id);
        assertThat(end.terminationReason()).isEqualTo("voicemail_detection tool was called: voicemail detected.");
    }
}
