package dev.timbre.voices.pvc;

import dev.timbre.engine.SpeechToText;
import dev.timbre.jobs.Jobs;
import dev.timbre.storage.BlobStore;
import dev.timbre.voices.PremadeVoices;
import dev.timbre.voices.VoiceFitting;
import dev.timbre.voices.VoiceRepository;
import dev.timbre.voices.VoiceSamples;
import dev.timbre.voices.VoicesService;
import io.javalin.apibuilder.EndpointGroup;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Professional voice cloning assembled: the routes to mount at {@code /v1/voices/pvc}, the background work as durable
 * jobs on the shared {@link Jobs} (pending rows without a job scheduled by {@link #resumePending()} at start-up), and the blob ownership for the orphan sweep
 * ({@code pvc/…}). {@link #attach} makes {@code GET /v1/voices…} show PVC fine-tuning and verification.
 */
public final class ProfessionalCloning implements AutoCloseable {
    private final PvcRepository pvc;
    private final PvcJobs jobs;
    private final PvcRoutes routes;
    private final PvcFineTuning fineTuning;

    public ProfessionalCloning(Jdbi jdbi, VoiceRepository voices, PremadeVoices premade, VoiceSamples samples, BlobStore blobs,
                               VoiceFitting fitting, Supplier<SpeechToText> recogniser, String defaultProvider, long maxUploadBytes,
                               Jobs scheduler) {
        this.pvc = new PvcRepository(jdbi);
        PvcLookup lookup = new PvcLookup(voices, premade);
        this.jobs = new PvcJobs(voices, pvc, blobs, fitting, scheduler);
        this.fineTuning = new PvcFineTuning(pvc, lookup, voices, premade, jobs);
        this.routes = new PvcRoutes(new PvcService(voices, pvc, premade, samples, blobs, jobs, defaultProvider),
                new PvcVerification(pvc, lookup, voices, samples, blobs, recogniser), fineTuning, maxUploadBytes);
    }

    public EndpointGroup routes() {
        return routes;
    }

    /** Lets the voices API show PVC state. */
    public void attach(VoicesService voices) {
        voices.professional(fineTuning);
    }

    /** Schedules pending separations and trainings that have no job (on any node); returns how many. */
    public int resumePending() {
        return jobs.resumePending();
    }

    /** Whether {@code key} is a separated speaker's audio or a manual verification file of a stored voice. */
    public boolean holdsBlob(String key) {
        String[] p = key.split("/");
        if (p.length != 4 || !p[0].equals("pvc")) return false;
        if (p[2].equals("verification")) {
            return pvc.voice(p[1]).map(v -> v.manual() != null && v.manual().files().stream()
                    .anyMatch(f -> PvcVerification.manualKey(p[1], f.fileId()).equals(key))).orElse(false);
        }
        return pvc.findSample(p[2]).map(s -> s.speakers() != null && s.speakers().values().stream()
                .anyMatch(sp -> sp.blobKey().equals(key))).orElse(false);
    }

    @Override
    public void close() {
        jobs.close();
    }
}
