package dev.timbre.dubbing;

import dev.timbre.http.Json;
import dev.timbre.storage.BlobStore;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a dub through its stages, each stage's result stored (rows, and blobs under {@code dubbing/{id}/}) before the
 * stage is recorded in {@code dubbings.stage}; a run starts after the last recorded stage, so a dub interrupted by a
 * restart resumes there (and spoken segments are not spoken again). A run is counted before it starts; after
 * {@link #MAX_ATTEMPTS} runs that never finished (the process died each time) the dub is marked failed. A
 * {@link DubbingFailure} marks it failed with its message; an interruption leaves it {@code dubbing} for the next start.
 * One run per dub at a time (the caller, {@link DubbingRuns}, sees to it); blocks its thread for the whole dub.
 */
final class DubbingPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(DubbingPipeline.class);
    static final int MAX_ATTEMPTS = 3;

    /** The stages in order; a dub's {@code stage} is the last one finished. */
    enum Stage {
        CREATED, EXTRACTED, SEPARATED, TRANSCRIBED, TRANSLATED, VOICED, SPOKEN, RENDERED;

        String key() { return name().toLowerCase(Locale.ROOT); }

        static Stage of(String key) { return valueOf(key.toUpperCase(Locale.ROOT)); }
    }

    private final DubbingRepository dubs;
    private final DubbingStages stages;

    DubbingPipeline(DubbingRepository dubs, DubbingStages stages) {
        this.dubs = dubs;
        this.stages = stages;
    }

    void run(String id) throws InterruptedException {
        int attempt = dubs.startAttempt(id);
        if (attempt < 0) return; // deleted, or finished meanwhile
        if (attempt > MAX_ATTEMPTS) {
            LOG.warn("dub {} gave up after {} runs that did not finish", id, attempt - 1);
            dubs.finish(id, Dubbing.FAILED, "dubbing failed: gave up after " + (attempt - 1) + " attempts");
            return;
        }
        long started = System.nanoTime();
        try {
            for (Optional<Dubbing> d = dubs.find(id); d.isPresent(); d = dubs.find(id)) {
                Stage at = Stage.of(d.get().stage());
                if (at == Stage.RENDERED) {
                    dubs.finish(id, Dubbing.DUBBED, null);
                    LOG.info("dub {} finished in {} ms", id, (System.nanoTime() - started) / 1_000_000);
                    return;
                }
                Stage next = Stage.values()[at.ordinal() + 1];
                long t0 = System.nanoTime();
                String language = stages.run(next, d.get(), Json.MAPPER.readValue(d.get().options(), DubbingOptions.class));
                LOG.info("dub {}: {} in {} ms", id, next.key(), (System.nanoTime() - t0) / 1_000_000);
                if (!dubs.stage(id, next.key(), language)) return; // deleted meanwhile
            }
        } catch (DubbingFailure e) {
            LOG.info("dub {} failed: {}", id, e.getMessage());
            dubs.finish(id, Dubbing.FAILED, e.getMessage());
        } catch (IOException e) {
            LOG.warn("dub {}: storage failed", id, e);
            dubs.finish(id, Dubbing.FAILED, "dubbing failed: the server could not store its work");
        } catch (RuntimeException e) {
            LOG.warn("dub {} failed", id, e);
            dubs.finish(id, Dubbing.FAILED, "dubbing failed: internal error");
        }
    }

    /** Every blob key a dub may hold, for deleting it: its uploads, its stage files and, per language, segments and renders. */
    static List<String> keys(String id, List<String> languages, List<String> segmentIds) {
        List<String> keys = new java.util.ArrayList<>(List.of(DubbingStages.key(id, "source.bin"), DubbingStages.key(id, "audio.pcm"),
                DubbingStages.key(id, "speech.pcm"), DubbingStages.key(id, "background.pcm"), DubbingStages.key(id, DubbingStages.CSV),
                DubbingStages.key(id, DubbingStages.FOREGROUND), DubbingStages.key(id, DubbingStages.BACKGROUND)));
        for (String l : languages) {
            for (String s : segmentIds) keys.add(DubbingStages.key(id, l + "/" + s + ".pcm"));
            keys.add(DubbingStages.key(id, l + "/dub.mp3"));
            keys.add(DubbingStages.key(id, l + "/dub.mp4"));
            keys.add(DubbingStages.key(id, l + "/dub.wav"));
        }
        return keys;
    }

    static void deleteAll(BlobStore blobs, List<String> keys) {
        for (String k : keys) {
            try {
                blobs.delete(k);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("could not delete blob {}: {}", k, e.toString());
            }
        }
    }
}
