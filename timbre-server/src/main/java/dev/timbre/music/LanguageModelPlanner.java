package dev.timbre.music;

import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.TokenUsage;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        for (LlmProvider p : settings.providers()) {
            if (p.kind().equals(LlmProvider.RULES)) continue;
            String llm = p.model() != null ? p.model()
                    : p.serves().stream().filter(s -> !s.contains("*")).findFirst().orElse("gpt-4o-mini");
            var prompt = Json.MAPPER.createObjectNode().put("llm", llm);
            prompt.putObject("backup_llm_config").put("preference", "disabled");
            LOG.info("music plans with LLM provider '{}' (rules as fallback)", p.name());
            return new LanguageModelPlanner(models.forPrompt(prompt), Duration.ofSeconds(30));
        }
        return new PromptPlanner();
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
        int start = answer.indexOf('{'), end = answer.lastIndexOf('}');
        if (start < 0 || end < start) throw new IllegalArgumentException("no JSON object in the answer");
        CompositionPlan p;
        try {
            p = Json.MAPPER.readValue(answer.substring(start, end + 1), CompositionPlan.class);
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
        StringBuilder text = new StringBuilder();
        CountDownLatch done = new CountDownLatch(1);
        boolean[] failed = {false};
        ChatRequest request = new ChatRequest(List.of(ChatMessage.system(INSTRUCTIONS), ChatMessage.user(prompt)), List.of(), 0.3, 1500, null);
        ChatStream stream = model.open(request, new ChatListener() {
            @Override public void text(String delta) { synchronized (text) { if (text.length() < 32_000) text.append(delta); } }
            @Override public void end(FinishReason reason, TokenUsage usage) { done.countDown(); }
            @Override public void error(EngineException e) { failed[0] = true; done.countDown(); }
        });
        try {
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || failed[0]) return null;
        } finally {
            stream.close();
        }
        synchronized (text) { return text.toString(); }
    }
}
