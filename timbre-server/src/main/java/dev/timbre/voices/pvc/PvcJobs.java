package dev.timbre.voices.pvc;

import dev.timbre.audio.Wav;
import dev.timbre.common.WorkerPools;
import dev.timbre.speechtotext.diarize.Diarizer;
import dev.timbre.storage.BlobStore;
import dev.timbre.voices.VoiceFitting;
import dev.timbre.voices.VoiceRepository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work of PVC on one worker thread ({@code pvc-jobs}): speaker separation of a sample and training of a
 * voice for a model. Both are rows first (pending / queued), so {@link #resumePending()} at start-up requeues what a
 * stop interrupted; each run counts an attempt in its row before it starts, and a job whose {@value #MAX_ATTEMPTS}
 * attempts all ended without a result is marked failed instead of retried at every start. A job runs at most once at a
 * time in this process. Training: each sample's training audio ({@link TrainingAudio}) goes to
 * {@link VoiceFitting#fit}, and the fit becomes the voice's engine voice and shape ({@link VoiceRepository#reshape}).
 */
final class PvcJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PvcJobs.class);
    static final int MAX_ATTEMPTS = 3;

    private final VoiceRepository voices;
    private final PvcRepository pvc;
    private final BlobStore blobs;
    private final VoiceFitting fitting;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(WorkerPools.daemon("pvc-jobs"));
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    PvcJobs(VoiceRepository voices, PvcRepository pvc, BlobStore blobs, VoiceFitting fitting) {
        this.voices = voices;
        this.pvc = pvc;
        this.blobs = blobs;
        this.fitting = fitting;
    }

    void train(String voiceId, String modelId) {
        submit("train:" + voiceId + ":" + modelId, () -> runTraining(voiceId, modelId));
    }

    void separate(String sampleId) {
        submit("separate:" + sampleId, () -> runSeparation(sampleId));
    }

    /** Requeues every pending separation and training; returns how many it queued. */
    int resumePending() {
        int n = 0;
        for (PvcRepository.SampleState s : pvc.pendingSeparations()) n += submit("separate:" + s.sampleId(), () -> runSeparation(s.sampleId())) ? 1 : 0;
        for (PvcRepository.Training t : pvc.pendingTrainings()) {
            n += submit("train:" + t.voiceId() + ":" + t.modelId(), () -> runTraining(t.voiceId(), t.modelId())) ? 1 : 0;
        }
        if (n > 0) log.info("resumed {} pending PVC jobs", n);
        return n;
    }

    private boolean submit(String key, Runnable job) {
        if (!queued.add(key)) return false;
        try {
            worker.submit(() -> {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    log.warn("PVC job {} failed", key, e);
                } finally {
                    queued.remove(key);
                }
            });
            return true;
        } catch (RuntimeException e) {
            queued.remove(key);
            throw e;
        }
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

    @Override
    public void close() {
        WorkerPools.stop(worker);
    }
}
