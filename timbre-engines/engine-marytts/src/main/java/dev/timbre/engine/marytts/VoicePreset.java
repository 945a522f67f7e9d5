package dev.timbre.engine.marytts;

import dev.timbre.engine.VoiceDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A voice this engine offers: MaryTTS's one voice, cmu-slt-hsmm, with its pitch reshaped as by the F0Add (Hz) and
 * F0Scale (factor on the pitch spread) effects; see {@link PitchShift}. ENGINES.md measured F0Add −60 and F0Scale 1.5
 * as intelligible (WER 7.0 % and 3.5 %); effects that alter the timbre (TractScaler, Whisper, Robot) were not, so none
 * is offered. {@code rate} is the preset's own tempo, multiplied with the request's speed. Ids are stable.
 */
record VoicePreset(VoiceDescriptor descriptor, double f0AddHz, double f0Scale, double rate) {

    static final List<VoicePreset> ALL = List.of(
            preset(MaryRuntime.VOICE, "Sally", "A clear, even US English female voice (MaryTTS CMU SLT).",
                    0, 1, "female", "young", "clear", "narration"),
            preset(MaryRuntime.VOICE + "-deep", "Morgan", "The same voice pitched 60 Hz lower: deep and low-key.",
                    -60, 1, "neutral", "middle_aged", "deep", "news"),
            preset(MaryRuntime.VOICE + "-bright", "Lily", "The same voice with livelier, wider-ranging intonation.",
                    0, 1.5, "female", "young", "lively", "conversational"),
            preset(MaryRuntime.VOICE + "-calm", "Grace", "The same voice slightly lower and flatter: calm and steady.",
                    -25, 0.7, "female", "middle_aged", "calm", "informative_educational"),
            preset(MaryRuntime.VOICE + "-brisk", "Ruby", "The same voice a little higher and quicker: upbeat and to the point.",
                    15, 1.2, 1.12, "female", "young", "upbeat", "social_media"),
            preset(MaryRuntime.VOICE + "-unhurried", "Hazel", "The same voice lower and slower: relaxed, for stories and meditation.",
                    -40, 0.9, 0.88, "female", "old", "relaxed", "narrative_story"));

    static Optional<VoicePreset> find(String id) {
        return ALL.stream().filter(p -> p.descriptor.id().equals(id)).findFirst();
    }

    private static VoicePreset preset(String id, String name, String description, double f0AddHz, double f0Scale,
                                      String gender, String age, String label, String useCase) {
        return preset(id, name, description, f0AddHz, f0Scale, 1.0, gender, age, label, useCase);
    }

    private static VoicePreset preset(String id, String name, String description, double f0AddHz, double f0Scale, double rate,
                                      String gender, String age, String label, String useCase) {
        Map<String, String> labels = Map.of("gender", gender, "age", age, "accent", "american",
                "description", label, "use_case", useCase);
        return new VoicePreset(new VoiceDescriptor(id, name, description, "en", labels), f0AddHz, f0Scale, rate);
    }
}
