package dev.timbre.voices;

import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The voices of this installation: premade voices from the engines plus instant clones stored in the database. A
 * clone speaks with the engine voice and {@link dev.timbre.engine.VoiceShape} that {@link VoiceFitting} fits to its
 * samples (refitted when {@code edit} adds samples). Settings of any voice may be stored.
 */
public final class VoicesService {
    private final VoiceRepository repository;
    private final PremadeVoices premade;
    private final VoiceSamples samples;
    private volatile ProfessionalVoices professional;
    private final VoiceFitting fitting;

    public VoicesService(VoiceRepository repository, PremadeVoices premade, VoiceSamples samples, VoiceFitting fitting) {
        this.repository = repository;
        this.premade = premade;
        this.samples = samples;
        this.fitting = fitting;
    }

    /** Where professional voices' fine-tuning and verification state come from (set once at start-up). */
    public void professional(ProfessionalVoices source) {
        this.professional = source;
    }

    /** The audio of one stored sample and its MIME type. */
    public record SampleAudio(String mimeType, byte[] data) {}

    /** Premade voices (default first, see {@code VoiceOrder}), then stored voices oldest first. */
    public List<VoiceResponse> list() {
        Map<String, VoiceSettings> settings = repository.allSettings();
        Map<String, List<VoiceRepository.StoredSample>> allSamples = repository.allSamples();
        List<VoiceResponse> out = new ArrayList<>();
        for (PremadeVoices.Premade p : premade.all()) out.add(premade.toResponse(p, settingsOf(settings, p.voiceId())));
        for (VoiceRepository.StoredVoice v : repository.list()) {
            out.add(toResponse(v, allSamples.getOrDefault(v.voiceId(), List.of()), settingsOf(settings, v.voiceId())));
        }
        return out;
    }

    public VoicePages.Page search(VoiceSearch query) {
        return query.apply(list());
    }

    public VoiceResponse get(String voiceId) {
        Optional<PremadeVoices.Premade> p = premade.find(voiceId);
        if (p.isPresent()) return premade.toResponse(p.get(), settings(voiceId));
        VoiceRepository.StoredVoice v = stored(voiceId);
        return toResponse(v, repository.samples(voiceId), settings(voiceId));
    }

    /** The engine voice and settings behind a voice id; 404 {@code voice_not_found} when there is none. */
    public ResolvedVoice resolve(String voiceId) {
        Optional<PremadeVoices.Premade> p = premade.find(voiceId);
        if (p.isPresent()) {
            return new ResolvedVoice(p.get().provider(), p.get().descriptor().id(), settings(voiceId), p.get().descriptor().name(), "premade");
        }
        VoiceRepository.StoredVoice v = stored(voiceId);
        return new ResolvedVoice(v.provider(), v.engineVoiceId(), settings(voiceId), v.name(), v.category(), v.shape());
    }

    public VoiceSettings defaultSettings() {
        return VoiceSettings.DEFAULT;
    }

    /** Stored settings of an existing voice, else the defaults. */
    public VoiceSettings settings(String voiceId) {
        return repository.settings(voiceId).orElse(VoiceSettings.DEFAULT);
    }

    public VoiceSettings settingsOfExisting(String voiceId) {
        requireExists(voiceId);
        return settings(voiceId);
    }

    /** Stores {@code changes} over the current settings; null fields keep their value. */
    public void editSettings(String voiceId, VoiceSettings changes) {
        changes.validate("body");
        requireExists(voiceId);
        repository.saveSettings(voiceId, changes.over(settings(voiceId)));
    }

    /** Creates an instant clone; every file must be audio, else nothing is stored. */
    public VoicePages.Added add(VoiceInput in) {
        if (in.files().isEmpty()) throw ApiException.invalid("Field required", "missing", "body", "files");
        List<VoiceSamples.Checked> checked = samples.check(in.files());
        VoiceFitting.Fit fit = fitting.fit(in.name(), checked.stream().map(VoiceSamples.Checked::data).toList(), in.removeBackgroundNoise());
        String voiceId = Ids.random();
        List<VoiceRepository.StoredSample> rows = samples.store(voiceId, checked, in.removeBackgroundNoise());
        try {
            repository.insert(new VoiceRepository.StoredVoice(voiceId, in.name(), in.description(),
                    in.labels() == null ? Map.of() : in.labels(), "cloned", fit.provider(), fit.engineVoiceId(),
                    System.currentTimeMillis() / 1000, fit.shape()), rows);
        } catch (RuntimeException e) {
            samples.discard(rows);
            fitting.forget(fit.provider(), fit.engineVoiceId());
            throw e;
        }
        return new VoicePages.Added(voiceId, false);
    }

