package dev.timbre.agent.session;

import static dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code language_detection} switching to a language with a preset: its prompt and voice take over. */
class LanguagePresetsTest {
    static final AgentTool DETECT = AgentTool.system(new ToolSpec("language_detection", "", null), "language_detection", null);

    static SessionFixture with(ScriptedLanguageModel model, Map<String, LanguagePreset> presets) {
        var agent = new AgentProfile("agent_1", "Polyglot", "You help {{name}}.", "", "en", List.of("en", "fr", "de"),
                List.of(DETECT), null, null, model, null, null, presets);
        return SessionFixture.started(SessionConfig.of("conv_1", agent).withDynamicVariables(Map.of("name", "Ada")));
    }

    @Test
    void aPresetReplacesThePromptAndTheVoice() {
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("l1", "language_detection", "{\"language\":\"fr\"}")),
                Reply.text("Bonjour"), Reply.tools(new ToolCall("l2", "language_detection", "{\"language\":\"en\"}")), Reply.text("Hello"));
        var f = with(model, Map.of("fr", new LanguagePreset("Bonjour !", "Vous aidez {{name}}.", "voice_fr")));
        f.say("parlez-vous français?");
        assertThat(model.requests.get(0).systemPrompt()).isEqualTo("You help Ada.");
        assertThat(model.requests.get(1).systemPrompt()).startsWith("Vous aidez Ada.").contains("'fr'");
        assertThat(f.out.voices).containsExactly("voice_fr");
        assertThat(f.out.responses()).containsExactly("Bonjour"); // the preset's first message greets, it is not said on a switch
        f.say("in English please");
        assertThat(model.requests.get(3).systemPrompt()).isEqualTo("You help Ada."); // back to the agent's own prompt and voice
        assertThat(f.out.voices).containsExactly("voice_fr", null);
    }

    @Test
    void aPresetWithoutPromptOrVoiceKeepsTheAgentsAndNoPresetChangesNothing() {
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("l1", "language_detection", "{\"language\":\"fr\"}")),
                Reply.text("Bonjour"), Reply.tools(new ToolCall("l2", "language_detection", "{\"language\":\"de\"}")), Reply.text("Hallo"));
        var f = with(model, Map.of("fr", new LanguagePreset("Bonjour !", null, null)));
        f.say("français?");
        f.say("deutsch?");
        assertThat(model.requests.get(1).systemPrompt()).startsWith("You help Ada.").contains("'fr'");
        assertThat(model.requests.get(3).systemPrompt()).startsWith("You help Ada.").contains("'de'");
        assertThat(f.out.voices).isEmpty();
    }
}
