package dev.timbre.voices;

import dev.timbre.common.Ids;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceDescriptor;
import dev.timbre.engines.EngineCatalog;
import dev.timbre.engines.ModelCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The voices the loaded TTS engines offer, as ElevenLabs "premade" voices. A premade voice id is
 * {@code Ids.stable(provider + ":" + engineVoiceId)}, so it survives restarts. Thread-safe.
 */
public final class PremadeVoices {
    /** One engine voice under its public id. */
    public record Premade(String voiceId, String provider, VoiceDescriptor descriptor) {}

    /** The label that marks the default voice ({@code "default": "true"}). */
    public static final String DEFAULT_LABEL = "default";

    private final EngineCatalog engines;
    private final ModelCatalog models;
    private final String mainProvider;
    private volatile Map<String, Premade> byId;

    /** Without a main provider: the first loaded engine counts as the main one. */
    public PremadeVoices(EngineCatalog engines, ModelCatalog models) {
        this(engines, models, null);
    }

    /** @param mainProvider the main TTS provider ({@code engines.text_to_speech}), whose voice is the default */
    public PremadeVoices(EngineCatalog engines, ModelCatalog models, String mainProvider) {
        this.engines = engines;
        this.models = models;
        this.mainProvider = mainProvider;
    }

    public static String idFor(String provider, String engineVoiceId) {
        return Ids.stable(provider + ":" + engineVoiceId);
    }

    /**
     * Every premade voice in {@link VoiceOrder}: the default voice first, then English voices (the main engine's
     * first), then the rest (the main engine's first), each engine's voices in its own order. Waits for the engines.
     */
    public List<Premade> all() {
        return List.copyOf(index().values());
    }

    /** The default voice: the main engine's first English voice, else its first voice, else the first of any. */
    public Optional<Premade> defaultVoice() {
        return index().values().stream().findFirst();
    }

    public boolean isDefault(String voiceId) {
        return defaultVoice().map(p -> p.voiceId().equals(voiceId)).orElse(false);
    }

    public Optional<Premade> find(String voiceId) {
        return Optional.ofNullable(index().get(voiceId));
    }

    /** The first voice of {@code provider}: the engine voice that instant clones speak with. */
    public Optional<Premade> first(String provider) {
        return index().values().stream().filter(p -> p.provider().equals(provider)).findFirst();
    }

    private Map<String, Premade> index() {
        Map<String, Premade> m = byId;
        if (m == null) {
            List<Premade> loaded = new ArrayList<>();
            for (Map.Entry<String, TextToSpeech> e : engines.textToSpeech().entrySet()) {
                for (VoiceDescriptor d : e.getValue().voices()) loaded.add(new Premade(idFor(e.getKey(), d.id()), e.getKey(), d));
            }
            m = new LinkedHashMap<>();
            for (Premade p : VoiceOrder.sort(loaded, mainProvider)) m.putIfAbsent(p.voiceId(), p);
            byId = m = java.util.Collections.unmodifiableMap(m);
        }
        return m;
    }

    /**
     * Model ids served by {@code provider}'s engine, in catalogue order. An extra engine (espeak-ng, flite) serves no
     * model of its own, yet its voices speak through any of them (a voice always speaks with its own engine), so it
     * gets every served model.
     */
    public List<String> modelIds(String provider) {
        List<ModelCatalog.Served> served = models.served();
        List<String> own = served.stream().filter(s -> s.provider().equals(provider)).map(s -> s.spec().modelId()).toList();
        return own.isEmpty() ? served.stream().map(s -> s.spec().modelId()).toList() : own;
    }

    public VoiceResponse toResponse(Premade p, VoiceSettings settings) {
        VoiceDescriptor d = p.descriptor();
        List<String> modelIds = modelIds(p.provider());
        List<VoiceResponse.VerifiedLanguage> languages = new ArrayList<>();
        for (String modelId : modelIds) {
            languages.add(new VoiceResponse.VerifiedLanguage(d.language(), modelId, d.labels().get("accent"), null, null));
        }
        Map<String, String> labels = new java.util.TreeMap<>(d.labels());
        if (isDefault(p.voiceId())) labels.put(DEFAULT_LABEL, "true");
        return new VoiceResponse(p.voiceId(), d.name(), null, "premade", VoiceResponse.FineTuning.none(d.language()),
                new LinkedHashMap<>(labels), VoiceOrder.describe(p), VoicePreviews.path(p.voiceId()), List.of(), settings, null, modelIds,
                languages, null, VoiceResponse.Verification.notRequired(d.language()), null, false, false, false, null);
    }
}
