package dev.timbre.engines;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.timbre.engine.TextToSpeech;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds ElevenLabs model ids to engine providers: {@code eleven_flash_v2_5 → marytts}. Text-to-speech models are
 * bound to the configured TTS provider unless the configuration names another. Thread-safe (immutable).
 */
public final class ModelCatalog {
    private final List<ModelSpec> specs;
    private final Map<String, String> bindings;
    private final EngineCatalog engines;

    public ModelCatalog(EngineCatalog engines, String defaultTextToSpeech, Map<String, String> overrides) {
        this.engines = engines;
        this.specs = loadSpecs();
        Map<String, String> b = new LinkedHashMap<>();
        for (ModelSpec s : specs) {
            if (s.capability().equals(ModelSpec.TEXT_TO_SPEECH)) b.put(s.modelId(), defaultTextToSpeech);
        }
        overrides.forEach((model, provider) -> {
            if (specs.stream().noneMatch(s -> s.modelId().equals(model))) {
                throw new IllegalArgumentException("unknown model id in configuration: " + model);
            }
            b.put(model, provider);
        });
        this.bindings = Map.copyOf(b);
    }

    private static List<ModelSpec> loadSpecs() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = ModelCatalog.class.getResourceAsStream("/models.yaml")) {
            return List.copyOf(yaml.readValue(in, new TypeReference<List<ModelSpec>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Models whose bound engine is loaded, in catalogue order, each with the engine's provider id. */
    public List<Served> served() {
        Map<String, TextToSpeech> tts = engines.textToSpeech();
        return specs.stream()
                .filter(s -> s.capability().equals(ModelSpec.TEXT_TO_SPEECH) && tts.containsKey(bindings.get(s.modelId())))
                .map(s -> new Served(s, bindings.get(s.modelId())))
                .toList();
    }

    public Optional<ModelSpec> spec(String modelId) {
        return specs.stream().filter(s -> s.modelId().equals(modelId)).findFirst();
    }

    /** The engine that serves a text-to-speech model; empty when the model is unknown or not served. */
    public Optional<TextToSpeech> textToSpeech(String modelId) {
        String provider = bindings.get(modelId);
        return provider == null ? Optional.empty() : Optional.ofNullable(engines.textToSpeech().get(provider));
    }

    public EngineCatalog engines() {
        return engines;
    }

    public record Served(ModelSpec spec, String provider) {}
}
