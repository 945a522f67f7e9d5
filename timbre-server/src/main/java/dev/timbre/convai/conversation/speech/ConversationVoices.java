package dev.timbre.convai.conversation.speech;

import dev.timbre.agent.voice.VoiceEngines;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.VoiceActivityDetector;
import dev.timbre.http.ApiException;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.speechtotext.SpeechToTextService;
import dev.timbre.texttospeech.TextToSpeechRequest;
import dev.timbre.texttospeech.TextToSpeechService;
import dev.timbre.voices.VoiceSettings;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines of voice conversations, shared by all of them: the server's speech-to-text engine (the one
 * {@code engines.speech_to_text} loads: pocketsphinx when installed, else sphinx4), the voice activity detector
 * (Silero, else energy) and text to speech through the speech layer on {@link SpeechThreads}. Thread-safe.
 */
public final class ConversationVoices {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationVoices.class);
    /** Agent speech kept for replay (first messages and other utterances spoken alike): 16 MiB of PCM, ~8 min at 16 kHz. */
    private static final long SHARED_BYTES = 16L << 20;

    private final TextToSpeechService tts;
    private final SpeechSynthesizer speech;
    private final Supplier<String> defaultVoiceId;
    private final Supplier<SpeechToText> speechToText;
    private final Supplier<VoiceActivityDetector> vad;
    private final SpeechThreads threads = SpeechThreads.forThisMachine();
    private final SharedUtterances shared = new SharedUtterances(SHARED_BYTES);

    /**
     * A voice conversation cannot run here: no speech-to-text engine or the agent's voice cannot speak (close code
     * 1011), or the engine does not recognise the conversation's language (1008).
     */
    public static final class Unavailable extends Exception {
        public final int closeCode;

        Unavailable(int closeCode, String message) {
            super(message);
            this.closeCode = closeCode;
        }
    }

    /**
     * @param speech         the server's speech layer, which agent speech shares with every other synthesis
     * @param defaultVoiceId the voice for agents whose {@code tts.voice_id} this server does not have (e.g. ElevenLabs'
     *                       default voice): the first voice the server lists; null when it has none
     * @param speechToText the server's STT engine; throws {@link ApiException} when none is loaded
     * @param vad a new detector per call
     */
    public ConversationVoices(TextToSpeechService tts, SpeechSynthesizer speech, Supplier<String> defaultVoiceId,
                              Supplier<SpeechToText> speechToText, Supplier<VoiceActivityDetector> vad) {
        this.tts = tts;
        this.speech = speech;
        this.defaultVoiceId = defaultVoiceId;
        this.speechToText = speechToText;
        this.vad = vad;
    }

    /**
     * The engines for one conversation. The language must be one the recogniser knows. The agent's voice and each
     * supported voice are tried once ({@link #voice}); a supported voice that cannot speak is left out (its tags are
     * then spoken in the agent's voice).
     */
    public VoiceEngines engines(VoiceConfig config, String conversationId) throws Unavailable {
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
        ConversationSpeech.Voice main = voice(voiceId, config.modelId(), config.stability(), config.similarityBoost(), config.speed(),
                fallback, conversationId, config.pronunciationDictionaryLocators());
        java.util.Map<String, ConversationSpeech.Voice> labelled = new java.util.LinkedHashMap<>();
        for (VoiceConfig.LabelledVoice v : config.supportedVoices()) {
            try {
                labelled.put(v.label(), voice(v.voiceId(), main.template().modelId(), v.stability() != null ? v.stability() : config.stability(),
                        v.similarityBoost() != null ? v.similarityBoost() : config.similarityBoost(),
                        v.speed() != null ? v.speed() : config.speed(), main.voiceId(), conversationId,
                        main.template().pronunciationDictionaryLocators()));
            } catch (Unavailable e) {
                LOG.info("conversation {}: supported voice '{}' left out: {}", conversationId, v.label(), e.getMessage());
            }
        }
        return new VoiceEngines(vad, stt, new ConversationSpeech(tts, speech, threads, shared, main, labelled));
    }

    /**
     * A voice tried once (no synthesis): an unknown voice becomes {@code fallback}, an unknown model the default model,
     * out-of-range settings the voice's own (all logged).
     */
    private ConversationSpeech.Voice voice(String voiceId, String modelId, Double stability, Double similarityBoost, double speed,
                                           String fallback, String conversationId,
                                           List<TextToSpeechRequest.PronunciationDictionaryLocator> dictionaries) throws Unavailable {
        VoiceSettings tuning = new VoiceSettings(stability, null, similarityBoost, null, null);
        for (int attempt = 0; ; attempt++) {
            TextToSpeechRequest template = template(modelId, tuning, dictionaries);
            try {
                tts.prepare(voiceId, withText(template, "Hello."), speed);
                return new ConversationSpeech.Voice(voiceId, template, speed);
            } catch (ApiException e) {
                if (attempt < 4 && dictionaries != null && !dictionaries.isEmpty() && isDictionaryError(e)) {
                    LOG.info("conversation {}: the agent's pronunciation dictionaries cannot be used ({}); speaking without them",
                            conversationId, e.getMessage());
                    dictionaries = null;
                } else if (attempt < 3 && e.code().equals("voice_not_found") && fallback != null && !voiceId.equals(fallback)) {
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

    private static boolean isDictionaryError(ApiException e) {
        return e.code() != null && e.code().startsWith("pronunciation_dictionary");
    }

    private static TextToSpeechRequest template(String modelId, VoiceSettings tuning,
                                                List<TextToSpeechRequest.PronunciationDictionaryLocator> dictionaries) {
        return new TextToSpeechRequest(null, modelId, null, tuning, dictionaries, null, null, null, null, null, null, null, null);
    }

    static TextToSpeechRequest withText(TextToSpeechRequest t, String text) {
        return new TextToSpeechRequest(text, t.modelId(), t.languageCode(), t.voiceSettings(), t.pronunciationDictionaryLocators(), null, null, null, null,
                null, null, t.applyTextNormalization(), null);
    }
}
