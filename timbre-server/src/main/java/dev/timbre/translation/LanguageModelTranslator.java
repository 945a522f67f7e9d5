package dev.timbre.translation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.convai.llm.LanguageModelAnswers;
import dev.timbre.engine.LanguageModel;
import dev.timbre.http.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The configured LLM as translator: the segments go as a numbered JSON list, the answer must be a JSON object with a
 * {@code translations} list of the same length. Any pair (the model decides what it can do). At most
 * {@link #BATCH} segments per question, 120 s per question. Thread-safe.
 */
public final class LanguageModelTranslator implements Translator {
    static final int BATCH = 40;
    private static final String SYSTEM = """
            You are a professional translator for dubbing. Translate each segment from %s to %s. Keep each segment's
            meaning, tone and length close to the original so it can be spoken in the same time. Do not merge, split,
            add or drop segments. Answer with one JSON object only: {"translations": ["...", ...]} with exactly %d strings,
            in the same order as the input.""";

    private final LanguageModel model;

    public LanguageModelTranslator(LanguageModel model) { this.model = model; }

    @Override
    public String name() { return "llm"; }

    @Override
    public Set<LanguagePair> pairs() { return LanguagePair.ANY; }

    @Override
    public List<String> translate(List<String> segments, LanguagePair pair) throws Failed {
        List<String> out = new ArrayList<>(segments.size());
        for (int from = 0; from < segments.size(); from += BATCH) out.addAll(batch(segments.subList(from, Math.min(segments.size(), from + BATCH)), pair));
        return out;
    }

    private List<String> batch(List<String> segments, LanguagePair pair) throws Failed {
        String answer;
        try {
            String system = SYSTEM.formatted(language(pair.source()), language(pair.target()), segments.size());
            answer = LanguageModelAnswers.ask(model, system, Json.MAPPER.writeValueAsString(segments), 0.2, 4096, 200_000, Duration.ofSeconds(120));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while the language model translated", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (answer == null) throw new Failed("the language model did not translate (no answer within 120 s, or an error)");
        try {
            JsonNode list = Json.MAPPER.readTree(LanguageModelAnswers.jsonObject(answer)).path("translations");
            if (!list.isArray() || list.size() != segments.size()) {
                throw new Failed("the language model answered " + list.size() + " translations for " + segments.size() + " segments");
            }
            List<String> out = new ArrayList<>(segments.size());
            list.forEach(t -> out.add(t.asText("")));
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new Failed("the language model's answer was not a list of translations", e);
        }
    }

    private static String language(String code) {
        String name = new Locale(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }
}