    /**
     * Renames, redescribes and relabels a stored voice and adds the given files as samples; new samples refit the
     * voice to all its samples (a refusal, e.g. a second speaker, stores nothing).
     */
    public void edit(String voiceId, VoiceInput in) {
        if (premade.find(voiceId).isPresent()) {
            throw ApiException.badRequest("voice_not_editable", "Premade voice '" + voiceId + "' cannot be edited; only its settings can");
        }
        VoiceRepository.StoredVoice v = stored(voiceId);
        List<VoiceSamples.Checked> checked = samples.check(in.files());
        VoiceFitting.Fit fit = checked.isEmpty() ? null : refit(voiceId, checked, in.removeBackgroundNoise());
        List<VoiceRepository.StoredSample> rows = samples.store(voiceId, checked, in.removeBackgroundNoise());
        try {
            if (fit != null) repository.reshape(voiceId, fit.provider(), fit.engineVoiceId(), fit.shape());
            if (!repository.update(voiceId, in.name(), in.description(), in.labels() == null ? v.labels() : in.labels(), rows)) {
                throw notFound(voiceId);
            }
        } catch (RuntimeException e) {
            samples.discard(rows);
            if (fit != null) fitting.forget(fit.provider(), fit.engineVoiceId());
            throw e;
        }
        if (fit != null && !fit.engineVoiceId().equals(v.engineVoiceId())) fitting.forget(v.provider(), v.engineVoiceId());
    }

    private VoiceFitting.Fit refit(String voiceId, List<VoiceSamples.Checked> added, boolean removeBackgroundNoise) {
        List<byte[]> all = new ArrayList<>();
        for (VoiceRepository.StoredSample s : repository.samples(voiceId)) samples.audio(s).ifPresent(all::add);
        for (VoiceSamples.Checked c : added) all.add(c.data());
        return fitting.fit(repository.find(voiceId).map(VoiceRepository.StoredVoice::name).orElse(null), all, removeBackgroundNoise);
    }

    /** Deletes a stored voice with its samples and settings; premade voices are refused with a 400. */
    public void delete(String voiceId) {
        if (premade.find(voiceId).isPresent()) {
            throw ApiException.badRequest("voice_not_deletable", "Premade voice '" + voiceId + "' cannot be deleted");
        }
        VoiceRepository.StoredVoice v = stored(voiceId);
        samples.discard(repository.delete(voiceId).orElseThrow(() -> notFound(voiceId)));
        fitting.forget(v.provider(), v.engineVoiceId()); // a remote clone is deleted there too (best effort)
    }

    public SampleAudio sampleAudio(String voiceId, String sampleId) {
        stored(voiceId);
        VoiceRepository.StoredSample s = repository.sample(voiceId, sampleId).orElseThrow(() -> sampleNotFound(voiceId, sampleId));
        return samples.audio(s).map(data -> new SampleAudio(s.mimeType(), data)).orElseThrow(() -> sampleNotFound(voiceId, sampleId));
    }

    private VoiceRepository.StoredVoice stored(String voiceId) {
        return repository.find(voiceId).orElseThrow(() -> notFound(voiceId));
    }

    private void requireExists(String voiceId) {
        if (premade.find(voiceId).isEmpty()) stored(voiceId);
    }

    private VoiceResponse toResponse(VoiceRepository.StoredVoice v, List<VoiceRepository.StoredSample> rows, VoiceSettings settings) {
        ProfessionalVoices pvc = v.category().equals("professional") ? professional : null;
        List<VoiceResponse.Sample> list = rows.stream().map(s -> pvc != null ? pvc.sample(s) : new VoiceResponse.Sample(s.sampleId(),
                s.fileName(), s.mimeType(), s.sizeBytes(), s.hash(), s.durationSecs(), s.removeBackgroundNoise(), false, false, null,
                null, null)).toList();
        String language = v.labels().get("language");
        return new VoiceResponse(v.voiceId(), v.name(), list, v.category(),
                pvc == null ? VoiceResponse.FineTuning.none(language) : pvc.fineTuning(v), v.labels(),
                v.description(), null, List.of(), settings, null, premade.modelIds(v.provider()), List.of(), null,
                pvc == null ? VoiceResponse.Verification.notRequired(language) : pvc.verification(v), "admin", true, false, false,
                v.createdAtUnix());
    }

    private static VoiceSettings settingsOf(Map<String, VoiceSettings> stored, String voiceId) {
        return stored.getOrDefault(voiceId, VoiceSettings.DEFAULT);
    }

    static ApiException notFound(String voiceId) {
        return ApiException.notFound("voice_not_found", "A voice with the voice_id '" + voiceId + "' was not found. This "
                + "server has its own voices, not ElevenLabs' voice library: list them with GET /v2/voices (or GET /v1/voices).");
    }

    private static ApiException sampleNotFound(String voiceId, String sampleId) {
        return ApiException.notFound("sample_not_found", "Sample '" + sampleId + "' of voice '" + voiceId + "' was not found.");
    }

    /** Whether {@code key} ({@code voices/{voice}/samples/{sample}.{ext}}) is the audio of a stored sample; for the orphan sweep. */
    public boolean holdsBlob(String key) {
        String[] parts = key.split("/");
        if (parts.length != 4 || !parts[0].equals("voices") || !parts[2].equals("samples") || parts[3].lastIndexOf('.') <= 0) return false;
        String sampleId = parts[3].substring(0, parts[3].lastIndexOf('.'));
        return repository.sample(parts[1], sampleId).map(s -> s.blobKey().equals(key)).orElse(false);
    }
}
