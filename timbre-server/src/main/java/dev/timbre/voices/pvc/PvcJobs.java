package dev.timbre.voices.pvc;

import dev.timbre.audio.Wav;
import dev.timbre.jobs.JobKind;
import dev.timbre.jobs.Jobs;
import dev.timbre.jobs.Retries;
import dev.timbre.speechtotext.diarize.Diarizer;
import dev.timbre.storage.BlobStore;
import dev.timbre.voices.VoiceFitting;
import dev.timbre.voices.VoiceRepository;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work of PVC as durable jobs ({@code dev.timbre.jobs}): speaker separation of a sample (kind
 * {@value #SEPARATION_KIND}, job id the sample id) and training of a voice for a model (kind {@value #TRAINING_KIND},
 * job id {@code voice/model}). Each is claimed by one node, kept alive by its heartbeat and taken over by another node
 * when that one dies. Both are rows first (pending / queued), and each run counts an attempt in its row before it
 * starts and does nothing for a row no longer pending; a job whose {@value #MAX_ATTEMPTS} attempts all ended without a
 * result (its node died or stopped) is marked failed instead of revived forever. {@link #resumePending()} (at start-up
 * and every cluster sweep) only schedules pending rows that have no job (a stop between the row and its job, or a
 * re-queue that found the previous job still running); it never runs another
 * node's live work again. Concurrency: the shared scheduler's threads ({@code TIMBRE_JOB_THREADS} per node); fitting
 * and diarizing are thread-safe, so no kind is held to one at a time. Training: each sample's training audio
 * ({@link TrainingAudio}) goes to {@link VoiceFitting#fit}, and the fit becomes the voice's engine voice and shape
 * ({@link VoiceRepository#reshape}). Thread-safe.
 */
final class PvcJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PvcJobs.class);
    static final int MAX_ATTEMPTS = 3;
    static final String SEPARATION_KIND = "pvc-separation", TRAINING_KIND = "pvc-training";
    /** How long a re-queue waits for the previous job of the same row to be removed. */
    private static final Duration REQUEUE_WAIT = Duration.ofSeconds(2);

    /** A separation job's data. */
    record SeparationJob(String sampleId) {}

    /** A training job's data. */
    record TrainingJob(String voiceId, String modelId) {}

    private final VoiceRepository voices;
    private final PvcRepository pvc;
    private final BlobStore blobs;
    private final VoiceFitting fitting;
    private final JobKind<SeparationJob> separations;
    private final JobKind<TrainingJob> trainings;

    PvcJobs(VoiceRepository voices, PvcRepository pvc, BlobStore blobs, VoiceFitting fitting, Jobs jobs) {
        this.voices = voices;
        this.pvc = pvc;
        this.blobs = blobs;
        this.fitting = fitting;
        // one attempt more than the row allows: the row's count decides, the last job attempt only records the give-up
        Retries retries = new Retries(MAX_ATTEMPTS + 1, Duration.ofSeconds(5));
        this.separations = jobs.register(SEPARATION_KIND, SeparationJob.class, retries, (id, job) -> {
            runSeparation(job.sampleId());
            if (Thread.currentThread().isInterrupted() && separationPending(job.sampleId())) throw new InterruptedException("stopping");
        }, (id, job, cause) -> {
            if (separationPending(job.sampleId())) pvc.finishSeparation(job.sampleId(), PvcRepository.FAILED, null);
        });
        this.trainings = jobs.register(TRAINING_KIND, TrainingJob.class, retries, (id, job) -> {
            runTraining(job.voiceId(), job.modelId());
            if (Thread.currentThread().isInterrupted() && trainingPending(job.voiceId(), job.modelId())) throw new InterruptedException("stopping");
        }, (id, job, cause) -> {
            if (trainingPending(job.voiceId(), job.modelId())) {
                pvc.progress(job.voiceId(), job.modelId(), PvcRepository.FAILED, 0, "Fine-tuning failed: " + (cause == null ? "gave up" : cause.getMessage()), now());
            }
        });
    }

    /**
     * Schedules the training of a queued row. {@code fresh}: {@link PvcRepository#queue} just queued it, so a job of
     * that id still there is the previous training finishing, waited for briefly; else one already queued or running
     * keeps its job (scheduling is idempotent).
     */
    void train(String voiceId, String modelId, boolean fresh) {
        String id = trainingId(voiceId, modelId);
        TrainingJob job = new TrainingJob(voiceId, modelId);
        if (fresh) trainings.scheduleAgain(id, job, REQUEUE_WAIT);
        else trainings.schedule(id, job);
    }

    /** Schedules the separation of a pending sample; {@code fresh} as for {@link #train}, from {@link PvcRepository#queueSeparation}. */
    void separate(String sampleId, boolean fresh) {
        if (fresh) separations.scheduleAgain(sampleId, new SeparationJob(sampleId), REQUEUE_WAIT);
        else separations.schedule(sampleId, new SeparationJob(sampleId));
    }

    /**
     * Schedules every pending separation and training that has no job (scheduled or running on any node); returns how
     * many it scheduled. Idempotent: a row's job id is its key.
     */
    int resumePending() {
        int n = 0;
        for (PvcRepository.SampleState s : pvc.pendingSeparations()) n += separations.schedule(s.sampleId(), new SeparationJob(s.sampleId())) ? 1 : 0;
        for (PvcRepository.Training t : pvc.pendingTrainings()) {
            n += trainings.schedule(trainingId(t.voiceId(), t.modelId()), new TrainingJob(t.voiceId(), t.modelId())) ? 1 : 0;
        }
        if (n > 0) log.info("scheduled {} pending PVC jobs", n);
        return n;
    }

    static String trainingId(String voiceId, String modelId) {
        return voiceId + "/" + modelId;
    }

    private boolean separationPending(String sampleId) {
        return pvc.findSample(sampleId).map(s -> s.separationStatus().equals(PvcRepository.PENDING)).orElse(false);
    }

    private boolean trainingPending(String voiceId, String modelId) {
        return pvc.training(voiceId, modelId).map(t -> t.state().equals(PvcRepository.QUEUED) || t.state().equals(PvcRepository.FINE_TUNING))
                .orElse(false);
    }

    void runTraining(String voiceId, String modelId) {
        int attempt = pvc.startTraining(voiceId, modelId, now());
        if (attempt < 0) return;
        if (attempt > MAX_ATTEMPTS) {
            pvc.progress(voiceId, modelId, PvcRepository.FAILED, 0, "Fine-tuning gave up after " + (attempt - 1) + " interrupted attempts.", now());
            return;
        }
        try {
            List<VoiceRepository.StoredSample> rows = voices.samples(voiceId);
            if (rows.isEmpty()) throw new IllegalStateException("the voice has no samples");
            List<byte[]> audio = new ArrayList<>();
            double seconds = 0;
            for (int i = 0; i < rows.size(); i++) {
                VoiceRepository.StoredSample s = rows.get(i);
                byte[] stored = blobs.get(s.blobKey()).orElseThrow(() -> new IllegalStateException("the audio of sample " + s.sampleId() + " is missing"));
                Wav.Decoded d = TrainingAudio.prepare(TrainingAudio.decode(stored), pvc.sample(s.sampleId(), voiceId));
                if (d.pcm().length > 0) audio.add(Wav.wrap(d.pcm(), d.format()));
                seconds += d.format().seconds(d.pcm().length);
                pvc.progress(voiceId, modelId, PvcRepository.FINE_TUNING, 0.1 + 0.6 * (i + 1) / rows.size(),
                        "Prepared " + (i + 1) + " of " + rows.size() + " samples.", now());
            }
            if (audio.isEmpty()) throw new IllegalStateException("the samples hold no audio after trimming and speaker selection");
            // samples added with remove_background_noise go through the noise gate before the voice is measured
            boolean denoise = rows.stream().anyMatch(VoiceRepository.StoredSample::removeBackgroundNoise);
            VoiceFitting.Fit fit = fitting.fit(voices.find(voiceId).map(VoiceRepository.StoredVoice::name).orElse(null), audio, denoise);
            VoiceRepository.StoredVoice before = voices.find(voiceId).orElse(null);
            if (before == null || !voices.reshape(voiceId, fit.provider(), fit.engineVoiceId(), fit.shape())) {
                fitting.forget(fit.provider(), fit.engineVoiceId()); // deleted meanwhile: a remote clone goes too
                return;
            }
            if (!before.engineVoiceId().equals(fit.engineVoiceId())) fitting.forget(before.provider(), before.engineVoiceId());
            pvc.progress(voiceId, modelId, PvcRepository.FINE_TUNED, 1.0, String.format(java.util.Locale.ROOT,
                    "Fine-tuned on %d samples (%.1f s of audio).", audio.size(), seconds), now());
        } catch (IOException | RuntimeException e) {
            log.warn("PVC training of voice {} for {} failed: {}", voiceId, modelId, e.toString());
            pvc.progress(voiceId, modelId, PvcRepository.FAILED, 0, "Fine-tuning failed: " + e.getMessage(), now());
        }
    }

    void runSeparation(String sampleId) {
        int attempt = pvc.startSeparation(sampleId);
        if (attempt < 0) return;
        PvcRepository.SampleState state = pvc.findSample(sampleId).orElseThrow();
        if (attempt > MAX_ATTEMPTS) {
            pvc.finishSeparation(sampleId, PvcRepository.FAILED, null);
            return;
        }
        try {
            VoiceRepository.StoredSample s = voices.sample(state.voiceId(), sampleId).orElse(null);
            if (s == null) return; // deleted meanwhile
            Wav.Decoded d = TrainingAudio.decode(blobs.get(s.blobKey()).orElseThrow(() -> new IllegalStateException("sample audio missing")));
            List<Diarizer.Turn> turns = Diarizer.diarize(d.pcm(), d.format(), null, null);
            Map<String, List<PvcModels.Utterance>> bySpeaker = new LinkedHashMap<>();
            for (Diarizer.Turn t : turns) {
                bySpeaker.computeIfAbsent("speaker_" + t.speaker(), k -> new ArrayList<>()).add(new PvcModels.Utterance(t.start(), t.end()));
            }
            Map<String, PvcRepository.StoredSpeaker> speakers = new LinkedHashMap<>();
            for (Map.Entry<String, List<PvcModels.Utterance>> e : bySpeaker.entrySet()) {
                byte[] pcm = TrainingAudio.cut(d.pcm(), d.format(), e.getValue());
                String key = "pvc/" + state.voiceId() + "/" + sampleId + "/" + e.getKey() + ".wav";
                blobs.put(key, Wav.wrap(pcm, d.format()));
                speakers.put(e.getKey(), new PvcRepository.StoredSpeaker(d.format().seconds(pcm.length), e.getValue(), key));
            }
            if (state.speakers() != null) {
                for (PvcRepository.StoredSpeaker old : state.speakers().values()) {
                    if (speakers.values().stream().noneMatch(n -> n.blobKey().equals(old.blobKey()))) blobs.delete(old.blobKey());
                }
            }
            pvc.finishSeparation(sampleId, PvcRepository.COMPLETED, speakers);
        } catch (IOException | RuntimeException e) {
            log.warn("speaker separation of sample {} failed: {}", sampleId, e.toString());
            pvc.finishSeparation(sampleId, PvcRepository.FAILED, null);
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    /** Nothing to stop: the jobs are the shared scheduler's, which {@code Timbre} closes. */
    @Override
    public void close() {
    }
}
