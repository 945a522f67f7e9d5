package dev.timbre.convai.conversation.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.voice.AudioEncoding;
import dev.timbre.agent.voice.VoiceSettings;
import dev.timbre.http.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VoiceConfigTest {
    static JsonNode json(String singleQuoted) {
        try {
            return Json.MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void defaultsAreANewAgentsOnes() {
        VoiceConfig c = VoiceConfig.read(json("{}"), json("{}"), "en");
        VoiceSettings s = c.settings();
        assertThat(s.input()).isEqualTo(AudioEncoding.PCM_16000);
        assertThat(s.output()).isEqualTo(AudioEncoding.PCM_16000);
        assertThat(s.turnTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.eagerness()).isEqualTo(VoiceSettings.Eagerness.NORMAL);
        assertThat(s.interruptions()).isTrue();
        assertThat(s.firstMessageInterruptible()).isTrue();
        assertThat(s.softTimeout()).isNull();
        assertThat(c.speed()).isEqualTo(1.0);
        assertThat(c.voiceId()).isNull();
    }

    @Test
    void readsTheAgentsAsrTtsTurnAndClientEvents() {
        VoiceConfig c = VoiceConfig.read(json("{'asr':{'user_input_audio_format':'ulaw_8000','keywords':['Timbre',' ','Ada']},"
                + "'tts':{'agent_output_audio_format':'pcm_44100','voice_id':'v1','model_id':'eleven_flash_v2','speed':1.1,'stability':0.3,'similarity_boost':0.6},"
                + "'turn':{'turn_timeout':45,'turn_eagerness':'eager','speculative_turn':true,"
                + "'soft_timeout_config':{'timeout_seconds':2.5,'message':'Hmm...','additional_soft_timeout_messages':['One moment.']}},"
                + "'conversation':{'client_events':['audio','agent_response']},'agent':{'disable_first_message_interruptions':true}}"),
                json("{'tts':{'voice_id':'v2','speed':0.9}}"), "de");
        VoiceSettings s = c.settings();
        assertThat(s.input().wireName()).isEqualTo("ulaw_8000");
        assertThat(s.output().wireName()).isEqualTo("pcm_44100");
        assertThat(s.languageCode()).isEqualTo("de");
        assertThat(s.keywords()).containsExactly("Timbre", "Ada");
        assertThat(s.turnTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.eagerness()).isEqualTo(VoiceSettings.Eagerness.EAGER);
        assertThat(s.speculativeTurn()).isTrue();
        assertThat(s.softTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.softTimeoutMessages()).containsExactly("Hmm...", "One moment.");
        assertThat(s.interruptions()).isFalse();
        assertThat(s.firstMessageInterruptible()).isFalse();
        assertThat(c.voiceId()).isEqualTo("v2");
        assertThat(c.speed()).isEqualTo(0.9);
        assertThat(c.modelId()).isEqualTo("eleven_flash_v2");
        assertThat(c.stability()).isEqualTo(0.3);
        assertThat(c.similarityBoost()).isEqualTo(0.6);
    }

    @Test
    void turnTimeoutMinusOneDisablesAndSmallValuesClamp() {
        assertThat(VoiceConfig.turnTimeout(json("-1"))).isNull();
        assertThat(VoiceConfig.turnTimeout(json("0.2"))).isEqualTo(Duration.ofSeconds(1));
        assertThat(VoiceConfig.turnTimeout(json("12.5"))).isEqualTo(Duration.ofMillis(12_500));
    }

    @Test
    void interruptionsFollowTheClientEventsList() {
        assertThat(VoiceConfig.interruptions(json("['audio','interruption']"))).isTrue();
        assertThat(VoiceConfig.interruptions(json("['audio']"))).isFalse();
        assertThat(VoiceConfig.interruptions(json("[]"))).isTrue();
        assertThat(VoiceConfig.interruptions(json("null"))).isTrue();
    }

    @Test
    void unknownAudioFormatsNameTheField() {
        assertThatThrownBy(() -> VoiceConfig.read(json("{'tts':{'agent_output_audio_format':'mp3_44100_128'}}"), json("{}"), "en"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tts.agent_output_audio_format");
    }

    @Test
    void readsTheAgentsPronunciationDictionariesAndKeepsThemOnEveryReply() {
        VoiceConfig c = VoiceConfig.read(json("{'tts':{'pronunciation_dictionary_locators':[{'pronunciation_dictionary_id':'d1','version_id':'v1'},"
                + "{'version_id':'no id'},{'pronunciation_dictionary_id':'d2'},{'pronunciation_dictionary_id':'d3'},{'pronunciation_dictionary_id':'d4'}]}}"),
                json("{}"), "en");
        assertThat(c.pronunciationDictionaryLocators()).containsExactly(
                new dev.timbre.texttospeech.TextToSpeechRequest.PronunciationDictionaryLocator("d1", "v1"),
                new dev.timbre.texttospeech.TextToSpeechRequest.PronunciationDictionaryLocator("d2", null),
                new dev.timbre.texttospeech.TextToSpeechRequest.PronunciationDictionaryLocator("d3", null));
        assertThat(VoiceConfig.read(json("{}"), json("{}"), "en").pronunciationDictionaryLocators()).isEmpty();
        var template = new dev.timbre.texttospeech.TextToSpeechRequest(null, null, null, null, c.pronunciationDictionaryLocators(),
                null, null, null, null, null, null, null, null);
        assertThat(ConversationVoices.withText(template, "A reply.").pronunciationDictionaryLocators())
                .isEqualTo(c.pronunciationDictionaryLocators());
    }
}
