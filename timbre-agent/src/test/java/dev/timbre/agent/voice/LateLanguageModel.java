package dev.timbre.agent.voice;

import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.LanguageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A model for tests that answers only when the test says so ({@link #answer}), to the latest open request. */
final class LateLanguageModel implements LanguageModel {
    final List<ChatRequest> requests = new ArrayList<>();
    private ChatListener listener;
    int closed;

    @Override public EngineInfo info() {
        return new EngineInfo("late", "test", new EngineCapabilities(Set.of("en"), true, false, false));
    }

    @Override public ChatStream open(ChatRequest request, ChatListener listener) {
        requests.add(request);
        this.listener = listener;
        return () -> closed++;
    }

    /** The latest request answers {@code deltas} and ends. */
    void answer(String... deltas) {
        for (String d : deltas) listener.text(d);
        listener.end(FinishReason.STOP, null);
    }
}
