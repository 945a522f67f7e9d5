package dev.timbre.voices.pvc;

import dev.timbre.audio.AudioFormatException;
import dev.timbre.audio.Wav;
import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import dev.timbre.storage.BlobStore;
import dev.timbre.voices.PremadeVoices;
import dev.timbre.voices.VoiceInput;
import dev.timbre.voices.VoiceRepository;
import dev.timbre.voices.VoiceResponse;
import dev.timbre.voices.VoiceSamples;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PVC voices and their samples: create and edit (a {@code voices} row of category {@code professional} speaking with
 * the main provider's first voice until trained, plus its {@code pvc_voices} row), samples (add, choose speakers and
 * trim, delete, training audio, waveform) and speaker separation (status, start, a speaker's audio). Separation and
 * training run in {@link PvcJobs}. Thread-safe.
 */
public final class PvcService {
    static final String CATEGORY = "professional";

    private final VoiceRepository voices;
    private final PvcRepository pvc;
    private final PvcLookup lookup;
    private final PremadeVoices premade;
    private final VoiceSamples samples;
    private final BlobStore blobs;
    private final PvcJobs jobs;
    private final String defaultProvider;

    PvcService(VoiceRepository voices, PvcRepository pvc, PremadeVoices premade, VoiceSamples samples, BlobStore blobs, PvcJobs jobs,
               String defaultProvider) {
        this.voices = voices;
        this.pvc = pvc;
        this.lookup = new PvcLookup(voices, premade);
        this.premade = premade;
        this.samples = samples;
        this.blobs = blobs;
        this.jobs = jobs;
        this.defaultProvider = defaultProvider;
    }

    PvcModels.VoiceId create(PvcModels.VoiceBody body) {
        PremadeVoices.Premade base = premade.first(defaultProvider).or(() -> premade.all().stream().findFirst())
                .orElseThrow(() -> ApiException.badRequest("no_base_voice", "No engine offers a voice to clone onto"));
        String voiceId = Ids.random();
        voices.insert(new VoiceRepository.StoredVoice(voiceId, body.name().trim(), body.description(),
                body.labels() == null ? Map.of() : body.labels(), CATEGORY, base.provider(), base.descriptor().id(),
                System.currentTimeMillis() / 1000), List.of());
        try {
            pvc.insertVoice(voiceId, body.language().trim());
        } catch (RuntimeException e) {
            voices.delete(voiceId);
            throw e;
        }
        return new PvcModels.VoiceId(voiceId);
    }

    /** Changes the fields given (null keeps). */
    PvcModels.VoiceId edit(String voiceId, PvcModels.VoiceBody body) {
        VoiceRepository.StoredVoice v = lookup.voice(voiceId);
        voices.update(voiceId, body.name() == null ? v.name() : body.name().trim(),
                body.description() == null ? v.description() : body.description(),
                body.labels() == null ? v.labels() : body.labels(), List.of());
        if (body.language() != null) pvc.language(voiceId, body.language().trim());
        return new PvcModels.VoiceId(voiceId);
    }

    /** Adds decodable WAV/MP3 samples (any that is not: 400, nothing stored). */
    List<VoiceResponse.Sample> addSamples(String voiceId, List<VoiceInput.Upload> files, boolean removeBackgroundNoise) {
        VoiceRepository.StoredVoice v = lookup.voice(voiceId);
        if (files.isEmpty()) throw ApiException.invalid("Field required", "missing", "body", "files");
        List<VoiceSamples.Checked> checked = samples.check(files);
        List<VoiceRepository.StoredSample> rows = samples.store(voiceId, checked, removeBackgroundNoise);
        try {
            voices.update(voiceId, v.name(), v.description(), v.labels(), rows);
            for (VoiceRepository.StoredSample s : rows) pvc.insertSample(s.sampleId(), voiceId);
        } catch (RuntimeException e) {
            samples.discard(rows);
            throw e;
        }
        return rows.stream().map(s -> new VoiceResponse.Sample(s.sampleId(), s.fileName(), s.mimeType(), s.sizeBytes(), s.hash(),
                s.durationSecs(), s.removeBackgroundNoise(), false, false, separation(s, pvc.sample(s.sampleId(), voiceId)), null, null))
                .toList();
    }

    /** Chooses the speakers and trim that training uses; null fields keep their value, an empty list clears the choice. */
    PvcModels.VoiceId updateSample(String voiceId, String sampleId, PvcModels.SampleBody body) {
        VoiceRepository.StoredSample s = lookup.sample(voiceId, sampleId);
        PvcRepository.SampleState state = pvc.sample(sampleId, voiceId);
        List<String> selected = body.selectedSpeakerIds() == null ? state.selectedSpeakerIds() : List.copyOf(body.selectedSpeakerIds());
        if (body.selectedSpeakerIds() != null && !body.selectedSpeakerIds().isEmpty()) {
            if (!PvcRepository.COMPLETED.equals(state.separationStatus())) {
                throw ApiException.badRequest("speaker_separation_not_completed", "Sample '" + sampleId + "' has no separated speakers "
                        + "(separation is " + state.separationStatus() + "); start it with POST …/separate-speakers.");
            }
            for (String id : body.selectedSpeakerIds()) {
                if (id == null || !state.speakers().containsKey(id)) {
                    throw ApiException.badRequest("speaker_not_found", "Sample '" + sampleId + "' has no speaker '" + id
                            + "'; its speakers are " + state.speakers().keySet() + ".");
                }
            }
        }
        Integer start = body.trimStartTime() == null ? state.trimStartMs() : body.trimStartTime();
        Integer end = body.trimEndTime() == null ? state.trimEndMs() : body.trimEndTime();
        if (start != null && start < 0) throw ApiException.invalid("Input should be greater than or equal to 0", "greater_than_equal", "body", "trim_start_time");
        if (end != null && end <= 0) throw ApiException.invalid("Input should be greater than 0", "greater_than", "body", "trim_end_time");
        if (start != null && end != null && start >= end) {
            throw ApiException.badRequest("invalid_trim", "trim_start_time (" + start + " ms) must be before trim_end_time (" + end + " ms).");
        }
        double ms = s.durationSecs() == null ? Double.MAX_VALUE : s.durationSecs() * 1000;
        if (start != null && start >= ms) {
            throw ApiException.badRequest("invalid_trim", "trim_start_time (" + start + " ms) is past the end of the sample (" + Math.round(ms) + " ms).");
        }
        pvc.choose(sampleId, selected, start, end);
        return new PvcModels.VoiceId(voiceId);
    }

    void deleteSample(String voiceId, String sampleId) {
        lookup.voice(voiceId);
        PvcRepository.SampleState state = pvc.findSample(sampleId).orElse(null);
        VoiceRepository.StoredSample s = voices.deleteSample(voiceId, sampleId).orElseThrow(() -> ApiException.notFound("sample_not_found",
                "Sample '" + sampleId + "' of voice '" + voiceId + "' was not found."));
        samples.discard(List.of(s));
        if (state != null && state.speakers() != null) state.speakers().values().forEach(sp -> deleteBlob(sp.blobKey()));
    }

    /** The sample as training hears it (selected speakers, trim), as WAV. */
    PvcModels.SampleAudio sampleAudio(String voiceId, String sampleId) {
        VoiceRepository.StoredSample s = lookup.sample(voiceId, sampleId);
        Wav.Decoded d = TrainingAudio.prepare(decoded(s), pvc.sample(sampleId, voiceId));
        return new PvcModels.SampleAudio(Base64.getEncoder().encodeToString(Wav.wrap(d.pcm(), d.format())), voiceId, sampleId,
                "audio/wav", d.format().seconds(d.pcm().length));
    }

    PvcModels.Waveform waveform(String voiceId, String sampleId) {
        return new PvcModels.Waveform(sampleId, TrainingAudio.waveform(decoded(lookup.sample(voiceId, sampleId))));
    }

    PvcModels.Separation speakers(String voiceId, String sampleId) {
        VoiceRepository.StoredSample s = lookup.sample(voiceId, sampleId);
        return separation(s, pvc.sample(sampleId, voiceId));
    }

    /** Starts speaker separation in the background (again, if it ran before). */
    PvcModels.Status separate(String voiceId, String sampleId) {
        lookup.sample(voiceId, sampleId);
        pvc.sample(sampleId, voiceId);
        jobs.separate(sampleId, pvc.queueSeparation(sampleId));
        return PvcModels.Status.OK;
    }

    PvcModels.SpeakerAudio speakerAudio(String voiceId, String sampleId, String speakerId) {
        lookup.sample(voiceId, sampleId);
        PvcRepository.SampleState state = pvc.sample(sampleId, voiceId);
        PvcRepository.StoredSpeaker sp = state.speakers() == null ? null : state.speakers().get(speakerId);
        byte[] wav = sp == null ? null : blob(sp.blobKey());
        if (wav == null) {
            throw ApiException.notFound("speaker_not_found", "Sample '" + sampleId + "' has no separated speaker '" + speakerId
                    + "' (separation is " + state.separationStatus() + ").");
        }
        return new PvcModels.SpeakerAudio(Base64.getEncoder().encodeToString(wav), "audio/wav", sp.durationSecs());
    }

    static PvcModels.Separation separation(VoiceRepository.StoredSample s, PvcRepository.SampleState state) {
        Map<String, PvcModels.Speaker> speakers = null;
        if (state.speakers() != null) {
            speakers = new LinkedHashMap<>();
            for (Map.Entry<String, PvcRepository.StoredSpeaker> e : state.speakers().entrySet()) {
                speakers.put(e.getKey(), new PvcModels.Speaker(e.getKey(), e.getValue().durationSecs(), e.getValue().utterances()));
            }
        }
        return new PvcModels.Separation(s.voiceId(), s.sampleId(), state.separationStatus(), speakers, state.selectedSpeakerIds());
    }

    private Wav.Decoded decoded(VoiceRepository.StoredSample s) {
        byte[] data = samples.audio(s).orElseThrow(() -> ApiException.notFound("sample_not_found",
                "The audio of sample '" + s.sampleId() + "' is missing."));
        try {
            return TrainingAudio.decode(data);
        } catch (AudioFormatException e) {
            if (e.kind() == AudioFormatException.Kind.BUSY) throw ApiException.busy(e.code(), "The server is busy decoding other audio; try again shortly.", 1);
            throw ApiException.badRequest("invalid_audio", "Sample '" + s.sampleId() + "' can no longer be decoded: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_audio", "Sample '" + s.sampleId() + "' can no longer be decoded: " + e.getMessage());
        }
    }

    private byte[] blob(String key) {
        try {
            return blobs.get(key).orElse(null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void deleteBlob(String key) {
        try {
            blobs.delete(key);
        } catch (IOException | RuntimeException ignored) {
            // best effort: the orphan sweep removes it at the next start
        }
    }
}
