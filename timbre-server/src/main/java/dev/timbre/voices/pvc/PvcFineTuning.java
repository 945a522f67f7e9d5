package dev.timbre.voices.pvc;

import dev.timbre.http.ApiException;
import dev.timbre.voices.PremadeVoices;
import dev.timbre.voices.ProfessionalVoices;
import dev.timbre.voices.VoiceRepository;
import dev.timbre.voices.VoiceResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST …/train} (a job per model, see {@link PvcJobs}) and what a PVC voice shows in {@code VoiceResponseModel}:
 * {@code fine_tuning.state} per model ({@code not_started} for every model the voice's engine serves, then
 * {@code queued → fine_tuning → fine_tuned} or {@code failed}), {@code progress} (0..1) and {@code message} per model
 * trained, the dataset's duration, the verification attempts; {@code voice_verification}. Training needs samples
 * (400 {@code no_samples}) and a verified voice (400 {@code voice_not_verified}). Thread-safe.
 */
final class PvcFineTuning implements ProfessionalVoices {
    private final PvcRepository pvc;
    private final PvcLookup lookup;
    private final VoiceRepository voices;
    private final PremadeVoices premade;
    private final PvcJobs jobs;

    PvcFineTuning(PvcRepository pvc, PvcLookup lookup, VoiceRepository voices, PremadeVoices premade, PvcJobs jobs) {
        this.pvc = pvc;
        this.lookup = lookup;
        this.voices = voices;
        this.premade = premade;
        this.jobs = jobs;
    }

    /** @param modelId null: the first model the voice's engine serves */
    PvcModels.Status train(String voiceId, String modelId) {
        VoiceRepository.StoredVoice v = lookup.voice(voiceId);
        List<String> models = premade.modelIds(v.provider());
        String model = modelId == null || modelId.isBlank() ? models.stream().findFirst().orElse("eleven_multilingual_v2") : modelId;
        if (modelId != null && !models.contains(model)) {
            throw ApiException.badRequest("model_not_found", "A model with model ID " + model + " does not exist or cannot speak this voice; "
                    + "models for it: " + models + ".");
        }
        if (voices.samples(voiceId).isEmpty()) {
            throw ApiException.badRequest("no_samples", "Voice '" + voiceId + "' has no samples to train on; add some with POST "
                    + "/v1/voices/pvc/" + voiceId + "/samples.");
        }
        if (!pvc.voice(voiceId).map(PvcRepository.PvcVoice::verified).orElse(false)) {
            throw ApiException.badRequest("voice_not_verified", "Voice '" + voiceId + "' is not verified; read the captcha from GET "
                    + "/v1/voices/pvc/" + voiceId + "/captcha and send the recording to POST …/captcha before training.");
        }
        jobs.train(voiceId, model, pvc.queue(voiceId, model, System.currentTimeMillis()));
        return PvcModels.Status.OK;
    }

    @Override
    public VoiceResponse.FineTuning fineTuning(VoiceRepository.StoredVoice v) {
        PvcRepository.PvcVoice p = pvc.voice(v.voiceId()).orElse(null);
        Map<String, String> state = new LinkedHashMap<>();
        Map<String, Double> progress = new LinkedHashMap<>();
        Map<String, String> message = new LinkedHashMap<>();
        for (String m : premade.modelIds(v.provider())) state.put(m, PvcRepository.NOT_STARTED);
        for (PvcRepository.Training t : pvc.trainings(v.voiceId())) {
            state.put(t.modelId(), t.state());
            progress.put(t.modelId(), t.progress());
            if (t.message() != null) message.put(t.modelId(), t.message());
        }
        double seconds = voices.samples(v.voiceId()).stream().mapToDouble(s -> s.durationSecs() == null ? 0 : s.durationSecs()).sum();
        List<PvcModels.VerificationAttempt> attempts = p == null ? List.of() : p.attempts();
        return new VoiceResponse.FineTuning(p != null && p.verified(), state, failures(attempts), attempts.size(),
                p != null && p.manual() != null, p == null ? null : p.language(), progress, message, seconds,
                List.copyOf(attempts), null, p == null ? null : p.manual(), PvcVerification.MAX_ATTEMPTS, null);
    }

    @Override
    public VoiceResponse.Verification verification(VoiceRepository.StoredVoice v) {
        PvcRepository.PvcVoice p = pvc.voice(v.voiceId()).orElse(null);
        List<PvcModels.VerificationAttempt> attempts = p == null ? List.of() : p.attempts();
        boolean verified = p != null && p.verified();
        return new VoiceResponse.Verification(!verified, verified, failures(attempts), attempts.size(),
                p == null ? null : p.language(), List.copyOf(attempts));
    }

    @Override
    public VoiceResponse.Sample sample(VoiceRepository.StoredSample s) {
        PvcRepository.SampleState state = pvc.findSample(s.sampleId()).orElse(null);
        return new VoiceResponse.Sample(s.sampleId(), s.fileName(), s.mimeType(), s.sizeBytes(), s.hash(), s.durationSecs(),
                s.removeBackgroundNoise(), false, false, state == null ? null : PvcService.separation(s, state),
                state == null ? null : state.trimStartMs(), state == null ? null : state.trimEndMs());
    }

    private static List<String> failures(List<PvcModels.VerificationAttempt> attempts) {
        return attempts.stream().filter(a -> !a.accepted()).map(a -> String.format(java.util.Locale.ROOT,
                "captcha attempt at %d refused: %d words off, speaker similarity %.2f", a.dateUnix(), (int) a.levenshteinDistance(),
                a.similarity())).toList();
    }
}
