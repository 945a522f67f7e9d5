package dev.timbre.texttospeech;

import dev.timbre.Ids;
import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceTuning;
import dev.timbre.engines.ModelCatalog;
import dev.timbre.engines.ModelSpec;
import dev.timbre.history.HistoryService;
import dev.timbre.history.NewHistoryItem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.user.Charge;
import dev.timbre.user.UserService;
import dev.timbre.voices.ResolvedVoice;
import dev.timbre.voices.VoiceSettings;
import dev.timbre.voices.VoicesService;
import java.util.Set;

/**
 * Text to speech as a use case: checks the request, resolves voice and model, synthesises, encodes, charges the
 * characters and (unless logging is off) stores a history item. Thread-safe; one call per request.
 */
public final class TextToSpeechService {
    private static final Set<String> NORMALIZATION = Set.of("auto", "on", "off");

    private final VoicesService voices;
    private final ModelCatalog models;
    private final UserService users;
    private final HistoryService history;

    public TextToSpeechService(VoicesService voices, ModelCatalog models, UserService users, HistoryService history) {
        this.voices = voices;
        this.models = models;
        this.users = users;
        this.history = history;
    }

    /** The encoded audio of one request with the ids the response headers carry. */
    public record Result(byte[] audio, String requestId, String historyItemId, int characters) {}

    /** A checked request, bound to its engine and voice, ready to synthesise. */
    record Prepared(String text, ModelSpec model, String voiceId, ResolvedVoice voice, TextToSpeech engine, VoiceTuning tuning,
                    TextToSpeechRequest request) {
        SpeechRequest speechRequest() {
            return new SpeechRequest(text, voice.engineVoiceId(), request.languageCode(), tuning, request.seed());
        }
    }

    public Result convert(String voiceId, TextToSpeechRequest request, OutputFormat format, boolean logging) {
        Prepared p = prepare(voiceId, request);
        TextToSpeech.Speech speech;
        try {
            speech = p.engine().synthesize(p.speechRequest());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "service_unavailable", "The request was interrupted.");
        } catch (EngineException e) {
            throw new ApiException(500, "synthesis_failed", "The speech engine failed: " + e.getMessage());
        }
        byte[] audio = AudioEncoder.encodeAll(speech.pcm(), speech.format().sampleRate(), format);
        return finish(p, format, audio, logging);
    }

    /** Validates the request and binds it to an engine; throws {@link ApiException} for bad input. */
    Prepared prepare(String voiceId, TextToSpeechRequest request) {
        if (request.text() == null) throw ApiException.invalid("Field required", "missing", "body", "text");
        String text = request.text();
        if (text.isBlank()) throw ApiException.invalid("Text must not be empty", "string_too_short", "body", "text");
        ModelSpec model = models.spec(request.modelIdOrDefault())
                .filter(m -> m.capability().equals(ModelSpec.TEXT_TO_SPEECH))
                .orElseThrow(() -> ApiException.badRequest("model_not_found",
                        "A model with model ID " + request.modelIdOrDefault() + " does not exist or does not support text to speech."));
        if (models.textToSpeech(model.modelId()).isEmpty()) {
            throw ApiException.badRequest("model_not_available", "The model " + model.modelId() + " is not served by this server.");
        }
        if (text.length() > model.maximumTextLengthPerRequest()) {
            throw ApiException.invalid("Text is " + text.length() + " characters long; the model " + model.modelId()
                    + " accepts at most " + model.maximumTextLengthPerRequest() + ".", "string_too_long", "body", "text");
        }
        if (request.applyTextNormalization() != null && !NORMALIZATION.contains(request.applyTextNormalization())) {
            throw ApiException.invalid("Input should be 'auto', 'on' or 'off'", "enum", "body", "apply_text_normalization");
        }
        if (request.seed() != null && (request.seed() < 0 || request.seed() > 4294967295L)) {
            throw ApiException.invalid("Input should be between 0 and 4294967295", "value_error", "body", "seed");
        }
        ResolvedVoice voice = voices.resolve(voiceId);
        TextToSpeech engine = models.engines().textToSpeech().get(voice.provider());
        if (engine == null) {
            throw new ApiException(503, "voice_unavailable", "The engine of voice " + voiceId + " is not loaded.");
        }
        VoiceSettings settings = request.voiceSettings() == null ? voice.settings()
                : request.voiceSettings().validate("body", "voice_settings").over(voice.settings());
        return new Prepared(text, model, voiceId, voice, engine, settings.toTuning(), request);
    }

    /** Charges the characters and stores the history item; the audio is complete at this point. */
    Result finish(Prepared p, OutputFormat format, byte[] audio, boolean logging) {
        String requestId = Ids.random(20);
        int characters = p.text().length();
        Charge charge = users.charge(characters);
        String itemId = null;
        if (logging) {
            itemId = history.record(new NewHistoryItem(requestId, p.voiceId(), p.voice().name(), p.voice().category(),
                    p.model().modelId(), p.text(), charge.from(), charge.to(), settings(p.tuning()), "TTS",
                    format.id(), format.contentType(), audio)).historyItemId();
        }
        return new Result(audio, requestId, itemId, characters);
    }

    private static JsonNode settings(VoiceTuning t) {
        return Json.MAPPER.valueToTree(t);
    }
}
