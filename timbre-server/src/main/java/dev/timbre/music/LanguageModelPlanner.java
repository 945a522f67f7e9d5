package dev.timbre.music;

import dev.timbre.config.LlmSettings;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.convai.llm.LanguageModelAnswers;
import dev.timbre.engine.LanguageModel;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans with a configured language model: asks for one {@code MusicPrompt} JSON object, reads it, sets the length
 * exactly ({@code music_length_ms}, else the model's total within the bounds: durations rescaled to add up) and
 * checks it like a client's plan. Any failure (no answer within the timeout, an engine error, an answer that is not
 * such a plan) falls back to the {@link PromptPlanner}. Thread-safe; the model is not owned here.
 */
public final class LanguageModelPlanner implements MusicService.Planner {
    private static final Logger LOG = LoggerFactory.getLogger(LanguageModelPlanner.class);
    static final String INSTRUCTIONS = """
            You plan songs. Answer with one JSON object and nothing else:
            {"positive_global_styles": [up to 8 short style words: genre, mood, tempo such as "96 bpm", key such as "A minor", instruments],
             "negative_global_styles": [styles to avoid],
             "sections": [{"section_name": "Intro"|"Verse 1"|"Chorus"|"Bridge"|"Outro"|..., "positive_local_styles": [...],
                           "negative_local_styles": [...], "duration_ms": integer from 3000 to 120000, "lines": [lyrics lines, or empty]}]}
            Use 1 to 10 sections. Only write lyrics when the request asks for vocals or lyrics.""";

    private final LanguageModel model;
    private final Duration timeout;
    private final PromptPlanner fallback = new PromptPlanner();

    public LanguageModelPlanner(LanguageModel model, Duration timeout) {
        this.model = model;
        this.timeout = timeout;
    }

    /** The first configured LLM provider that is not the rule model plans, else the rules alone. */
    public static MusicService.Planner forServer(LlmSettings settings, AgentLanguageModels models) {
        return LanguageModelAnswers.firstConfigured(settings, models).<MusicService.Planner>map(c -> {
            LOG.info("music plans with LLM provider '{}' (rules as fallback)", c.providerName());
            return new LanguageModelPlanner(c.model(), Duration.ofSeconds(30));
        }).orElseGet(PromptPlanner::new);
    }

    @Override
    public CompositionPlan plan(String prompt, Integer lengthMs) {
        try {
            String answer = ask(prompt + (lengthMs != null ? "\nThe song lasts exactly " + lengthMs + " ms." : ""));
            if (answer != null) return parse(answer, lengthMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.info("the language model's plan was not usable ({}); the rules plan", e.toString());
        }
        return fallback.plan(prompt, lengthMs);
    }

    /** The plan in a model's answer, lengths made exact and checked; throws when there is none. */
    static CompositionPlan parse(String answer, Integer lengthMs) {
        CompositionPlan p;
        try {
            p = Json.MAPPER.readValue(LanguageModelAnswers.jsonObject(answer), CompositionPlan.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the answer is not a plan", e);
        }
        if (p.sections() == null || p.sections().isEmpty()) throw new IllegalArgumentException("the plan has no sections");
        List<CompositionPlan.SongSection> sections = p.sections().stream().map(s -> new CompositionPlan.SongSection(
                s.sectionName() == null || s.sectionName().isBlank() ? "Section" : s.sectionName(),
                s.positiveLocalStyles() == null ? List.of() : s.positiveLocalStyles(),
                s.negativeLocalStyles() == null ? List.of() : s.negativeLocalStyles(),
                s.durationMs() == null ? PlanChecks.MIN_SECTION_MS : s.durationMs(), s.lines() == null ? List.of() : s.lines())).toList();
        CompositionPlan plan = new CompositionPlan(p.positiveGlobalStyles() == null ? List.of() : p.positiveGlobalStyles(),
                p.negativeGlobalStyles() == null ? List.of() : p.negativeGlobalStyles(), sections);
        long total = lengthMs != null ? lengthMs : Math.max(PlanChecks.MIN_LENGTH_MS, Math.min(PlanChecks.MAX_LENGTH_MS, plan.durationMs()));
        int[] ms = Durations.split(sections.stream().map(s -> (double) s.durationMs()).toList(), (int) total, "prompt");
        List<CompositionPlan.SongSection> exact = new java.util.ArrayList<>();
        for (int i = 0; i < ms.length; i++) exact.add(sections.get(i).withDuration(ms[i]));
        CompositionPlan out = new CompositionPlan(plan.positiveGlobalStyles(), plan.negativeGlobalStyles(), exact);
        try {
            PlanChecks.check(out, "prompt");
        } catch (ApiException e) {
            throw new IllegalArgumentException("the plan is out of bounds: " + e.getMessage());
        }
        return out;
    }

    private String ask(String prompt) throws InterruptedException {
        return LanguageModelAnswers.ask(model, INSTRUCTIONS, prompt, 0.3, 1500, 32_000, timeout);
    }
}
