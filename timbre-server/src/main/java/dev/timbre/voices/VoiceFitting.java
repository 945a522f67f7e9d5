package dev.timbre.voices;

import dev.timbre.audio.AudioFormatException;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceCloning;
import dev.timbre.engine.VoiceShape;
import dev.timbre.http.ApiException;
import dev.timbre.speaker.NoiseGate;
import dev.timbre.speaker.SpeakerAnalysis;
import dev.timbre.speaker.SpeakerProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Samples → the engine voice and {@link VoiceShape} that sound most like their speaker: instant cloning's and
 * professional cloning's one fitting step. The samples are decoded ({@link UploadDecoder}), optionally cleaned
 * ({@link NoiseGate}), measured together ({@link SpeakerAnalysis}); the provider's voice whose own pitch needs the
 * smallest shift (and range change) is chosen, and the shape is set from the ratios of the sample's pitch median, pitch
 * range, syllable rate and spectral centroid to that voice's (measured once per voice on {@link #REFERENCE_TEXT},
 * cached). One correction pass then speaks the reference text with the shape, measures it and corrects pitch and
 * rate, so engines whose controls are not exact still land on the target.
 *
 * <p>Refusals (400, message naming the problem): undecodable sample ({@code invalid_audio}), a silent sample
 * ({@code sample_silent}), under {@link #MIN_SPEECH_SECONDS} of speech in all ({@code samples_too_short}), more than
 * {@link #MAX_SECONDS} of audio ({@code samples_too_long}), several speakers ({@code several_speakers}).
 *
 * <p>A cloning-capable provider (its {@link TextToSpeech#cloning()} present: a remote ElevenLabs-compatible server)
 * takes the samples instead, after the same checks: the fit is its new voice, unshaped; a provider that cannot be
 * reached is a 503 ({@code service_unavailable}), one that refuses the samples a 400 ({@code voice_clone_refused}).
 * {@link #forget} deletes such a voice there again. Thread-safe; a first fit per provider voice synthesises its reference (about 1–3 s of engine time each).
 */
public final class VoiceFitting {
    public static final double MIN_SPEECH_SECONDS = 1, MAX_SECONDS = 600;
    static final String REFERENCE_TEXT = "The old lighthouse keeper climbed the stairs every evening to light the lamp. "
            + "Ships passing in the night could see its beam from many miles away, and they were glad of it.";

    /** The fitted voice: speak {@code engineVoiceId} of {@code provider} with {@code shape}. */
    public record Fit(String provider, String engineVoiceId, VoiceShape shape) {}

    private final UploadDecoder decoder;
    private final PremadeVoices premade;
    private final Supplier<Map<String, TextToSpeech>> engines;
    private final String provider;
    private final Map<String, SpeakerProfile> references = new ConcurrentHashMap<>();

    /** @param provider the engine whose voices clones are fitted onto (the main TTS provider) */
    public VoiceFitting(UploadDecoder decoder, PremadeVoices premade, Supplier<Map<String, TextToSpeech>> engines, String provider) {
        this.decoder = decoder;
        this.premade = premade;
        this.engines = engines;
        this.provider = provider;
    }

    /** Fits the uploaded files' bytes (WAV, MP3, …) as they are. */
    public Fit fit(List<byte[]> samples) {
        return fit(samples, false);
    }

    /** @param removeBackgroundNoise clean the samples ({@link NoiseGate}) before measuring them */
    public Fit fit(List<byte[]> samples, boolean removeBackgroundNoise) {
        return fit(null, samples, removeBackgroundNoise);
    }

    /** @param name the voice's name, told to a cloning provider (null: a generic one) */
    public Fit fit(String name, List<byte[]> samples, boolean removeBackgroundNoise) {
        SpeakerProfile speaker = measure(samples, removeBackgroundNoise);
        TextToSpeech engine = engines.get().get(provider);
        Optional<VoiceCloning> cloning = engine == null ? Optional.empty() : engine.cloning();
        if (cloning.isPresent()) return RemoteClones.clone(cloning.get(), provider, name, samples, removeBackgroundNoise);
        List<PremadeVoices.Premade> voices = premade.all().stream().filter(p -> p.provider().equals(provider)).toList();
        if (engine == null || voices.isEmpty()) {
            throw ApiException.badRequest("no_base_voice", "The engine '" + provider + "' offers no voice to clone onto");
        }
        PremadeVoices.Premade base = voices.stream()
                .min(Comparator.comparingDouble(p -> cost(speaker, reference(engine, p.descriptor().id(), VoiceShape.NEUTRAL))))
                .orElseThrow();
        String voice = base.descriptor().id();
        SpeakerProfile ref = reference(engine, voice, VoiceShape.NEUTRAL);
        VoiceShape shape = new VoiceShape(speaker.semitonesFrom(ref), ratio(speaker.pitchRangeSemitones(), ref.pitchRangeSemitones()),
                ratio(speaker.syllablesPerSecond(), ref.syllablesPerSecond()), ratio(speaker.spectralCentroidHz(), ref.spectralCentroidHz()));
        SpeakerProfile heard = analyse(engine, voice, shape);
        if (!heard.silent()) {
            shape = new VoiceShape(shape.pitchSemitones() + speaker.semitonesFrom(heard), shape.pitchRange(),
                    shape.rate() * ratio(speaker.syllablesPerSecond(), heard.syllablesPerSecond()), shape.formantScale());
        }
        return new Fit(provider, voice, shape);
    }

    /**
     * Deletes {@code engineVoiceId} on {@code provider} when that provider clones and the voice is none of its listed
     * voices (so a remote clone, never a voice the server offers by itself); best effort: failures are logged.
     */
    public void forget(String voiceProvider, String engineVoiceId) {
        TextToSpeech engine = engines.get().get(voiceProvider);
        if (engine == null || engine.cloning().isEmpty()) return;
        if (engine.voices().stream().anyMatch(v -> v.id().equals(engineVoiceId))) return;
        RemoteClones.forget(engine.cloning().get(), voiceProvider, engineVoiceId);
    }

    /** Decodes, optionally cleans and measures the samples together; refuses what cannot be cloned (see class doc). */
    public SpeakerProfile measure(List<byte[]> samples, boolean removeBackgroundNoise) {
        List<byte[]> pcm = new ArrayList<>();
        double seconds = 0;
        for (int i = 0; i < samples.size(); i++) {
            byte[] audio = decode(samples.get(i), i);
            seconds += audio.length / 2.0 / SpeakerAnalysis.RATE;
            if (seconds > MAX_SECONDS) {
                throw ApiException.badRequest("samples_too_long", "The samples hold more than " + (int) MAX_SECONDS
                        + " seconds of audio; " + (int) (MAX_SECONDS / 60) + " minutes at most are used for a clone.");
            }
            if (removeBackgroundNoise) audio = Pcm.toBytes(NoiseGate.clean(Pcm.toSamples(audio, 0, audio.length)));
            if (SpeakerAnalysis.analyse(audio, false).silent()) {
                throw ApiException.badRequest("sample_silent", "Sample " + (i + 1) + " holds no speech (it is silent or only noise).");
            }
            pcm.add(audio);
        }
        SpeakerProfile p = SpeakerAnalysis.analyse(Pcm.concat(pcm));
        if (p.speechSeconds() < MIN_SPEECH_SECONDS || p.silent()) {
            throw ApiException.badRequest("samples_too_short", String.format(java.util.Locale.ROOT,
                    "The samples hold %.1f s of speech; at least %.0f s are needed for a clone.", p.speechSeconds(), MIN_SPEECH_SECONDS));
        }
        if (p.speakers() > 1) {
            throw ApiException.badRequest("several_speakers", "The samples hold " + p.speakers()
                    + " different speakers; a clone needs samples of one speaker only.");
        }
        return p;
    }

    private byte[] decode(byte[] data, int index) {
        try {
            if (data.length == 0) throw new IllegalArgumentException("empty");
            Wav.Decoded d = decoder.decode(data, SpeakerAnalysis.RATE);
            return Pcm.resample(d.pcm(), d.format().sampleRate(), SpeakerAnalysis.RATE);
        } catch (AudioFormatException e) {
            if (e.kind() == AudioFormatException.Kind.BUSY) throw ApiException.busy(e.code(), "The server is busy decoding other audio; try again shortly.", 1);
            throw ApiException.badRequest("invalid_audio", "Sample " + (index + 1) + " is not audio that can be decoded: " + e.getMessage());
        } catch (RuntimeException e) {
            throw ApiException.badRequest("invalid_audio", "Sample " + (index + 1) + " is not audio that can be decoded.");
        }
    }

    /** How far a base voice is from the speaker: the pitch shift needed, plus range mismatch (octaves × 2). */
    private static double cost(SpeakerProfile speaker, SpeakerProfile base) {
        if (base.silent()) return Double.MAX_VALUE;
        double range = Math.abs(Math.log(ratio(speaker.pitchRangeSemitones(), base.pitchRangeSemitones())) / Math.log(2));
        return Math.abs(speaker.semitonesFrom(base)) + 2 * range;
    }

    private static double ratio(double a, double b) {
        return a > 0 && b > 0 ? a / b : 1;
    }

    private SpeakerProfile reference(TextToSpeech engine, String voice, VoiceShape shape) {
        return references.computeIfAbsent(voice, v -> analyse(engine, v, shape));
    }

    private static SpeakerProfile analyse(TextToSpeech engine, String voice, VoiceShape shape) {
        try {
            TextToSpeech.Speech s = engine.synthesize(new SpeechRequest(REFERENCE_TEXT, voice, null, null, 0L, shape));
            return SpeakerAnalysis.analyse(Pcm.resample(s.pcm(), s.format().sampleRate(), SpeakerAnalysis.RATE), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "service_unavailable", "Interrupted while fitting the voice.");
        }
    }
}
