package dev.timbre.engines;

import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.fake.ToneTextToSpeech;
import dev.timbre.engine.marytts.MaryTextToSpeech;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
            "fake", ToneTextToSpeech::new);

    private final CompletableFuture<Map<String, TextToSpeech>> textToSpeech;

    private EngineCatalog(CompletableFuture<Map<String, TextToSpeech>> textToSpeech) {
        this.textToSpeech = textToSpeech;
    }

    public static Set<String> textToSpeechProviders() {
        return TEXT_TO_SPEECH.keySet();
    }

    /** Starts loading the named TTS providers on a background thread. */
    public static EngineCatalog load(List<String> ttsProviders) {
        for (String p : ttsProviders) {
            if (!TEXT_TO_SPEECH.containsKey(p)) throw new IllegalArgumentException("unknown TTS engine '" + p + "'; known: " + TEXT_TO_SPEECH.keySet());
        }
        CompletableFuture<Map<String, TextToSpeech>> tts = CompletableFuture.supplyAsync(() -> {
            Map<String, TextToSpeech> loaded = new LinkedHashMap<>();
            for (String p : ttsProviders) {
                long t0 = System.nanoTime();
                loaded.put(p, TEXT_TO_SPEECH.get(p).get());
                log.info("loaded TTS engine {} in {} ms", p, (System.nanoTime() - t0) / 1_000_000);
            }
            return Map.copyOf(loaded);
        }, r -> {
            Thread t = new Thread(r, "engine-loader");
            t.setDaemon(true);
            t.start();
        });
        return new EngineCatalog(tts);
    }

    public boolean ready() {
        return textToSpeech.isDone() && !textToSpeech.isCompletedExceptionally();
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
    }

    @Override
    public void close() {
        if (ready()) textToSpeech.join().values().forEach(TextToSpeech::close);
    }
}
