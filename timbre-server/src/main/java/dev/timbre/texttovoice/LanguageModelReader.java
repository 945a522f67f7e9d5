package dev.timbre.texttovoice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.engine.LanguageModel;
import dev.timbre.config.LlmSettings;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.convai.llm.LanguageModelAnswers;
import dev.timbre.http.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a description with a configured language model: asks for the {@link VoiceTraits} as one JSON object and
 * checks every value (unknown words become null, numbers are clamped by the shape). Any failure (no answer within the
 * timeout, an engine error, an answer that is not such an object) falls back to the {@link VocabularyReader}.
 * Thread-safe; the model is not owned here (its owner closes it).
 */
public final class LanguageModelReader implements DescriptionReader {
    private static final Logger LOG = LoggerFactory.getLogger(LanguageModelReader.class);
    private static final Set<String> GENDERS = Set.of("female", "male");
    private static final Set<String> AGES = Set.of("child", "young", "middle_aged", "old");
    private static final Set<String> ACCENTS = Set.of("american", "british", "german", "french", "spanish", "italian",
            "brazilian", "dutch", "polish", "swedish", "indian");
    static final String INSTRUCTIONS = """
            You turn a description of a speaking voice into settings. Answer with one JSON object and nothing else:
            {"gender": "female"|"male"|null, "age": "child"|"young"|"middle_aged"|"old"|null,
             "accent": "american"|"british"|"german"|"french"|"spanish"|"italian"|"brazilian"|"dutch"|"polish"|"swedish"|"indian"|null,
             "pitch_semitones": number from -12 to 12 (0 = ordinary for that gender and age),
             "pitch_range": number from 0.25 to 2 (1 = ordinary intonation, lower is flatter),
             "rate": number from 0.5 to 2 (1 = ordinary pace),
             "formant_scale": number from 0.8 to 1.25 (1 = ordinary; higher sounds smaller),
             "tones": up to three single lowercase words for the voice's character}""";

    private final LanguageModel model;
    private final Duration timeout;
    private final DescriptionReader fallback = new VocabularyReader();

    public LanguageModelReader(LanguageModel model, Duration timeout) {
        this.model = model;
        this.timeout = timeout;
    }

    /**
     * The reader for this server: the first configured LLM provider that is not the rule model reads descriptions
     * (asked for its pinned model, else for the first name it serves), else the vocabulary alone.
     */
    public static DescriptionReader forServer(LlmSettings settings, AgentLanguageModels models) {
        return LanguageModelAnswers.firstConfigured(settings, models).<DescriptionReader>map(c -> {
            LOG.info("voice design reads descriptions with LLM provider '{}' (vocabulary as fallback)", c.providerName());
            return new LanguageModelReader(c.model(), Duration.ofSeconds(20));
        }).orElseGet(VocabularyReader::new);
    }

    @Override
    public VoiceTraits read(String description) {
        try {
            String answer = ask(description);
            return answer == null ? fallback.read(description) : parse(answer);
        } catch (RuntimeException e) {
            LOG.info("the language model could not read a voice description ({}); the vocabulary reader does", e.toString());
            return fallback.read(description);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback.read(description);
        }
    }

    /** The model's whole answer, or null when it does not finish within the timeout or reports an error. */
    private String ask(String description) throws InterruptedException {
        return LanguageModelAnswers.ask(model, INSTRUCTIONS, description, 0.0, 300, 8000, timeout);
    }

    /** The traits in a model's answer: the first JSON object in it; throws when there is none. */
    static VoiceTraits parse(String answer) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(LanguageModelAnswers.jsonObject(answer));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the answer is not JSON", e);
        }
        List<String> tones = new ArrayList<>();
        for (JsonNode t : n.path("tones")) if (t.isTextual() && tones.size() < 3) tones.add(t.asText().toLowerCase().strip());
        return new VoiceTraits(word(n, "gender", GENDERS), word(n, "age", AGES), word(n, "accent", ACCENTS),
                number(n, "pitch_semitones", 0), number(n, "pitch_range", 1), number(n, "rate", 1), number(n, "formant_scale", 1), tones);
    }

    private static String word(JsonNode n, String field, Set<String> allowed) {
        String v = n.path(field).asText("").toLowerCase().strip().replace('-', '_').replace(' ', '_');
        return allowed.contains(v) ? v : null;
    }

    private static double number(JsonNode n, String field, double dflt) {
        JsonNode v = n.path(field);
        return v.isNumber() && Double.isFinite(v.asDouble()) ? v.asDouble() : dflt;
    }
}
