package dev.timbre.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The environment's and flags' say on {@link LlmSettings}: the common one-provider case without a config file.
 * {@code TIMBRE_LLM_URL}, {@code TIMBRE_LLM_API_KEY}, {@code TIMBRE_LLM_MODEL}, {@code TIMBRE_LLM_KIND},
 * {@code TIMBRE_LLM_SERVES} (comma-separated globs, default {@code *}) and the flags {@code --llm-url},
 * {@code --llm-model}, {@code --llm-kind} (flags win) make one provider named {@code env} that is tried before those
 * of the file. {@code TIMBRE_LLM_CASCADE_TIMEOUT_SECONDS} sets the cascade's first-output timeout.
 */
final class LlmOverrides {
    private static final List<String> ENV = List.of("TIMBRE_LLM_URL", "TIMBRE_LLM_API_KEY", "TIMBRE_LLM_MODEL",
            "TIMBRE_LLM_KIND", "TIMBRE_LLM_SERVES");
    private static final List<String> FLAGS = List.of("llm-url", "llm-model", "llm-kind");

    private LlmOverrides() {}

    static LlmSettings apply(LlmSettings settings, Map<String, String> env, Map<String, String> flags) {
        LlmSettings s = settings;
        String timeout = env.get("TIMBRE_LLM_CASCADE_TIMEOUT_SECONDS");
        if (timeout != null && !timeout.isBlank()) {
            try {
                s = s.withCascadeTimeoutSeconds(Double.parseDouble(timeout.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("TIMBRE_LLM_CASCADE_TIMEOUT_SECONDS must be a number of seconds, got '" + timeout + "'");
            }
        }
        if (ENV.stream().noneMatch(env::containsKey) && FLAGS.stream().noneMatch(flags::containsKey)) return s;
        String serves = env.get("TIMBRE_LLM_SERVES");
        LlmProvider fromEnv = new LlmProvider("env",
                flags.getOrDefault("llm-kind", env.get("TIMBRE_LLM_KIND")),
                flags.getOrDefault("llm-url", env.get("TIMBRE_LLM_URL")),
                env.get("TIMBRE_LLM_API_KEY"),
                flags.getOrDefault("llm-model", env.get("TIMBRE_LLM_MODEL")),
                Map.of(),
                serves == null ? List.of() : Arrays.stream(serves.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList(),
                0);
        List<LlmProvider> providers = new ArrayList<>();
        providers.add(fromEnv);
        for (LlmProvider p : s.providers()) if (!p.name().equals("env")) providers.add(p);
        return s.withProviders(providers);
    }
}
