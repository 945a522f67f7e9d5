package dev.timbre.convai.conversation.speech;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import org.junit.jupiter.api.Test;

/** A conversation that starts in a language preset's language speaks with the preset's voice, unless overridden. */
class LanguagePresetVoiceTest {
    @Test
    void thePresetsVoiceForItsLanguage() throws Exception {
        JsonNode cc = Json.MAPPER.readTree("{\"tts\":{\"voice_id\":\"v_en\"},\"language_presets\":{\"fr\":{\"overrides\":{\"tts\":{\"voice_id\":\"v_fr\"}}}}}");
        JsonNode none = Json.MAPPER.createObjectNode();
        assertThat(VoiceConfig.read(cc, none, "en").voiceId()).isEqualTo("v_en");
        assertThat(VoiceConfig.read(cc, none, "fr").voiceId()).isEqualTo("v_fr");
        assertThat(VoiceConfig.read(cc, Json.MAPPER.readTree("{\"tts\":{\"voice_id\":\"v_client\"}}"), "fr").voiceId()).isEqualTo("v_client");
    }
}
