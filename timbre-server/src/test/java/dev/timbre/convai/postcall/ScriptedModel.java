package dev.timbre.convai.postcall;

import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.LanguageModel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A language model for tests: answers each request with {@code script(request)}; a null answer is reported as an
 * {@link EngineException}. Records the requests. Answers on the caller's thread, before {@code open} returns.
 */
final class ScriptedModel implements LanguageModel {
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final Function<ChatRequest, String> script;

    ScriptedModel(Function<ChatRequest, String> script) {
        this.script = script;
    }

    /** Answers by the question asked: the criteria, data collection or summary system prompt. */
    static ScriptedModel answering(String criteria, String data, String summary) {
        return new ScriptedModel(r -> {
            String system = r.systemPrompt();
            if (system.equals(AnalysisPrompts.CRITERIA)) return criteria;
            if (system.equals(AnalysisPrompts.DATA)) return data;
            return summary;
        });
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo("scripted", "test model", new EngineCapabilities(Set.of("en"), true, false, false));
    }

    @Override
    public ChatStream open(ChatRequest request, ChatListener listener) {
        requests.add(request);
        String answer = script.apply(request);
        if (answer == null) {
            listener.error(new EngineException("scripted failure"));
        } else {
            if (!answer.isEmpty()) listener.text(answer);
            listener.end(FinishReason.STOP, null);
        }
        return () -> {};
    }
}
