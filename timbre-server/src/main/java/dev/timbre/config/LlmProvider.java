package dev.timbre.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One language-model server agents may use.
 *
 * @param name how logs name it; defaults to the kind
 * @param kind {@code openai} (any OpenAI-compatible {@code /v1/chat/completions}: OpenAI, vLLM, Ollama, LocalAI…),
 *        {@code anthropic} (the Messages API) or {@code rules} (the built-in rule model, not an AI)
 * @param url the server's base URL, e.g. {@code http://localhost:11434/v1}; null for {@code anthropic} means
 *        {@code https://api.anthropic.com}
 * @param apiKey sent as {@code Authorization: Bearer} (openai) or {@code x-api-key} (anthropic); null sends none
 * @param model pins the model name sent; null sends the agent's {@code llm} value (e.g. {@code gpt-4o-mini})
 * @param headers extra request headers
 * @param serves which agent {@code llm} values it serves: exact names or globs with {@code *} ({@code gpt-*},
 *        {@code claude-*}, {@code *}); default {@code *}
 * @param timeoutSeconds how long to wait for the response headers; 0 means the engine's default (60 s)
 */
public record LlmProvider(String name, String kind, String url, String apiKey, String model, Map<String, String> headers,
                          @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> serves,
                          int timeoutSeconds) {
    public static final String OPENAI = "openai";
    public static final String ANTHROPIC = "anthropic";
    public static final String RULES = "rules";

    public LlmProvider {
        kind = kind == null || kind.isBlank() ? OPENAI : kind.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals(OPENAI) && !kind.equals(ANTHROPIC) && !kind.equals(RULES)) {
            throw new IllegalArgumentException("LLM provider kind must be openai, anthropic or rules, got '" + kind + "'");
        }
        name = name == null || name.isBlank() ? kind : name.strip();
        url = url == null || url.isBlank() ? null : url.strip();
        if (url == null && kind.equals(OPENAI)) throw new IllegalArgumentException("LLM provider '" + name + "' needs a url");
        if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("LLM provider '" + name + "' url must start with http:// or https://, got '" + url + "'");
        }
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        model = model == null || model.isBlank() ? null : model.strip();
        headers = headers == null ? Map.of() : Map.copyOf(new TreeMap<>(headers));
        serves = serves == null || serves.isEmpty() ? List.of("*") : List.copyOf(serves);
        timeoutSeconds = Math.max(0, timeoutSeconds);
    }

    /** Whether an agent whose {@code llm} is {@code llm} (null counts as empty) is served by this provider. */
    public boolean serves(String llm) {
        String value = llm == null ? "" : llm;
        for (String pattern : serves) if (matches(pattern.strip(), value)) return true;
        return false;
    }

    static boolean matches(String glob, String value) {
        return value.matches(globRegex(glob));
    }

    private static String globRegex(String glob) {
        String[] parts = glob.split("\\*", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) b.append(".*");
            if (!parts[i].isEmpty()) b.append(java.util.regex.Pattern.quote(parts[i]));
        }
        return b.toString();
    }

    /** Without the key, header values and the URL's user info and query, so that a logged configuration leaks nothing. */
    @Override
    public String toString() {
        return name + "[" + kind + (url == null ? "" : " " + java.util.Objects.requireNonNullElse(dev.timbre.common.Redaction.url(url), "(unparsable URL)")) + (model == null ? "" : " model " + model)
                + " serves " + String.join(",", serves) + (apiKey == null ? "" : " key ***")
                + (headers.isEmpty() ? "" : " headers " + headers.keySet()) + "]";
    }
}
