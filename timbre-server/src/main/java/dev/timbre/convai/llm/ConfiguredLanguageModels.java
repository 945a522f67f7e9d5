package dev.timbre.convai.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.convai.tools.RequestHeaders;
import dev.timbre.engine.FallbackLanguageModel;
import dev.timbre.engine.HttpTransport;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.rules.RuleLanguageModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@link AgentLanguageModels}: an agent's prompt settings → a model.
 * <ul>
 *   <li>{@code llm: custom-llm} → an OpenAI-compatible chat-completions model at {@code custom_llm.url}
 *       ({@code model_id}, {@code api_key} from the workspace secrets, {@code request_headers}); {@code api_version}
 *       and {@code api_type} are not used (chat completions only);</li>
 *   <li>otherwise the first configured provider whose {@code serves} pattern matches {@code llm}, asked for {@code llm}
 *       as the model name unless the provider pins one;</li>
 *   <li>nothing matches → the built-in {@link RuleLanguageModel} (scripted replies, not an AI).</li>
 * </ul>
 * Backups ({@code backup_llm_config}): {@code disabled} → none; {@code override} → each {@code order} value resolved as
 * above (values no provider serves are skipped); {@code default} → the other configured providers that pin a model
 * (or serve {@code llm}, behind a custom LLM). With backups the result is a {@link FallbackLanguageModel} whose
 * first-output timeout is the agent's {@code cascade_timeout_seconds} (clamped to 1–60 s), else the configured one.
 * A model that cannot be built (missing secret, no URL) reports a clear non-retryable error on every request.
 *
 * The custom LLM's URL is user-supplied: it is reached through the outbound policy ({@code dev.timbre.outbound}),
 * never the engines' own clients.
 *
 * <p>Thread-safe. Models are cached per distinct configuration (resolved secret values included) and owned here:
 * callers never close them; {@link #close} closes them all at shutdown.
 */
public final class ConfiguredLanguageModels implements AgentLanguageModels, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredLanguageModels.class);

    private final LlmSettings settings;
    private final Function<String, String> secretValue;
    private final HttpTransport customTransport;
    private final LanguageModel rules = new RuleLanguageModel();
    private final Map<ModelSpec, LanguageModel> models = new ConcurrentHashMap<>();
    private final Map<List<Object>, LanguageModel> cascades = new ConcurrentHashMap<>();
    private final Set<String> unserved = ConcurrentHashMap.newKeySet();

    /**
     * @param secretValue a workspace secret's value by id ({@code SecretsService::value}); throws when there is none
     * @param customTransport how an agent's {@code custom_llm.url} is reached (the outbound policy); the configured
     *        providers are trusted and use the engines' own clients
     */
    public ConfiguredLanguageModels(LlmSettings settings, Function<String, String> secretValue, HttpTransport customTransport) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.secretValue = Objects.requireNonNull(secretValue, "secretValue");
        this.customTransport = Objects.requireNonNull(customTransport, "customTransport");
    }

    @Override
    public LanguageModel forPrompt(JsonNode prompt) {
        return forPrompt(prompt, Map.of());
    }

    @Override
    public LanguageModel forPrompt(JsonNode prompt, Map<String, Object> dynamicVariables) {
        LlmPrompt p = LlmPrompt.of(prompt);
        Map<String, Object> vars = dynamicVariables == null ? Map.of() : dynamicVariables;
        LanguageModel primary = resolve(p.llm(), p, vars);
        if (primary == null) {
            if (!settings.providers().isEmpty() && unserved.add(p.llm())) {
                LOG.warn("no configured LLM provider serves llm '{}': the built-in rule model (not an AI) answers", p.llm());
            }
            return rules;
        }
        List<LanguageModel> chain = new ArrayList<>();
        chain.add(primary);
        for (LanguageModel backup : backups(p, vars)) if (!chain.contains(backup)) chain.add(backup);
        if (chain.size() == 1) return primary;
        double seconds = p.cascadeTimeoutSeconds() != null ? Math.max(1, Math.min(60, p.cascadeTimeoutSeconds()))
                : settings.cascadeTimeoutSeconds();
        Duration timeout = Duration.ofMillis(Math.round(seconds * 1000));
        return cascades.computeIfAbsent(List.of(List.copyOf(chain), timeout), k -> new FallbackLanguageModel(chain, timeout));
    }

    /** The model for one {@code llm} value; null when no provider serves it. */
    private LanguageModel resolve(String llm, LlmPrompt p, Map<String, Object> vars) {
        if (LlmPrompt.CUSTOM_LLM.equals(llm)) return customLlm(p.customLlm(), vars);
        LlmProvider provider = settings.providerFor(llm);
        return provider == null ? null : model(provider, llm);
    }

    private List<LanguageModel> backups(LlmPrompt p, Map<String, Object> vars) {
        List<LanguageModel> out = new ArrayList<>();
        switch (p.backupPreference()) {
            case "disabled" -> { }
            case "override" -> {
                for (String llm : p.backupOrder()) {
                    LanguageModel m = resolve(llm, p, vars);
                    if (m != null) out.add(m);
                }
            }
            default -> {
                LlmProvider primary = LlmPrompt.CUSTOM_LLM.equals(p.llm()) ? null : settings.providerFor(p.llm());
                for (LlmProvider other : settings.providers()) {
                    if (other == primary) continue;
                    if (other.model() != null || other.kind().equals(LlmProvider.RULES)) out.add(model(other, p.llm()));
                    else if (primary == null && other.serves(p.llm())) out.add(model(other, p.llm()));
                }
            }
        }
        return out;
    }

    private LanguageModel model(LlmProvider provider, String llm) {
        if (provider.kind().equals(LlmProvider.RULES)) return rules;
        return cached(ModelSpec.of(provider, llm));
    }

    private LanguageModel customLlm(JsonNode custom, Map<String, Object> vars) {
        String url = custom.path("url").asText("").strip();
        if (url.isEmpty()) return new UnavailableLanguageModel("the agent's llm is custom-llm but custom_llm.url is not set");
        try {
            String key = custom.path("api_key").path("secret_id").isTextual()
                    ? RequestHeaders.secret(secretValue, custom.path("api_key").path("secret_id").asText(), "custom LLM's api_key")
                    : null;
            RequestHeaders headers = RequestHeaders.resolve(custom.path("request_headers"), secretValue, vars);
            String model = custom.path("model_id").isTextual() ? custom.path("model_id").asText() : null;
            return cached(new ModelSpec(LlmProvider.OPENAI, url, key, model, headers.values(), 0, true));
        } catch (IllegalArgumentException e) {
            return new UnavailableLanguageModel("custom LLM: " + e.getMessage());
        }
    }

    private LanguageModel cached(ModelSpec spec) {
        LanguageModel existing = models.get(spec);
        if (existing != null) return existing;
        try {
            return models.computeIfAbsent(spec, s -> {
                LOG.info("LLM model for agents: {}", s);
                return s.build(customTransport);
            });
        } catch (IllegalArgumentException e) {
            return new UnavailableLanguageModel("LLM " + spec + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        for (LanguageModel m : models.values()) {
            try {
                m.close();
            } catch (RuntimeException e) {
                LOG.warn("closing LLM model {} failed", m.info().description(), e);
            }
        }
        models.clear();
        cascades.clear();
    }
}
