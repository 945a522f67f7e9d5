package dev.timbre.engine.process;

import dev.timbre.engine.SentenceSplitter;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.ThreadedSpeechStream;
import dev.timbre.engine.VoiceDescriptor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Text to speech with the installed {@code flite} program (CMU Flite 2.2, Debian {@code flite}, BSD-style), run once
 * per sentence with its built-in US English voices: slt, rms, awb and kal16 at 16 kHz, kal at 8 kHz (upsampled). Each
 * sentence is written to a temporary WAV file (flite cannot stream to a pipe) and sent when flite exits. Speed becomes
 * {@code duration_stretch} = 1 / speed. A request's {@link dev.timbre.engine.VoiceShape}: its rate multiplies the speed,
 * its pitch shift sets {@code int_f0_target_mean} (not for rms, whose model ignores it); pitch range and formant scale
 * are not applied. English only: the language code is ignored; no SSML and no word timings.
 * Output: s16le mono at 16 kHz. Thread-safe.
 */
public final class FliteTextToSpeech implements TextToSpeech {
    public static final String PROVIDER = "flite";
    static final PcmFormat FORMAT = new PcmFormat(16_000);

    /** Flite voice, name, gender, age, accent, description label, use case, description. */
    private static final String[][] CATALOGUE = {
            {"slt", "Susan", "female", "young", "american", "clear", "narration",
                    "CMU Flite SLT: a US English female voice (clustergen, 16 kHz)."},
            {"rms", "Richard", "male", "middle_aged", "american", "deep", "informative_educational",
                    "CMU Flite RMS: a US English male voice (clustergen, 16 kHz)."},
            {"awb", "Alasdair", "male", "middle_aged", "scottish", "steady", "narration",
                    "CMU Flite AWB: a Scottish English male voice (clustergen, 16 kHz)."},
            {"kal16", "Kal", "male", "middle_aged", "american", "robotic", "informative_educational",
                    "CMU Flite KAL16: a US English male diphone voice (16 kHz). The fastest flite voice."},
            {"kal", "Kal Classic", "male", "middle_aged", "american", "telephone", "informative_educational",
                    "CMU Flite KAL: the classic 8 kHz US English male diphone voice, telephone quality."},
    };

    /**
     * Median pitch (Hz) of each voice at its defaults, measured (YIN, flite 2.2); a pitch factor sets
     * {@code int_f0_target_mean} to factor × this. rms ignores the target, so its pitch cannot be shifted.
     */
    private static final Map<String, Double> MEDIAN_PITCH_HZ = Map.of("slt", 167.0, "awb", 128.0, "kal16", 89.0, "kal", 88.0);

    private final String program;
    private final Duration timeout;
    private final Map<String, VoiceDescriptor> voices;

    /** Uses {@code flite} from the PATH; throws {@link EngineException} when it is missing or has none of the voices. */
    public FliteTextToSpeech() {
        this("flite", Duration.ofSeconds(30));
    }

    /** @param timeout the longest one sentence may take before its process is killed */
    public FliteTextToSpeech(String program, Duration timeout) {
        this.program = program;
        this.timeout = timeout;
        String listing;
        try {
            listing = Programs.output(List.of(program, "-lv"), 10);
        } catch (java.io.IOException e) {
            throw new EngineException("flite is not usable: " + e.getMessage(), e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while listing flite voices");
        }
        Set<String> installed = Set.of(listing.replace("Voices available:", "").trim().toLowerCase(Locale.ROOT).split("\\s+"));
        Map<String, VoiceDescriptor> v = new LinkedHashMap<>();
        for (String[] c : CATALOGUE) {
            if (!installed.contains(c[0])) continue;
            v.put(c[0], new VoiceDescriptor(c[0], c[1], c[7], "en",
                    Map.of("gender", c[2], "age", c[3], "accent", c[4], "description", c[5], "use_case", c[6])));
        }
        if (v.isEmpty()) throw new EngineException("flite offers none of Timbre's voices: " + listing.strip());
        this.voices = java.util.Collections.unmodifiableMap(v);
    }

    /** Whether {@code flite} is on the PATH and runs. */
    public static boolean available() {
        return Programs.runs("flite", "-lv"); // "--version" exits with status 1
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo(PROVIDER, "CMU Flite 2.2 (" + program + ") run per sentence: US English voices",
                new EngineCapabilities(Set.of("en"), false, false, false));
    }

    @Override
    public List<VoiceDescriptor> voices() {
        return List.copyOf(voices.values());
    }

    @Override
    public SpeechStream openStream(SpeechRequest request, AudioSink out) {
        if (!voices.containsKey(request.voiceId())) throw new EngineException("unknown voice: " + request.voiceId());
        String voice = request.voiceId();
        double speed = Math.max(0.5, Math.min(2.0, request.tuning().speed() * request.shape().rate()));
        String stretch = String.format(Locale.ROOT, "duration_stretch=%.3f", 1.0 / speed);
        List<String> pitch = pitchOptions(voice, request.shape().pitchFactor());
        List<String> pieces = SentenceSplitter.split(request.text());
        return ThreadedSpeechStream.start("flite-tts", out, (sink, cancelled) ->
                new ProcessSynthesis(PROVIDER, FORMAT, false, timeout, sink, cancelled).render(pieces, (text, wav) ->
                        command(voice, stretch, pitch, text.toString(), wav.toString())));
    }

    private List<String> command(String voice, String stretch, List<String> pitch, String textFile, String wavFile) {
        List<String> cmd = new java.util.ArrayList<>(List.of(program, "-voice", voice, "--setf", stretch));
        cmd.addAll(pitch);
        cmd.addAll(List.of("-f", textFile, "-o", wavFile));
        return cmd;
    }

    /** {@code int_f0_target_mean} for a pitch factor; none for factor 1 or a voice that ignores the target (rms). */
    private static List<String> pitchOptions(String voice, double factor) {
        Double base = MEDIAN_PITCH_HZ.get(voice);
        if (base == null || Math.abs(factor - 1) < 1e-3) return List.of();
        return List.of("--setf", String.format(Locale.ROOT, "int_f0_target_mean=%.1f", base * factor));
    }
}
