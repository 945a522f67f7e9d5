package dev.timbre.voices.pvc;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.common.Ids;
import dev.timbre.engine.SpeechToText;
import dev.timbre.http.ApiException;
import dev.timbre.http.MultipartForm;
import dev.timbre.storage.BlobStore;
import dev.timbre.voices.VoiceInput;
import dev.timbre.voices.VoiceRepository;
import dev.timbre.voices.VoiceSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Verification of a PVC voice. Captcha: {@code GET} hands out a text (kept until a recording is accepted); {@code POST}
 * takes a recording of it, which must decode, be heard by the speech-to-text engine as that text ({@link Captcha}: word
 * error rate at most 35 %) and sound like the voice's samples ({@link PitchProfile}: pitch median and spread). Every
 * attempt is recorded; an accepted one verifies the voice; after {@value #MAX_ATTEMPTS} refused attempts no more are
 * taken. Manual verification stores the files and the note and is shown in {@code fine_tuning.manual_verification}; no
 * one reviews it here, so it does not verify the voice by itself. Recognition runs on the request's thread.
 */
final class PvcVerification {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PvcVerification.class);
    static final int MAX_ATTEMPTS = 10;

    private final PvcRepository pvc;
    private final PvcLookup lookup;
    private final VoiceRepository voices;
    private final VoiceSamples samples;
    private final BlobStore blobs;
    private final Supplier<SpeechToText> recogniser;
    private final SecureRandom random = new SecureRandom();

    PvcVerification(PvcRepository pvc, PvcLookup lookup, VoiceRepository voices, VoiceSamples samples, BlobStore blobs,
                    Supplier<SpeechToText> recogniser) {
        this.pvc = pvc;
        this.lookup = lookup;
        this.voices = voices;
        this.samples = samples;
        this.blobs = blobs;
        this.recogniser = recogniser;
    }

    PvcModels.Captcha captcha(String voiceId) {
        lookup.voice(voiceId);
        String text = Captcha.next(random);
        pvc.captcha(voiceId, text);
        return new PvcModels.Captcha(text, "Read the text aloud in the voice of the samples and send the recording as 'recording' "
                + "(multipart/form-data) to POST /v1/voices/pvc/" + voiceId + "/captcha.");
    }

    PvcModels.Status verify(String voiceId, VoiceInput.Upload recording) {
        lookup.voice(voiceId);
        PvcRepository.PvcVoice state = pvc.voice(voiceId).orElseThrow(() -> ApiException.badRequest("voice_not_professional",
                "Voice '" + voiceId + "' has no PVC state; create it with POST /v1/voices/pvc."));
        if (state.verified()) return PvcModels.Status.OK;
        if (state.captchaText() == null) {
            throw ApiException.badRequest("captcha_not_requested", "No captcha was handed out for voice '" + voiceId
                    + "'; get one with GET /v1/voices/pvc/" + voiceId + "/captcha and read it aloud.");
        }
        if (state.attempts().stream().filter(a -> !a.accepted()).count() >= MAX_ATTEMPTS) {
            throw ApiException.badRequest("verification_attempts_exceeded", "Voice '" + voiceId + "' had " + MAX_ATTEMPTS
                    + " refused captcha attempts; request manual verification instead.");
        }
        List<VoiceRepository.StoredSample> rows = voices.samples(voiceId);
        if (rows.isEmpty()) {
            throw ApiException.badRequest("no_samples", "Voice '" + voiceId + "' has no samples to compare the recording with; add samples first.");
        }
        VoiceSamples.Checked checked = samples.check(List.of(recording)).get(0);
        Wav.Decoded heard = TrainingAudio.decode(checked.data());
        SpeechToText stt = recogniser.get();
        byte[] pcm16 = Pcm.resample(heard.pcm(), heard.format().sampleRate(), 16000);
        String text = stt.transcribe(pcm16, new PcmFormat(16000), state.language().length() == 2 ? state.language() : "en").text();
        int distance = Captcha.distance(state.captchaText(), text);
        double wer = Captcha.wordErrorRate(state.captchaText(), text);
        PitchProfile voice = PitchProfile.of(trainingAudio(voiceId, rows)), reader = PitchProfile.of(List.of(heard));
        boolean words = wer <= Captcha.MAX_WORD_ERROR_RATE, speaker = reader.sameSpeaker(voice);
        log.info("captcha attempt for voice {}: WER {} ({} words off); pitch {} Hz, spread {} st vs the samples' {} Hz, {} st",
                voiceId, Math.round(wer * 100) / 100.0, distance, Math.round(reader.medianHz()), Math.round(reader.rangeSemitones() * 10) / 10.0,
                Math.round(voice.medianHz()), Math.round(voice.rangeSemitones() * 10) / 10.0);
        pvc.attempt(voiceId, new PvcModels.VerificationAttempt(state.captchaText(), System.currentTimeMillis() / 1000,
                words && speaker, Math.round(reader.similarity(voice) * 1000) / 1000.0, distance, null));
        if (!words) {
            throw ApiException.badRequest("captcha_mismatch", String.format(Locale.ROOT, "The recording does not read the captcha text: "
                    + "heard \"%s\", expected \"%s\" (word error rate %.0f %%, at most %.0f %% allowed).", text, state.captchaText(),
                    100 * wer, 100 * Captcha.MAX_WORD_ERROR_RATE));
        }
        if (!speaker) {
            throw ApiException.badRequest("speaker_mismatch", String.format(Locale.ROOT, "The recording's speaker does not match the "
                    + "voice's samples: median pitch %.0f Hz and spread %.1f semitones vs %.0f Hz and %.1f semitones.",
                    reader.medianHz(), reader.rangeSemitones(), voice.medianHz(), voice.rangeSemitones()));
        }
        return PvcModels.Status.OK;
    }

    private List<Wav.Decoded> trainingAudio(String voiceId, List<VoiceRepository.StoredSample> rows) {
        List<Wav.Decoded> out = new ArrayList<>();
        for (VoiceRepository.StoredSample s : rows) {
            samples.audio(s).ifPresent(data -> out.add(TrainingAudio.prepare(TrainingAudio.decode(data), pvc.sample(s.sampleId(), voiceId))));
        }
        return out;
    }

    /** Stores the files (any type, as sent) and the note; shown in {@code fine_tuning.manual_verification}. */
    PvcModels.Status requestManual(String voiceId, List<MultipartForm.File> files, String extraText) {
        lookup.voice(voiceId);
        if (files.isEmpty()) throw ApiException.invalid("Field required", "missing", "body", "files");
        long now = System.currentTimeMillis() / 1000;
        List<PvcModels.ManualFile> stored = new ArrayList<>();
        List<String> written = new ArrayList<>();
        try {
            for (MultipartForm.File f : files) {
                String fileId = Ids.random(), key = manualKey(voiceId, fileId);
                blobs.put(key, f.data());
                written.add(key);
                stored.add(new PvcModels.ManualFile(fileId, f.filename() == null ? "file" : f.filename(),
                        f.contentType() == null ? "application/octet-stream" : f.contentType(), f.data().length, now));
            }
            pvc.manual(voiceId, new PvcModels.ManualVerification(extraText == null ? "" : extraText, now, stored));
        } catch (IOException | RuntimeException e) {
            for (String k : written) deleteQuietly(k);
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            throw (RuntimeException) e;
        }
        return PvcModels.Status.OK;
    }

    static String manualKey(String voiceId, String fileId) {
        return "pvc/" + voiceId + "/verification/" + fileId;
    }

    private void deleteQuietly(String key) {
        try {
            blobs.delete(key);
        } catch (IOException | RuntimeException ignored) {
            // the orphan sweep removes it at the next start
        }
    }
}
