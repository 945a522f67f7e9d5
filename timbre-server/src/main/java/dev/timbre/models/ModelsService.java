package dev.timbre.models;

import dev.timbre.engines.EngineCatalog;
import dev.timbre.engines.ModelCatalog;
import dev.timbre.engines.ModelSpec;
import java.util.List;
import java.util.Locale;

/** Lists the models this installation serves, with the languages their engines really speak. */
public final class ModelsService {
    private final ModelCatalog models;
    private final EngineCatalog engines;

    public ModelsService(ModelCatalog models, EngineCatalog engines) {
        this.models = models;
        this.engines = engines;
    }

    public List<ModelResponse> list() {
        return models.served().stream().map(this::toResponse).toList();
    }

    private ModelResponse toResponse(ModelCatalog.Served served) {
        ModelSpec s = served.spec();
        var engine = engines.textToSpeech().get(served.provider());
        List<ModelResponse.Language> languages = engine.info().capabilities().languages().stream().sorted()
                .map(code -> new ModelResponse.Language(code, Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH)))
                .toList();
        return new ModelResponse(s.modelId(), s.name(), s.canBeFinetuned(),
                s.capability().equals(ModelSpec.TEXT_TO_SPEECH), s.capability().equals(ModelSpec.SPEECH_TO_SPEECH),
                s.canUseStyle(), s.canUseSpeakerBoost(), s.servesProVoices(), 1.0, s.description(), false,
                s.maxCharactersRequestFreeUser(), s.maxCharactersRequestSubscribedUser(), s.maximumTextLengthPerRequest(),
                languages, new ModelResponse.ModelRates(s.characterCostMultiplier()), s.concurrencyGroup());
    }
}
