package dev.timbre.similarvoices;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.speaker.SpeakerAnalysis;
import dev.timbre.speaker.SpeakerFingerprint;
import dev.timbre.speaker.SpeakerProfile;
import dev.timbre.voices.VoicePreviews;
import dev.timbre.voices.VoiceResponse;
import dev.timbre.voices.VoicesService;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The speaker fingerprint of each voice, cached in memory: a premade voice's from its preview (made by
 * {@link VoicePreviews} on first use), a stored voice's from its first sample (the cache key includes the sample id,
 * so a voice whose samples change is measured again). A voice whose audio cannot be had or holds no speech has none.
 * Thread-safe; two first requests at once may both measure.
 */
final class VoiceFingerprints {
    private final VoicesService voices;
    private final VoicePreviews previews;
    private final UploadDecoder decoder;
    private final Map<String, Optional<SpeakerFingerprint>> cache = new ConcurrentHashMap<>();

    VoiceFingerprints(VoicesService voices, VoicePreviews previews, UploadDecoder decoder) {
        this.voices = voices;
        this.previews = previews;
        this.decoder = decoder;
    }

    Optional<SpeakerFingerprint> of(VoiceResponse v) {
        boolean premade = "premade".equals(v.category());
        if (!premade && (v.samples() == null || v.samples().isEmpty())) return Optional.empty();
        String key = premade ? v.voiceId() : v.voiceId() + "/" + v.samples().get(0).sampleId();
        Optional<SpeakerFingerprint> known = cache.get(key);
        if (known != null) return known;
        Optional<SpeakerFingerprint> measured = measure(premade ? previews.preview(v.voiceId())
                : voices.sampleAudio(v.voiceId(), v.samples().get(0).sampleId()).data());
        cache.put(key, measured);
        return measured;
    }

    /** The fingerprint of any audio file; empty when it holds no speech. Decoding failures propagate. */
    Optional<SpeakerFingerprint> measure(byte[] audio) {
        Wav.Decoded d = decoder.decode(audio, SpeakerAnalysis.RATE);
        SpeakerProfile p = SpeakerAnalysis.analyse(Pcm.resample(d.pcm(), d.format().sampleRate(), SpeakerAnalysis.RATE), false);
        return p.silent() ? Optional.empty() : Optional.of(SpeakerFingerprint.of(p));
    }
}
