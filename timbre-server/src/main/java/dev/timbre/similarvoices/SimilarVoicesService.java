package dev.timbre.similarvoices;

import dev.timbre.audio.AudioFormatException;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.http.ApiException;
import dev.timbre.speaker.SpeakerFingerprint;
import dev.timbre.voices.VoicePreviews;
import dev.timbre.voices.VoiceResponse;
import dev.timbre.voices.VoicesService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/similar-voices}: the voices of this installation ranked by the speaker-fingerprint distance (0..2,
 * {@link SpeakerFingerprint#distance}) between the given audio and each voice's preview (stored voices: their first
 * sample). {@code similarity_threshold} keeps voices at most that far; {@code top_k} (default {@link #DEFAULT_TOP_K})
 * caps the count. Ties by voice id. Thread-safe.
 */
public final class SimilarVoicesService {
    public static final int DEFAULT_TOP_K = 10;

    private final VoicesService voices;
    private final VoiceFingerprints fingerprints;

    public SimilarVoicesService(VoicesService voices, VoicePreviews previews, UploadDecoder decoder) {
        this.voices = voices;
        this.fingerprints = new VoiceFingerprints(voices, previews, decoder);
    }

    /** A voice and its distance from the asked audio. */
    public record Scored(VoiceResponse voice, double distance) {}

    /** @param threshold null for none; topK null for {@link #DEFAULT_TOP_K} */
    public List<Scored> similar(byte[] audio, Double threshold, Integer topK) {
        SpeakerFingerprint asked = fingerprint(audio);
        List<Scored> scored = new ArrayList<>();
        for (VoiceResponse v : voices.list()) {
            Optional<SpeakerFingerprint> f = fingerprints.of(v);
            if (f.isEmpty()) continue;
            double d = asked.distance(f.get());
            if (threshold == null || d <= threshold) scored.add(new Scored(v, d));
        }
        scored.sort(Comparator.comparingDouble(Scored::distance).thenComparing(s -> s.voice().voiceId()));
        return List.copyOf(scored.subList(0, Math.min(scored.size(), topK == null ? DEFAULT_TOP_K : topK)));
    }

    private SpeakerFingerprint fingerprint(byte[] audio) {
        try {
            if (audio.length == 0) throw new IllegalArgumentException("empty");
            return fingerprints.measure(audio).orElseThrow(() -> ApiException.badRequest("sample_silent",
                    "The audio_file holds no speech (it is silent or only noise)."));
        } catch (AudioFormatException e) {
            if (e.kind() == AudioFormatException.Kind.BUSY) throw ApiException.busy(e.code(), "The server is busy decoding other audio; try again shortly.", 1);
            boolean tooBig = e.kind() == AudioFormatException.Kind.TOO_LARGE || e.kind() == AudioFormatException.Kind.TOO_LONG;
            if (tooBig) throw new ApiException(413, e.code(), "The audio_file could not be used: " + e.getMessage());
            throw ApiException.badRequest("invalid_audio", "The audio_file is not audio that can be decoded: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_audio", "The audio_file is empty.");
        }
    }
}
