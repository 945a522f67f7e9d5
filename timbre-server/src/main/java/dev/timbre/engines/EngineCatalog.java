package dev.timbre.engines;

import dev.timbre.config.RemoteSpeechToText;
import dev.timbre.config.Nodes;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.fake.FakeSpeechToText;
import dev.timbre.engine.sphinx.PocketsphinxSpeechToText;
import dev.timbre.engine.sphinx.Sphinx4SpeechToText;
import dev.timbre.engine.fake.ToneTextToSpeech;
import dev.timbre.engine.marytts.MaryTextToSpeech;
import dev.timbre.engine.process.EspeakTextToSpeech;
import dev.timbre.engine.process.FliteTextToSpeech;
import dev.timbre.engine.remote.OpenAiTranscriptionSpeechToText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The explicit list of engine providers and the engines loaded from it. Engines load in the background after
 * start-up; callers that need one wait for loading to finish. Closing it closes every loaded engine.
 */
public final class EngineCatalog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineCatalog.class);

    /** Every text-to-speech provider Timbre knows, by provider id. */
    private static final Map<String, Supplier<TextToSpeech>> TEXT_TO_SPEECH = Map.of(
            "marytts", MaryTextToSpeech::new,
            "fake", ToneTextToSpeech::new,
            EspeakTextToSpeech.PROVIDER, EspeakTextToSpeech::new,
            FliteTextToSpeech.PROVIDER, FliteTextToSpeech::new);

    /**
     * Every speech-to-text provider Timbre knows, by provider id, made from the remote server's settings (which only
     * {@code openai} reads). {@code none} loads none.
     */
    private static final Map<String, Function<RemoteSpeechToText, SpeechToText>> SPEECH_TO_TEXT = Map.of(
            "pocketsphinx", remote -> new PocketsphinxSpeechToText(),
            "sphinx4", remote -> new Sphinx4SpeechToText(),
            OpenAiTranscriptionSpeechToText.PROVIDER, remote -> remoteSpeechToText(remote, Nodes.DEFAULT.healthMillis()),
            FakeSpeechToText.PROVIDER, remote -> new FakeSpeechToText());

    /** Providers that need an installed program, with the check that it is there: what {@code auto} extras load. */
    private static final Map<String, BooleanSupplier> INSTALLED = new LinkedHashMap<>();

    static {
        INSTALLED.put(EspeakTextToSpeech.PROVIDER, EspeakTextToSpeech::available);
        INSTALLED.put(FliteTextToSpeech.PROVIDER, FliteTextToSpeech::available);
    }

    private final CompletableFuture<Map<String, TextToSpeech>> textToSpeech;

    private volatile CompletableFuture<Map<String, SpeechToText>> speechToText = CompletableFuture.completedFuture(Map.of());

    /** What loading found, per engine: {@code tts:<provider>} / {@code stt:<provider>} → load time or failure. */
    private final Map<String, Loading> loading;

    /**
     * How loading one engine went (for the server status page): milliseconds it took, or why it failed (the
     * exception's class and message; engines' messages name settings, never keys).
     */
    public record Loading(Long millis, String failure) {}

    private EngineCatalog(CompletableFuture<Map<String, TextToSpeech>> textToSpeech, Map<String, Loading> loading) {
        this.textToSpeech = textToSpeech;
        this.loading = loading;
    }

    /** How loading the {@code tts} or {@code stt} engine {@code provider} went; null when it was not tried (yet). */
    public Loading loading(String kind, String provider) {
        return loading.get(kind + ":" + provider);
    }

    public static Set<String> speechToTextProviders() {
        return SPEECH_TO_TEXT.keySet();
    }

    /**
     * Starts loading the named speech-to-text provider in the background ({@code none}: none; {@code auto}: pocketsphinx
     * when installed, else sphinx4). A provider that fails
     * to load is logged; the speech-to-text endpoints then answer 503. Returns this catalog.
     */
    public EngineCatalog loadSpeechToText(String configured) {
        return loadSpeechToText(configured, null);
    }

    /**
     * {@link #loadSpeechToText(String)} with the remote server the {@code openai} provider calls; a missing or bad
     * URL for it fails here, at start-up.
     */
    public EngineCatalog loadSpeechToText(String configured, RemoteSpeechToText remote) {
        return loadSpeechToText(configured, remote, Nodes.DEFAULT.healthMillis());
    }

    /**
     * {@link #loadSpeechToText(String, RemoteSpeechToText)}; a comma-separated URL list makes the
     * {@code openai} provider {@link EngineNodesSpeechToText}, its nodes health-checked every {@code healthMillis}.
     */
    public EngineCatalog loadSpeechToText(String configured, RemoteSpeechToText remote, long healthMillis) {
        if (configured == null || configured.equals("none")) return this;
        String provider = configured.equals("auto") ? (PocketsphinxSpeechToText.available() ? "pocketsphinx" : "sphinx4") : configured;
        if (configured.equals("auto")) {
            log.info("speech to text: {}{}", provider, provider.equals("sphinx4")
                    ? " (pocketsphinx is not installed: apt-get install libpocketsphinx3 pocketsphinx-en-us for faster recognition)" : "");
        }
        if (!SPEECH_TO_TEXT.containsKey(provider)) {
            throw new IllegalArgumentException("unknown STT engine '" + provider + "'; known: " + SPEECH_TO_TEXT.keySet() + " or none");
        }
        // the remote client is made now (no network), so that missing or bad settings stop the start
        SpeechToText eager = provider.equals(OpenAiTranscriptionSpeechToText.PROVIDER) ? remoteSpeechToText(remote, healthMillis) : null;
        speechToText = CompletableFuture.supplyAsync(() -> {
            try {
                long t0 = System.nanoTime();
                SpeechToText engine = eager != null ? eager : SPEECH_TO_TEXT.get(provider).apply(remote);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                log.info("loaded STT engine {} in {} ms", provider, ms);
                loading.put("stt:" + provider, new Loading(ms, null));
                return Map.of(provider, engine);
            } catch (RuntimeException | LinkageError e) {
                log.warn("STT engine {} not loaded: {}", provider, e.toString());
                loading.put("stt:" + provider, new Loading(null, e.toString()));
                return Map.<String, SpeechToText>of();
            }
        }, r -> {
            Thread t = new Thread(r, "stt-engine-loader");
            t.setDaemon(true);
            t.start();
        });
        return this;
    }

    private static SpeechToText remoteSpeechToText(RemoteSpeechToText remote, long healthMillis) {
        if (remote == null || remote.url() == null) {
            throw new IllegalArgumentException("STT engine 'openai' needs the server's URL: engines.remote_speech_to_text.url "
                    + "in the config file or TIMBRE_STT_URL, e.g. http://gpu-host:8000");
        }
        if (EngineNodes.isRouteList(remote.url())) {
            EngineNodesSpeechToText nodes = EngineNodesSpeechToText.of(remote.url(), u -> new OpenAiTranscriptionSpeechToText(u,
                    remote.apiKey(), remote.model(), Duration.ofSeconds(remote.timeoutSeconds())), healthMillis);
            log.info("speech to text: {} (model {} unless a request names one)", nodes.info().description(), remote.model());
            return nodes;
        }
        OpenAiTranscriptionSpeechToText engine = new OpenAiTranscriptionSpeechToText(remote.url(), remote.apiKey(), remote.model(),
                Duration.ofSeconds(remote.timeoutSeconds()));
        log.info("speech to text: openai-compatible server {} (model {})", engine.endpoint(), remote.model());
        return engine;
    }

    /** Loaded speech-to-text engines by provider id (empty when none is configured); waits up to a minute for loading. */
    public Map<String, SpeechToText> speechToText() {
        try {
            return speechToText.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for engines", e);
        } catch (ExecutionException | TimeoutException e) {
            return Map.of();
        }
    }

    public static Set<String> textToSpeechProviders() {
        return TEXT_TO_SPEECH.keySet();
    }

    /**
     * Starts loading what {@code config.engines()} names: the TTS engine, then the extras, the remote providers among
     * them ({@link RemoteSpeechProviders}: their character timings come from this catalog's STT engine's forced
     * alignment; engine-node routers fall back to its local TTS engines), and the STT engine.
     */
    public static EngineCatalog configured(TimbreConfig config) {
        var engines = config.engines();
        AtomicReference<EngineCatalog> loaded = new AtomicReference<>();
        List<String> named = new ArrayList<>(engines.extraTextToSpeech());
        named.add(engines.textToSpeech());
        Map<String, Supplier<TextToSpeech>> remote = RemoteSpeechProviders.providers(named, engines.remoteTextToSpeech(),
                config.network().outboundAllow(), config.dataDir(),
                () -> Optional.ofNullable(loaded.get()).flatMap(c -> c.speechToText().values().stream().findFirst()),
                engines.nodes().healthMillis(), () -> loaded.get().textToSpeech());
        EngineCatalog catalog = load(List.of(engines.textToSpeech()), engines.extraTextToSpeech(), remote)
                .loadSpeechToText(engines.speechToText(), engines.remoteSpeechToText(), engines.nodes().healthMillis());
        loaded.set(catalog);
        return catalog;
    }

    /** Starts loading the named TTS providers on a background thread. */
    public static EngineCatalog load(List<String> ttsProviders) {
        return load(ttsProviders, List.of());
    }

    /**
     * Starts loading the {@code required} TTS providers, then the {@code extra} ones, on a background thread. An extra
     * provider that fails to load is logged and skipped. {@code auto} among the extras stands for every installed
     * optional engine ({@code espeak-ng}, {@code flite}), except when the first required engine is {@code fake};
     * {@code none} is ignored.
     */
    public static EngineCatalog load(List<String> required, List<String> extra) {
        return load(TEXT_TO_SPEECH, INSTALLED, required, extra);
    }

    /**
     * {@link #load(List, List)} with further providers made from the configuration (the remote ones,
     * {@link RemoteSpeechProviders}); they are made on the loader thread.
     */
    public static EngineCatalog load(List<String> required, List<String> extra, Map<String, Supplier<TextToSpeech>> configured) {
        Map<String, Supplier<TextToSpeech>> all = new LinkedHashMap<>(TEXT_TO_SPEECH);
        all.putAll(configured);
        return load(all, INSTALLED, required, extra);
    }

    static EngineCatalog load(Map<String, Supplier<TextToSpeech>> providers, Map<String, BooleanSupplier> installed,
                              List<String> required, List<String> extra) {
        for (String p : concat(required, extra)) {
            if (!p.equals("auto") && !p.equals("none") && !providers.containsKey(p)) {
                throw new IllegalArgumentException("unknown TTS engine '" + p + "'; known: " + providers.keySet());
            }
        }
        boolean auto = extra.contains("auto") && !(required.isEmpty() || required.get(0).equals("fake"));
        Map<String, Loading> loading = new java.util.concurrent.ConcurrentHashMap<>();
        CompletableFuture<Map<String, TextToSpeech>> tts = CompletableFuture.supplyAsync(() -> {
            Map<String, TextToSpeech> loaded = new LinkedHashMap<>();
            for (String p : required) {
                try {
                    loaded.put(p, timed(p, providers, loading));
                } catch (RuntimeException | LinkageError e) {
                    loading.put("tts:" + p, new Loading(null, e.toString()));
                    throw e;
                }
            }
            List<String> extras = new ArrayList<>(extra);
            if (auto) installed.forEach((p, check) -> { if (check.getAsBoolean()) extras.add(p); });
            for (String p : extras) {
                if (p.equals("auto") || p.equals("none") || loaded.containsKey(p)) continue;
                try {
                    loaded.put(p, timed(p, providers, loading));
                } catch (RuntimeException | LinkageError e) {
                    log.warn("optional TTS engine {} not loaded: {}", p, e.toString());
                    loading.put("tts:" + p, new Loading(null, e.toString()));
                }
            }
            return Collections.unmodifiableMap(loaded);
        }, r -> {
            Thread t = new Thread(r, "engine-loader");
            t.setDaemon(true);
            t.start();
        });
        return new EngineCatalog(tts, loading);
    }

    private static TextToSpeech timed(String provider, Map<String, Supplier<TextToSpeech>> providers, Map<String, Loading> loading) {
        long t0 = System.nanoTime();
        TextToSpeech engine = providers.get(provider).get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        log.info("loaded TTS engine {} in {} ms", provider, ms);
        loading.put("tts:" + provider, new Loading(ms, null));
        return engine;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    public boolean ready() {
        return textToSpeech.isDone() && !textToSpeech.isCompletedExceptionally();
    }

    /** Whether loading the speech-to-text engine has finished (loaded, failed or none configured); never waits. */
    public boolean speechToTextSettled() {
        return speechToText.isDone();
    }

    public boolean failed() {
        return textToSpeech.isCompletedExceptionally();
    }

    /** Loaded TTS engines by provider id; waits up to a minute for loading. */
    public Map<String, TextToSpeech> textToSpeech() {
        try {
            return textToSpeech.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for engines", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("engines failed to load: " + e.getMessage(), e);
        }
    }

    public void awaitReady(long timeoutMs) throws Exception {
        textToSpeech.get(timeoutMs, TimeUnit.MILLISECONDS);
        speechToText.get(timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (ready()) textToSpeech.join().values().forEach(TextToSpeech::close);
        if (speechToText.isDone() && !speechToText.isCompletedExceptionally()) speechToText.join().values().forEach(SpeechToText::close);
    }
}
