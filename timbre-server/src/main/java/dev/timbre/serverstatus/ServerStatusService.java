package dev.timbre.serverstatus;

import dev.timbre.common.Redaction;
import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.db.Database;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engines.EngineCatalog;
import dev.timbre.engines.TextEmbeddings;
import dev.timbre.engines.VoiceActivityDetectors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds {@link EnginesStatus} from what the server already holds. Never waits for engines still loading and never
 * loads the embedding engine; the only outside work is {@link ProviderProbe}'s bounded, cached TCP connects to the
 * configured LLM servers. Thread-safe.
 */
public final class ServerStatusService {
    private final EngineCatalog engines;
    private final List<String> configuredTextToSpeech;
    private final String configuredSpeechToText;
    private final VoiceActivityDetectors voiceActivity;
    private final TextEmbeddings embeddings;
    private final boolean remoteEmbeddings;
    private final LlmSettings llm;
    private final Database database;
    private final ProviderProbe probe;

    /**
     * @param configuredTextToSpeech the default TTS engine first, then the extra ones as configured ({@code auto}
     *        and {@code none} are ignored)
     * @param configuredSpeechToText the STT setting ({@code none}, {@code auto} or a provider id)
     */
    public ServerStatusService(EngineCatalog engines, List<String> configuredTextToSpeech, String configuredSpeechToText,
                               VoiceActivityDetectors voiceActivity, TextEmbeddings embeddings, boolean remoteEmbeddings,
                               LlmSettings llm, Database database) {
        this(engines, configuredTextToSpeech, configuredSpeechToText, voiceActivity, embeddings, remoteEmbeddings, llm, database,
                new ProviderProbe());
    }

    ServerStatusService(EngineCatalog engines, List<String> configuredTextToSpeech, String configuredSpeechToText,
                        VoiceActivityDetectors voiceActivity, TextEmbeddings embeddings, boolean remoteEmbeddings,
                        LlmSettings llm, Database database, ProviderProbe probe) {
        this.engines = engines;
        this.configuredTextToSpeech = List.copyOf(configuredTextToSpeech);
        this.configuredSpeechToText = configuredSpeechToText;
        this.voiceActivity = voiceActivity;
        this.embeddings = embeddings;
        this.remoteEmbeddings = remoteEmbeddings;
        this.llm = llm;
        this.database = database;
        this.probe = probe;
    }

    public EnginesStatus engines() {
        boolean db = database.healthy();
        // the same figures and order as GET /health (health.HealthRoutes)
        String status = engines.failed() ? "engines_failed" : !engines.ready() ? "loading" : !db ? "database_unavailable" : "ok";
        return new EnginesStatus(status, db, textToSpeech(), speechToText(),
                new EnginesStatus.VoiceActivity(voiceActivity.kind(), voiceActivity.kind().equals("silero")
                        ? "Silero VAD v5 (ONNX)" : "energy detector (Silero could not run here)", true),
                new EnginesStatus.Embeddings(embeddings.configuredModelId(), remoteEmbeddings ? "remote" : "in_process", embeddings.loaded()),
                languageModels());
    }

    private List<EnginesStatus.Engine> textToSpeech() {
        String preferred = configuredTextToSpeech.isEmpty() ? null : configuredTextToSpeech.get(0);
        List<EnginesStatus.Engine> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (engines.ready()) {
            for (Map.Entry<String, TextToSpeech> e : engines.textToSpeech().entrySet()) {
                seen.add(e.getKey());
                out.add(loadedTts(e.getKey(), e.getValue(), e.getKey().equals(preferred)));
            }
        }
        for (String name : configuredTextToSpeech) {
            if (name.equals("auto") || name.equals("none") || !seen.add(name)) continue;
            EngineCatalog.Loading l = engines.loading("tts", name);
            boolean failed = engines.failed() || (l != null && l.failure() != null);
            // an extra engine that is absent once loading is over was skipped or failed
            if (!failed && engines.ready()) failed = true;
            out.add(new EnginesStatus.Engine(name, null, name.equals(preferred), failed ? "failed" : "loading", false, null, null,
                    failed ? Redaction.text(l != null && l.failure() != null ? l.failure() : "not loaded") : null));
        }
        return out;
    }

