package dev.timbre.texttospeech;

import dev.timbre.engines.ModelCatalog;
import dev.timbre.engines.ModelSpec;
import dev.timbre.http.ApiException;
import dev.timbre.pronunciationdictionaries.PhonemeInput;
import dev.timbre.pronunciationdictionaries.Pronunciations;
import dev.timbre.texttospeech.normalize.Mode;
import dev.timbre.texttospeech.normalize.NormalizedText;
import dev.timbre.texttospeech.normalize.TextNormalizer;

/** The request checks text to speech shares with text to dialogue; each throws an {@link ApiException} for bad input. */
final class TextToSpeechChecks {
    private TextToSpeechChecks() {}

    static String text(TextToSpeechRequest request) {
        if (request.text() == null) throw ApiException.invalid("Field required", "missing", "body", "text");
        if (request.text().isBlank()) throw ApiException.invalid("Text must not be empty", "string_too_short", "body", "text");
        return request.text();
    }

    /** A text-to-speech model this server serves. */
    static ModelSpec model(ModelCatalog models, String modelId) {
        ModelSpec model = models.spec(modelId)
                .filter(m -> m.capability().equals(ModelSpec.TEXT_TO_SPEECH))
                .orElseThrow(() -> ApiException.badRequest("model_not_found",
                        "A model with model ID " + modelId + " does not exist or does not support text to speech."));
        if (models.textToSpeech(model.modelId()).isEmpty()) {
            throw ApiException.badRequest("model_not_available", "The model " + model.modelId() + " is not served by this server.");
        }
        return model;
    }

    static void length(String text, ModelSpec model) {
        if (text.length() > model.maximumTextLengthPerRequest()) {
            throw ApiException.invalid("Text is " + text.length() + " characters long; the model " + model.modelId()
                    + " accepts at most " + model.maximumTextLengthPerRequest() + ".", "string_too_long", "body", "text");
        }
    }

    static void seed(Long seed) {
        if (seed != null && (seed < 0 || seed > 4294967295L)) {
            throw ApiException.invalid("Input should be between 0 and 4294967295", "value_error", "body", "seed");
        }
    }

    /** The text as the engine should speak it; SSML is passed through untouched. */
    static NormalizedText normalize(String text, String applyTextNormalization) {
        Mode mode;
        try {
            mode = Mode.fromApi(applyTextNormalization);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("Input should be 'auto', 'on' or 'off'", "enum", "body", "apply_text_normalization");
        }
        if (isSsml(text)) return NormalizedText.identity(text);
        return TextNormalizer.normalize(text, mode);
    }

    static boolean isSsml(String text) {
        String head = text.stripLeading();
        return head.startsWith("<speak") || head.startsWith("<?xml");
    }

    /**
     * A text with pronunciation rules applied: {@code text} maps the written text to the spoken words (aliases, then
     * normalisation); {@code engineText} is that text with the phoneme rules in the engine's phoneme input.
     */
    record Pronounced(NormalizedText text, String engineText) {}

    /**
     * The plain text as the engine should speak it with pronunciation rules: aliases first (on the text as written),
     * then normalisation of the result, then the phoneme rules in the engine's phoneme input (after normalisation, so
     * that the normaliser never reads phoneme markup, and kept out of the alignments). The map leads back to the text
     * as written.
     */
    static Pronounced pronounce(String text, String applyTextNormalization, Pronunciations rules, PhonemeInput input) {
        NormalizedText aliased = rules.applyAliases(text);
        if (aliased.normalized().length() > maxPronounced(text)) throw pronouncedTooLong(text);
        NormalizedText normalized = aliased.then(normalize(aliased.normalized(), applyTextNormalization));
        String engineText = rules.applyPhonemes(normalized.normalized(), input).normalized();
        if (engineText.length() > maxPronounced(text)) throw pronouncedTooLong(text);
        return new Pronounced(normalized, engineText);
    }

    /** Aliases and phoneme markup may lengthen the text this much at most (a bound on what the engine is given). */
    private static int maxPronounced(String text) {
        return 8 * text.length() + 2_000;
    }

    private static ApiException pronouncedTooLong(String text) {
        return ApiException.badRequest("pronunciation_too_long", "The pronunciation dictionaries make the text of "
                + text.length() + " characters longer than " + maxPronounced(text) + " characters; use shorter aliases.");
    }
}
