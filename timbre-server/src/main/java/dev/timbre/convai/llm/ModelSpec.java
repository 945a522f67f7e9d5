package dev.timbre.convai.llm;

import dev.timbre.config.LlmProvider;
import dev.timbre.engine.HttpTransport;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.anthropic.AnthropicLanguageModel;
import dev.timbre.engine.openai.OpenAiChatLanguageModel;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that makes one remote model distinct: the cache key of {@link ConfiguredLanguageModels}.
 *
 * @param kind {@link LlmProvider#OPENAI} or {@link LlmProvider#ANTHROPIC}
 * @param apiKey the resolved key (a secret's value for a custom LLM); null for none
 * @param model the model name sent; null lets a one-model server choose
 * @param headers resolved extra headers
 * @param timeoutSeconds response-header timeout; 0 for the engine's default
 * @param userUrl true for a URL a user supplied (an agent's {@code custom_llm}): sent under the outbound policy
 */
record ModelSpec(String kind, String url, String apiKey, String model, Map<String, String> headers, int timeoutSeconds,
                 boolean userUrl) {
    ModelSpec {
        headers = headers == null ? Map.of() : Map.copyOf(new TreeMap<>(headers));
    }

    /** The provider serving {@code llm}: its pinned model, else {@code llm} itself. */
    static ModelSpec of(LlmProvider p, String llm) {
        String model = p.model() != null ? p.model() : llm == null || llm.isBlank() ? null : llm;
        return new ModelSpec(p.kind(), p.url(), p.apiKey(), model, p.headers(), p.timeoutSeconds(), false);
    }

    /**
     * A new model; the caller owns it. Throws {@link IllegalArgumentException} for settings it cannot use.
     *
     * @param userTransport how requests to a {@link #userUrl} are sent; operator-configured providers use the engine's
     *        own client
     */
    LanguageModel build(HttpTransport userTransport) {
        HttpTransport transport = userUrl ? java.util.Objects.requireNonNull(userTransport, "userTransport") : null;
        Duration timeout = timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : null;
        if (kind.equals(LlmProvider.ANTHROPIC)) {
            if (model == null) throw new IllegalArgumentException("the anthropic provider needs a model name");
            return new AnthropicLanguageModel(url, apiKey, model, headers, timeout);
        }
        return new OpenAiChatLanguageModel(url, apiKey, model, headers, timeout, transport);
    }

    /** Without the key and header values. */
    @Override
    public String toString() {
        return (userUrl ? "custom " : "") + kind + " " + url + " model " + model + (apiKey == null ? "" : " key ***") + " headers " + headers.keySet();
    }
}
