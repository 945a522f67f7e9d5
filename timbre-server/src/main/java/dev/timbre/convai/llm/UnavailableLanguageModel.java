package dev.timbre.convai.llm;

import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.LanguageModel;
import java.util.Set;

/**
 * A model that cannot be built from an agent's settings (a missing secret, no URL…): every request ends at once with
 * a non-retryable {@link EngineException} carrying {@code reason}, reported on the caller's thread. In a cascade the
 * next model takes over. Equal by reason, so cascades that contain one can be cached.
 */
record UnavailableLanguageModel(String reason) implements LanguageModel {
    @Override
    public EngineInfo info() {
        return new EngineInfo("unavailable", reason, new EngineCapabilities(Set.of(), true, false, false));
    }

    @Override
    public ChatStream open(ChatRequest request, ChatListener listener) {
        listener.error(new EngineException(reason, null, false));
        return () -> {};
    }
}
