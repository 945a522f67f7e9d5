package dev.timbre.convai.conversation;

import dev.timbre.agent.voice.VoiceEngines;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.VoiceActivityDetector;
import dev.timbre.http.ApiException;
import dev.timbre.speechtotext.SpeechToTextService;
import dev.timbre.texttospeech.TextToSpeechRequest;
import dev.timbre.texttospeech.TextToSpeechService;
import dev.timbre.voices.VoiceSettings;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines of voice conversations, shared by all of them: the server's speech-to-text engine (the one
 * {@code engines.speech_to_text} loads: pocketsphinx when installed, else sphinx4), the voice activity detector
 * (Silero, else energy) and text to speech on {@link SpeechThreads}. Thread-safe.
 */
public final class ConversationVoices {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationVoices.class);

    private final TextToSpeechService tts;
    private final Supplier<String> defaultVoiceId;
    private final Supplier<SpeechToText> speechToText;
    private final Supplier<VoiceActivityDetector> vad;
    private final SpeechThreads threads = SpeechThreads.forThisMachine();

    /**
     * A voice conversation cannot run here: no speech-to-text engine or the agent's voice cannot speak (close code
     * 1011), or the engine does not recognise the conversation's language (1008).
     */
    static final class Unavailable extends Exception {
        final int closeCode;

        Unavailable(int closeCode, String message) {
            super(message);
            this.closeCode = closeCode;
        }
    }

    /**
     * @param defaultVoiceId the voice for agents whose {@code tts.voice_id} this server does not have (e.g. ElevenLabs'
     *                       default voice): the first voice the server lists; null when it has none
     * @param speechToText the server's STT engine; throws {@link ApiException} when none is loaded
     * @param vad a new detector per call
     */
    public ConversationVoices(TextToSpeechService tts, Supplier<String> defaultVoiceId, Supplier<SpeechToText> speechToText,
                              Supplier<VoiceActivityDetector> vad) {
        this.tts = tts;
        this.defaultVoiceId = defaultVoiceId;
        this.speechToText = speechToText;
        this.vad = vad;
    }

    /**
     * The engines for one conversation. The language must be one the recogniser knows. The agent's voice and model are tried once (no synthesis): an unknown voice
     * becomes the default voice, an unknown model the server's default model (both logged).
     */
    VoiceEngines engines(VoiceConfig config, String conversationId) throws Unavailable {
        SpeechToText stt;
        try {
            stt = speechToText.get();
        } catch (ApiException e) {
            throw new Unavailable(1011, e.getMessage());
        }
        try {
            SpeechToTextService.language(stt, config.settings().languageCode());
        } catch (ApiException e) {
            throw new Unavailable(1008, "Voice conversations in '" + config.settings().languageCode() + "' are not supported: " + e.getMessage());
        }
        String fallback = defaultVoiceId.get();
        String voiceId = config.voiceId() != null ? config.voiceId() : fallback;
        if (voiceId == null) throw new Unavailable(1011, "The agent's voice cannot speak: this server has no voices");
        String modelId = config.modelId();
        VoiceSettings tuning = new VoiceSettings(config.stability(), null, config.similarityBoost(), null, null);
        for (int attempt = 0; ; attempt++) {
            TextToSpeechRequest template = template(modelId, tuning);
            try {
                tts.prepare(voiceId, withText(template, "Hello."), config.speed());
                return new VoiceEngines(vad, stt, new ConversationSpeech(tts, threads, voiceId, template, config.speed()));
            } catch (ApiException e) {
                if (attempt < 3 && e.code().equals("voice_not_found") && fallback != null && !voiceId.equals(fallback)) {
                    LOG.info("conversation {}: voice {} is not on this server; speaking with {}", conversationId, voiceId, fallback);
                    voiceId = fallback;
                } else if (attempt < 3 && modelId != null && e.code().equals("model_not_found")) {
                    LOG.info("conversation {}: TTS model {} is not on this server; using the default model", conversationId, modelId);
                    modelId = null;
                } else if (attempt < 3 && e.status() / 100 == 4 && tuning != null) {
                    LOG.info("conversation {}: the agent's voice settings are out of range ({}); using the voice's own", conversationId, e.getMessage());
                    tuning = null;
                } else {
                    throw new Unavailable(1011, "The agent's voice cannot speak: " + e.getMessage());
                }
            }
        }
    }

    private static TextToSpeechRequest template(String modelId, VoiceSettings tuning) {
        return new TextToSpeechRequest(null, modelId, null, tuning, null, null, null, null, null, null, null, null, null);
    }

    static TextToSpeechRequest withText(TextToSpeechRequest t, String text) {
        return new TextToSpeechRequest(text, t.modelId(), t.languageCode(), t.voiceSettings(), null, null, null, null, null,
                null, null, t.applyTextNormalization(), null);
    }
}
