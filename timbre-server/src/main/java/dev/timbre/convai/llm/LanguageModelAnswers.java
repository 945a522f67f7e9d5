package dev.timbre.convai.llm;

import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.TokenUsage;
import dev.timbre.http.Json;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One question to a language model, answered whole: for features that ask the configured LLM once and read a JSON
 * object from its answer (voice design's description reader, music's planner), with rules of their own as fallback.
 * Stateless; {@link #ask} blocks the calling thread up to its timeout.
 */
public final class LanguageModelAnswers {
    private LanguageModelAnswers() {}

    /** A provider's model for one-shot questions, and the provider's name (for the log). */
    public record Configured(LanguageModel model, String providerName) {}

    /**
     * The first configured LLM provider that is not the rule model, asked for its pinned model, else for the first name
     * it serves (no wildcard), else {@code gpt-4o-mini}; no backup LLM. Empty when only rules are configured.
     */
    public static Optional<Configured> firstConfigured(LlmSettings settings, AgentLanguageModels models) {
        for (LlmProvider p : settings.providers()) {
            if (p.kind().equals(LlmProvider.RULES)) continue;
            String llm = p.model() != null ? p.model() : p.serves().stream().filter(s -> !s.contains("*")).findFirst().orElse("gpt-4o-mini");
            var prompt = Json.MAPPER.createObjectNode().put("llm", llm);
            prompt.putObject("backup_llm_config").put("preference", "disabled");
            return Optional.of(new Configured(models.forPrompt(prompt), p.name()));
        }
        return Optional.empty();
    }

    /**
     * The model's whole answer to {@code system} + {@code user} (at most {@code maxChars} characters kept), or null when
     * it does not finish within {@code timeout} or reports an error; the stream is closed either way.
     */
    public static String ask(LanguageModel model, String system, String user, double temperature, int maxTokens, int maxChars,
                             Duration timeout) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        CountDownLatch done = new CountDownLatch(1);
        boolean[] failed = {false};
        ChatRequest request = new ChatRequest(List.of(ChatMessage.system(system), ChatMessage.user(user)), List.of(), temperature, maxTokens, null);
        ChatStream stream = model.open(request, new ChatListener() {
            @Override public void text(String delta) { synchronized (text) { if (text.length() < maxChars) text.append(delta); } }
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

    /** The first JSON object in {@code answer} (from its first '{' to its last '}'); throws when there is none. */
    public static String jsonObject(String answer) {
        int start = answer.indexOf('{'), end = answer.lastIndexOf('}');
        if (start < 0 || end < start) throw new IllegalArgumentException("no JSON object in the answer");
        return answer.substring(start, end + 1);
    }
}