    private EnginesStatus.Engine loadedTts(String name, TextToSpeech engine, boolean isDefault) {
        EngineCatalog.Loading l = engines.loading("tts", name);
        Integer voices = null;
        String error = null;
        try {
            voices = engine.voices().size();
        } catch (RuntimeException e) {
            error = Redaction.text(e.toString());
        }
        return new EnginesStatus.Engine(name, description(() -> engine.info().description()), isDefault, "loaded",
                voices != null && voices > 0, voices, l == null ? null : l.millis(), error);
    }

    private List<EnginesStatus.Engine> speechToText() {
        if (configuredSpeechToText == null || configuredSpeechToText.equals("none")) return List.of();
        if (!engines.speechToTextSettled()) {
            return List.of(new EnginesStatus.Engine(configuredSpeechToText, null, true, "loading", false, null, null, null));
        }
        Map<String, SpeechToText> loaded = engines.speechToText();
        if (loaded.isEmpty()) {
            String name = configuredSpeechToText;
            EngineCatalog.Loading l = null;
            for (String p : EngineCatalog.speechToTextProviders()) {
                EngineCatalog.Loading candidate = engines.loading("stt", p);
                if (candidate != null) { name = p; l = candidate; }
            }
            return List.of(new EnginesStatus.Engine(name, null, true, "failed", false, null, null,
                    Redaction.text(l != null && l.failure() != null ? l.failure() : "not loaded")));
        }
        List<EnginesStatus.Engine> out = new ArrayList<>();
        loaded.forEach((name, engine) -> {
            EngineCatalog.Loading l = engines.loading("stt", name);
            out.add(new EnginesStatus.Engine(name, description(() -> engine.info().description()), true, "loaded", true, null,
                    l == null ? null : l.millis(), null));
        });
        return out;
    }

    private List<EnginesStatus.LanguageModel> languageModels() {
        List<String> urls = llm.providers().stream().map(p -> effectiveUrl(p)).filter(Objects::nonNull).distinct().toList();
        Map<String, ProviderProbe.Result> reach = urls.isEmpty() ? Map.of() : probe.probe(urls);
        List<EnginesStatus.LanguageModel> out = new ArrayList<>();
        for (LlmProvider p : llm.providers()) {
            if (p.kind().equals(LlmProvider.RULES)) {
                out.add(new EnginesStatus.LanguageModel(p.name(), p.kind(), null, null, p.serves(), true, true, null, null));
                continue;
            }
            String url = effectiveUrl(p);
            ProviderProbe.Result r = url == null ? new ProviderProbe.Result(false, null, "no URL") : reach.get(url);
            out.add(new EnginesStatus.LanguageModel(p.name(), p.kind(), Redaction.url(url), p.model(), p.serves(), false,
                    r != null && r.reachable(), r == null ? null : r.latencyMs(), r == null ? null : Redaction.text(r.error())));
        }
        out.add(new EnginesStatus.LanguageModel("rules", LlmProvider.RULES, null, null,
                List.of(llm.providers().isEmpty() ? "*" : "(whatever no provider above serves)"), true, true, null, null));
        return out;
    }

    /** The URL connections go to: the configured one, or Anthropic's own for an {@code anthropic} provider without one. */
    private static String effectiveUrl(LlmProvider p) {
        if (p.url() != null) return p.url();
        return p.kind().equals(LlmProvider.ANTHROPIC) ? "https://api.anthropic.com" : null;
    }

    private static String description(java.util.function.Supplier<String> d) {
        try {
            return Redaction.text(d.get());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
