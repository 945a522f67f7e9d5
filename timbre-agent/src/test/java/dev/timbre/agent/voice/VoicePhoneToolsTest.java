package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.AgentProfile;
import dev.timbre.agent.session.PhoneControl;
import dev.timbre.agent.session.ScriptedLanguageModel;
import dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import dev.timbre.agent.session.SessionConfig;
import dev.timbre.agent.tools.AgentTool;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** On a voice call the line acts only once the caller has heard the agent's words before (20 ms of audio per character). */
class VoicePhoneToolsTest {
    static final class Line implements PhoneControl {
        final List<String> actions = new CopyOnWriteArrayList<>();

        @Override public String provider() { return "sip_trunk"; }
        @Override public String transfer(String destination, String transferType, String agentMessage) {
            actions.add("transfer " + destination);
            return null;
        }
        @Override public void sendDigits(String digits) { actions.add("digits " + digits); }
    }

    static VoiceFixture call(Line line, ScriptedLanguageModel model, AgentTool tool) {
        var agent = new AgentProfile("agent_v", "Voice agent", "", "", "en", List.of("en"), List.of(tool), null, null, model);
        var f = new VoiceFixture(VoiceFixture.settings(null, null, VoiceSettings.Eagerness.NORMAL, null, true, true),
                SessionConfig.of("conv_p", agent), model, "please");
        f.out.phone = line;
        return f.start();
    }

    @Test
    void theTransferWaitsForTheClientMessageToBePlayed() {
        var tool = AgentTool.system(new ToolSpec("transfer_to_number", "", null), "transfer_to_number", Map.of("transfers",
                List.of(Map.of("transfer_destination", Map.of("type", "phone", "phone_number", "+15551234567"), "condition", "any"))));
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("t1", "transfer_to_number",
                "{\"transfer_number\":\"+15551234567\",\"client_message\":\"Transferring you.\"}")));
        var line = new Line();
        var f = call(line, model, tool);
        f.speak(300);
        f.silence(300);
        assertThat(f.out.alignedText(f.out.responseId("Transferring you."))).isEqualTo("Transferring you."); // 340 ms
        assertThat(line.actions).isEmpty();
        f.wait(400);
        f.loop.drainUntil(() -> f.out.end != null);
        assertThat(line.actions).containsExactly("transfer +15551234567");
        assertThat(f.out.end.terminationReason()).isEqualTo("Call transferred to +15551234567.");
    }

    @Test
    void keypadTonesFollowTheWordsBeforeThem() {
        var tool = AgentTool.system(new ToolSpec("play_keypad_touch_tone", "", null), "play_keypad_touch_tone", null);
        var model = new ScriptedLanguageModel(Reply.textAndTools("Pressing two now.", new ToolCall("d1", "play_keypad_touch_tone",
                "{\"dtmf_tones\":\"2\"}")));
        var line = new Line();
        var f = call(line, model, tool);
        f.speak(300);
        f.silence(300);
        assertThat(f.out.responseId("Pressing two now.")).isPositive(); // 340 ms
        assertThat(line.actions).isEmpty();
        f.wait(400);
        assertThat(line.actions).containsExactly("digits 2");
        assertThat(f.out.end).isNull();
    }

    @Test
    void aCallerWhoCutsTheMessageOffIsTransferredAtOnce() {
        var tool = AgentTool.system(new ToolSpec("transfer_to_number", "", null), "transfer_to_number", Map.of("transfers",
                List.of(Map.of("transfer_destination", Map.of("type", "phone", "phone_number", "+15551234567"), "condition", "any"))));
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("t1", "transfer_to_number",
                "{\"transfer_number\":\"+15551234567\",\"client_message\":\"I am transferring you to the billing team now, please hold the line.\"}")));
        var line = new Line();
        var f = new VoiceFixture(VoiceFixture.settings(null, null, VoiceSettings.Eagerness.NORMAL, null, true, true),
                SessionConfig.of("conv_p", new AgentProfile("agent_v", "Voice agent", "", "", "en", List.of("en"), List.of(tool), null, null, model)),
                model, "please", "yes ok");
        f.out.phone = line;
        f.start();
        f.speak(300);
        f.silence(300); // the 1.4 s message starts
        assertThat(line.actions).isEmpty();
        f.speak(200); // the caller talks over it
        f.loop.drainUntil(() -> f.out.end != null);
        assertThat(line.actions).containsExactly("transfer +15551234567");
        assertThat(f.out.end.terminationReason()).isEqualTo("Call transferred to +15551234567.");
    }
}
