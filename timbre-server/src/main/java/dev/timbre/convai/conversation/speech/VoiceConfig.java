package dev.timbre.convai.conversation.speech;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.voice.AudioEncoding;
import dev.timbre.agent.voice.VoiceSettings;
import dev.timbre.texttospeech.TextToSpeechRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The voice side of an agent's {@code conversation_config} after the client's {@code conversation_config_override}
 * (already checked when the conversation was initiated): the {@link VoiceSettings} for the pipeline and the agent's TTS choice.
 * {@code asr.provider}/{@code asr.quality} choose nothing here: every voice conversation uses the server's one
 * speech-to-text engine; {@code asr.keywords} travel in the settings (the engine SPI has no hint list).
 *
 * @param voiceId {@code tts.voice_id}
 * @param modelId {@code tts.model_id} (null: the server's default)
 * @param stability {@code tts.stability}, null when not set
 * @param similarityBoost {@code tts.similarity_boost}, null when not set
 * @param speed {@code tts.speed} (1 when not set)
 * @param supportedVoices {@code tts.supported_voices}: labelled voices for multi-voice markup (at most 9: ten with the
 *                        agent's own); entries without a label or voice id are left out
 * @param pronunciationDictionaryLocators {@code tts.pronunciation_dictionary_locators}: the dictionaries every reply is
 *                        spoken with (entries without a dictionary id are left out; at most 3, as ElevenLabs allows)
 */
public record VoiceConfig(VoiceSettings settings, String voiceId, String modelId, Double stability, Double similarityBoost, double speed,
                   List<LabelledVoice> supportedVoices, List<TextToSpeechRequest.PronunciationDictionaryLocator> pronunciationDictionaryLocators) {
    public VoiceConfig(VoiceSettings settings, String voiceId, String modelId, Double stability, Double similarityBoost, double speed,
                       List<LabelledVoice> supportedVoices) {
        this(settings, voiceId, modelId, stability, similarityBoost, speed, supportedVoices, List.of());
    }

    /** One {@code supported_voices} entry ({@code model_family} and {@code language} are not used: the agent's model speaks). */
    public record LabelledVoice(String label, String voiceId, String description, Double stability, Double similarityBoost, Double speed) {}

    static final int MAX_SUPPORTED_VOICES = 9;

    /** Turn timeouts ElevenLabs allows, in seconds. */
    static final double MIN_TURN_TIMEOUT = 1, MAX_TURN_TIMEOUT = 30;

    /**
     * Reads {@code cc} (the agent's conversation_config with defaults) under {@code override}; {@code language} is the
     * conversation's language (the override's or the agent's). Throws {@link IllegalArgumentException} naming the
     * field when an audio format is not one of ours.
     */
    public static VoiceConfig read(JsonNode cc, JsonNode override, String language) {
        JsonNode asr = cc.path("asr"), turn = cc.path("turn"), agent = cc.path("agent");
        JsonNode tts = cc.path("tts"), ttsOverride = override.path("tts");
        AudioEncoding input = format(asr.path("user_input_audio_format"), "asr.user_input_audio_format");
        AudioEncoding output = format(tts.path("agent_output_audio_format"), "tts.agent_output_audio_format");
        JsonNode soft = turn.path("soft_timeout_config");
        List<String> softMessages = new ArrayList<>();
        if (soft.path("message").isTextual() && !soft.path("message").asText().isBlank()) softMessages.add(soft.path("message").asText());
        soft.path("additional_soft_timeout_messages").forEach(m -> { if (m.isTextual() && !m.asText().isBlank()) softMessages.add(m.asText()); });
        VoiceSettings settings = new VoiceSettings(input, output, language, strings(asr.path("keywords")),
                turnTimeout(turn.path("turn_timeout")), eagerness(turn.path("turn_eagerness")),
                turn.path("speculative_turn").asBoolean(false), seconds(soft.path("timeout_seconds")), softMessages,
                interruptions(cc.path("conversation").path("client_events")),
                !agent.path("disable_first_message_interruptions").asBoolean(false));
        // a conversation that starts in a language with a preset speaks with the preset's voice (unless overridden)
        JsonNode presetTts = cc.path("language_presets").path(language).path("overrides").path("tts");
        String voiceId = text(ttsOverride.path("voice_id"), text(presetTts.path("voice_id"), text(tts.path("voice_id"), null)));
        Double speed = number(ttsOverride.path("speed"), number(tts.path("speed"), null));
        return new VoiceConfig(settings, voiceId, text(tts.path("model_id"), null),
                number(ttsOverride.path("stability"), number(tts.path("stability"), null)),
                number(ttsOverride.path("similarity_boost"), number(tts.path("similarity_boost"), null)),
                speed == null || speed <= 0 ? 1.0 : speed, supportedVoices(tts.path("supported_voices")),
                locators(tts.path("pronunciation_dictionary_locators")));
    }

    private static List<TextToSpeechRequest.PronunciationDictionaryLocator> locators(JsonNode list) {
        List<TextToSpeechRequest.PronunciationDictionaryLocator> out = new ArrayList<>();
        for (JsonNode l : list) {
            String id = text(l.path("pronunciation_dictionary_id"), null);
            if (id != null && out.size() < 3) out.add(new TextToSpeechRequest.PronunciationDictionaryLocator(id, text(l.path("version_id"), null)));
        }
        return List.copyOf(out);
    }

    public static List<LabelledVoice> supportedVoices(JsonNode list) {
        List<LabelledVoice> out = new ArrayList<>();
        for (JsonNode v : list) {
            String label = text(v.path("label"), null), id = text(v.path("voice_id"), null);
            if (label == null || id == null || out.size() == MAX_SUPPORTED_VOICES) continue;
            out.add(new LabelledVoice(label.trim(), id, text(v.path("description"), ""), number(v.path("stability"), null),
                    number(v.path("similarity_boost"), null), number(v.path("speed"), null)));
        }
        return List.copyOf(out);
    }

    private static AudioEncoding format(JsonNode n, String field) {
        if (!n.isTextual()) return AudioEncoding.PCM_16000;
        try {
            return AudioEncoding.parse(n.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    /** {@code -1} (or any value ≤ 0) disables; missing → 7 s; others clamp to 1–30 s. */
    static Duration turnTimeout(JsonNode n) {
        if (!n.isNumber()) return Duration.ofSeconds(7);
        double s = n.asDouble();
        if (s <= 0) return null;
        return Duration.ofMillis(Math.round(1000 * Math.max(MIN_TURN_TIMEOUT, Math.min(MAX_TURN_TIMEOUT, s))));
    }

    private static VoiceSettings.Eagerness eagerness(JsonNode n) {
        try {
            return VoiceSettings.Eagerness.parse(n.asText(null));
        } catch (IllegalArgumentException unknown) {
            return VoiceSettings.Eagerness.NORMAL;
        }
    }

    /** {@code interruption} among {@code conversation.client_events}; no list (or an empty one: all events) → true. */
    static boolean interruptions(JsonNode clientEvents) {
        if (!clientEvents.isArray() || clientEvents.isEmpty()) return true;
        for (JsonNode e : clientEvents) if (e.asText().equals("interruption")) return true;
        return false;
    }

    private static Duration seconds(JsonNode n) {
        return n.isNumber() && n.asDouble() > 0 ? Duration.ofMillis(Math.round(n.asDouble() * 1000)) : null;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(v -> { if (v.isTextual() && !v.asText().isBlank()) out.add(v.asText().trim()); });
        return out;
    }

    private static String text(JsonNode n, String otherwise) {
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : otherwise;
    }

    private static Double number(JsonNode n, Double otherwise) {
        return n.isNumber() ? Double.valueOf(n.asDouble()) : otherwise;
    }
}
