package dev.timbre.texttodialogue;

import dev.timbre.common.Ids;
import dev.timbre.engines.ModelCatalog;
import dev.timbre.engines.ModelSpec;
import dev.timbre.http.ApiException;
import dev.timbre.texttospeech.TextToSpeechRequest;
import dev.timbre.texttospeech.TextToSpeechService;
import dev.timbre.texttospeech.TextToSpeechService.Prepared;
import dev.timbre.voices.VoiceSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a dialogue script and binds each line to its voice, in this order: the shape of {@code inputs} (422), the
 * number of distinct voices (422), the total text length against the model's limit (422), then each line as a
 * text-to-speech request (unknown model 400, unknown voice 404, bad settings, seed or normalisation 422).
 */
public final class DialogueChecks {
    /** Distinct voices one dialogue may use. */
    public static final int MAX_VOICES = 10;

    private final TextToSpeechService textToSpeech;
    private final ModelCatalog models;

    public DialogueChecks(TextToSpeechService textToSpeech, ModelCatalog models) {
        this.textToSpeech = textToSpeech;
        this.models = models;
    }

    /** One prepared synthesis per input, in order; throws {@link ApiException} for bad input. */
    List<Prepared> turns(TextToDialogueRequest r) {
        List<TextToDialogueRequest.DialogueInput> inputs = r.inputs();
        if (inputs == null) throw ApiException.invalid("Field required", "missing", "body", "inputs");
        if (inputs.isEmpty()) throw ApiException.invalid("List should have at least 1 item after validation, not 0", "too_short", "body", "inputs");
        Set<String> voices = new LinkedHashSet<>();
        int total = 0;
        for (int i = 0; i < inputs.size(); i++) {
            TextToDialogueRequest.DialogueInput in = inputs.get(i);
            if (in == null) throw ApiException.invalid("Input should be a valid dictionary", "dict_type", "body", "inputs", i);
            if (in.text() == null) throw ApiException.invalid("Field required", "missing", "body", "inputs", i, "text");
            if (in.voiceId() == null) throw ApiException.invalid("Field required", "missing", "body", "inputs", i, "voice_id");
            if (in.text().isBlank()) throw ApiException.invalid("Text must not be empty", "string_too_short", "body", "inputs", i, "text");
            voices.add(in.voiceId());
            total += in.text().length();
        }
        if (voices.size() > MAX_VOICES) {
            throw ApiException.invalid("A dialogue may use at most " + MAX_VOICES + " distinct voices, not " + voices.size() + ".",
                    "too_long", "body", "inputs");
        }
        String modelId = r.modelIdOrDefault();
        int limit = models.spec(modelId).filter(m -> m.capability().equals(ModelSpec.TEXT_TO_SPEECH))
                .map(ModelSpec::maximumTextLengthPerRequest).orElse(Integer.MAX_VALUE); // an unknown model fails per line below
        if (total > limit) {
            throw ApiException.invalid("The dialogue is " + total + " characters long; the model " + modelId + " accepts at most "
                    + limit + ".", "string_too_long", "body", "inputs");
        }
        List<Prepared> turns = new ArrayList<>(inputs.size());
        for (TextToDialogueRequest.DialogueInput in : inputs) {
            if (!Ids.isSafe(in.voiceId())) {
                throw ApiException.notFound("voice_not_found", "A voice with the voice_id '" + in.voiceId() + "' was not found.");
            }
            turns.add(textToSpeech.prepare(in.voiceId(), new TextToSpeechRequest(in.text(), modelId, r.languageCode(), settings(r),
                    r.pronunciationDictionaryLocators(), r.seed(), null, null, null, null, null, r.applyTextNormalization(), null)));
        }
        return turns;
    }

    private static VoiceSettings settings(TextToDialogueRequest r) {
        TextToDialogueRequest.Settings s = r.settings();
        if (s == null) return null;
        return new VoiceSettings(s.stability(), s.useSpeakerBoost(), s.similarity(), null, null)
                .validate("body", "settings");
    }
}
