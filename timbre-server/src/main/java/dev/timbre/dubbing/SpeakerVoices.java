package dev.timbre.dubbing;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceShape;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.voices.PremadeVoices;
import dev.timbre.voices.VoiceFitting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice each speaker's dub is spoken in, per target language: the engine that speaks the language (the main TTS
 * engine when it does, else the first loaded one that does), and on it an instant clone of the speaker
 * ({@link VoiceFitting} on up to {@link #SAMPLE_SECONDS} of the speaker's separated speech: the closest base voice plus
 * a {@link VoiceShape}), or with {@code disable_voice_cloning} the closest base voice unshaped. A speaker whose audio
 * cannot be fitted (too little speech, several voices heard) gets one of the engine's voices in turn, so that two such
 * speakers still differ. Thread-safe; fitting synthesises each base voice's reference once per provider.
 */
final class SpeakerVoices {
    private static final Logger LOG = LoggerFactory.getLogger(SpeakerVoices.class);
    static final double SAMPLE_SECONDS = 60;

    /** A speaker's voice in one language: {@code engineVoiceId} of {@code provider}, spoken with {@code shape}. */
    record Voice(String provider, String engineVoiceId, VoiceShape shape, boolean cloned) {
        /** The library id of the base voice. */
        String voiceId() { return PremadeVoices.idFor(provider, engineVoiceId); }
    }

    private final Supplier<Map<String, TextToSpeech>> engines;
    private final String mainProvider;
    private final PremadeVoices premade;
    private final Function<String, VoiceFitting> fittingFor;
    private final Map<String, VoiceFitting> fittings = new ConcurrentHashMap<>();

    /** @param fittingFor a fitting onto the given provider's voices (called once per provider) */
    SpeakerVoices(Supplier<Map<String, TextToSpeech>> engines, String mainProvider, PremadeVoices premade, Function<String, VoiceFitting> fittingFor) {
        this.engines = engines;
        this.mainProvider = mainProvider;
        this.premade = premade;
        this.fittingFor = fittingFor;
    }

    /** The provider that speaks {@code language}, if any engine does. */
    Optional<String> providerFor(String language) {
        Map<String, TextToSpeech> loaded = engines.get();
        TextToSpeech main = loaded.get(mainProvider);
        if (main != null && main.info().capabilities().languages().contains(language)) return Optional.of(mainProvider);
        return loaded.entrySet().stream().filter(e -> e.getValue().info().capabilities().languages().contains(language))
                .map(Map.Entry::getKey).sorted().findFirst();
    }

    /** Languages some loaded engine speaks, sorted. */
    List<String> spokenLanguages() {
        return engines.get().values().stream().flatMap(e -> e.info().capabilities().languages().stream()).distinct().sorted().toList();
    }

    /**
     * @param speech   the speaker's separated speech (mono s16le at {@code rate}), possibly empty
     * @param index    the speaker's number, for the fallback voice
     */
    Voice voiceFor(String language, byte[] speech, int rate, boolean clone, int index) throws DubbingFailure {
        String provider = providerFor(language).orElseThrow(() -> new DubbingFailure("no speech engine on this server speaks '" + language + "'"));
        byte[] sample = speech.length > SAMPLE_SECONDS * rate * 2 ? java.util.Arrays.copyOf(speech, (int) (SAMPLE_SECONDS * rate) * 2) : speech;
        if (sample.length > 0) {
            try {
                VoiceFitting.Fit fit = fittings.computeIfAbsent(provider, fittingFor).fit(List.of(Wav.wrap(sample, new PcmFormat(rate))));
                return new Voice(fit.provider(), fit.engineVoiceId(), clone ? fit.shape() : VoiceShape.NEUTRAL, clone);
            } catch (ApiException e) {
                LOG.info("dubbing: speaker {} not fitted ({}); using a base voice", index, e.getMessage());
            }
        }
        List<PremadeVoices.Premade> voices = premade.all().stream().filter(p -> p.provider().equals(provider)).toList();
        List<PremadeVoices.Premade> inLanguage = voices.stream().filter(p -> language.equals(p.descriptor().language())).toList();
        List<PremadeVoices.Premade> pick = inLanguage.isEmpty() ? voices : inLanguage;
        if (pick.isEmpty()) throw new DubbingFailure("the speech engine '" + provider + "' offers no voice");
        return new Voice(provider, pick.get(index % pick.size()).descriptor().id(), VoiceShape.NEUTRAL, false);
    }

    static String write(Map<String, Voice> voices) {
        return Json.write(new TreeMap<>(voices));
    }

    static Map<String, Voice> read(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<Map<String, Voice>>() {});
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** The stretches of {@code pcm} (mono s16le at {@code rate}) between the given times, joined. */
    static byte[] cut(byte[] pcm, int rate, List<double[]> spans) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (double[] s : spans) {
            int from = Math.min(pcm.length, (int) (s[0] * rate) * 2), to = Math.min(pcm.length, (int) (s[1] * rate) * 2);
            if (to > from) out.write(pcm, from, to - from);
        }
        return out.toByteArray();
    }

    static double seconds(byte[] pcm, int rate) {
        return pcm.length / 2.0 / rate;
    }

    static short[] samples(byte[] pcm) {
        return Pcm.toSamples(pcm, 0, pcm.length & ~1);
    }
}
