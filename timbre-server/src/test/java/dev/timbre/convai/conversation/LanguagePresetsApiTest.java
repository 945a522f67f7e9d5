package dev.timbre.convai.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.ToolCall;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code conversation_config.language_presets}: a conversation that starts in a preset's language greets with its first
 * message; {@code language_detection} switching to it takes its prompt and (voice conversations) its voice. The fake
 * TTS makes the same text sound different per voice, so a voice switch shows in the audio bytes.
 */
@Tag("integration")
class LanguagePresetsApiTest {
    static ConversationHarness h;
    static String voiceA, voiceB;
    /** Answers a user message with a switch to French, a tool result with "Bonjour." */
    static final class Switcher implements LanguageModel {
        final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

        @Override public EngineInfo info() { return new EngineInfo("scripted", "test", new EngineCapabilities(Set.of("en"), true, false, false)); }

        @Override public ChatStream open(ChatRequest request, ChatListener listener) {
            requests.add(request);
            ChatMessage last = request.messages().get(request.messages().size() - 1);
            if (last.role() == ChatMessage.Role.USER) {
                listener.toolCall(new ToolCall("call_" + requests.size(), "language_detection", "{\"language\":\"fr\",\"reason\":\"asked\"}"));
                listener.end(FinishReason.TOOL_CALLS, null);
            } else {
                listener.text("Bonjour.");
                listener.end(FinishReason.STOP, null);
            }
            return () -> {};
        }
    }

    @BeforeAll
    static void start() {
        h = new ConversationHarness();
        JsonNode voices = h.server.get("/v1/voices").json().get("voices");
        voiceA = voices.get(0).get("voice_id").asText();
        voiceB = voices.get(1).get("voice_id").asText();
    }

    @AfterAll
    static void stop() { h.close(); }

    static String agent(String frVoice) {
        return h.agent("{'name':'Polyglot','conversation_config':{'agent':{'first_message':'Bonjour.','language':'en',"
                + "'prompt':{'prompt':'Speak English to {{name}}.','built_in_tools':{'language_detection':{'name':'language_detection',"
                + "'description':'','params':{'system_tool_type':'language_detection'}}}}},"
                + "'language_presets':{'fr':{'overrides':{'agent':{'first_message':'Salut {{name}}.','prompt':{'prompt':'Parlez français à {{name}}.'}}"
                + (frVoice == null ? "" : ",'tts':{'voice_id':'" + frVoice + "'}") + "}}},"
                + "'tts':{'voice_id':'" + voiceA + "'}},"
                + "'platform_settings':{'overrides':{'conversation_config_override':{'agent':{'language':true}}}}}");
    }

    @Test
    void aSwitchTakesThePresetsPromptAndAConversationStartingInItsLanguageItsGreeting() {
        Switcher model = new Switcher();
        h.models = p -> model;
        String id = agent(null);
        var s = h.start(id, "{'type':'conversation_initiation_client_data','conversation_config_override':{'conversation':{'text_only':true}},"
                + "'dynamic_variables':{'name':'Ada'}}");
        assertThat(s.client().until("agent_response").get(0).path("agent_response_event").path("agent_response").asText()).isEqualTo("Bonjour.");
        s.client().sendJson("{'type':'user_message','text':'en français ?'}");
        s.client().until(m -> m.path("agent_response_event").path("agent_response").asText().equals("Bonjour."));
        assertThat(model.requests.get(0).systemPrompt()).startsWith("Speak English to Ada.");
        assertThat(model.requests.get(1).systemPrompt()).startsWith("Parlez français à Ada.").contains("'fr'");
        s.client().close();

        var fr = h.start(id, "{'type':'conversation_initiation_client_data','conversation_config_override':{'conversation':{'text_only':true},"
                + "'agent':{'language':'fr'}},'dynamic_variables':{'name':'Ada'}}");
        assertThat(fr.client().message().path("agent_response_event").path("agent_response").asText()).isEqualTo("Salut Ada.");
        fr.client().close();
    }

    @Test
    void aVoiceConversationSpeaksWithThePresetsVoiceAfterTheSwitch() {
        h.models = p -> new Switcher();
        byte[][] withPreset = greetingAndReplyAudio(agent(voiceB));
        assertThat(withPreset[1]).isNotEqualTo(withPreset[0]); // the same words in voice B
        byte[][] without = greetingAndReplyAudio(agent(null));
        assertThat(without[1]).isEqualTo(without[0]); // control: no preset voice, the same words sound the same
    }

    /** The audio of the first message "Bonjour." and of the reply "Bonjour." after the switch to French. */
    static byte[][] greetingAndReplyAudio(String agentId) {
        var s = h.start(agentId, "{'type':'conversation_initiation_client_data','dynamic_variables':{'name':'Ada'}}");
        var c = s.client();
        List<JsonNode> first = c.until("agent_response");
        int greeting = first.get(first.size() - 1).path("agent_response_event").path("event_id").asInt();
        byte[] a = audio(first, c, greeting);
        c.sendJson("{'type':'user_message','text':'en français ?'}");
        List<JsonNode> got = c.until(m -> m.path("type").asText().equals("agent_response") && m.path("agent_response_event").path("event_id").asInt() != greeting);
        int reply = got.get(got.size() - 1).path("agent_response_event").path("event_id").asInt();
        byte[] b = audio(got, c, reply);
        c.close();
        return new byte[][] {a, b};
    }

    static byte[] audio(List<JsonNode> seen, ConversationClient c, int eventId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonNode m : VoiceConversationApiTest.audioOf(seen, c, eventId, 1)) {
            out.writeBytes(Base64.getDecoder().decode(m.path("audio_event").path("audio_base_64").asText()));
        }
        assertThat(out.size()).isPositive();
        return out.toByteArray();
    }
}
