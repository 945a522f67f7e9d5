package dev.timbre.texttovoice;

import dev.timbre.engine.VoiceDescriptor;
import dev.timbre.engine.VoiceShape;
import dev.timbre.voices.PremadeVoices;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Casts a description's {@link VoiceTraits} onto the loaded engines' voices: picks base voices by accent, gender, age and
 * language, and shapes each one toward what was asked (a female base for a male voice is pitched down with a longer
 * vocal tract, and so on). Three previews use three different base voices where the engines offer that many, each
 * with a small seeded variation, so a {@code seed} makes a design repeatable. Stateless and thread-safe.
 */
final class VoiceCasting {
    /** One preview to make: an engine voice and its shape. */
    record Cast(String provider, VoiceDescriptor voice, VoiceShape shape) {}

    private static final List<String> AGES = List.of("child", "young", "middle_aged", "old");
    private static final Map<String, String> ACCENT_LANGUAGE = Map.of("german", "de", "french", "fr", "spanish", "es",
            "italian", "it", "brazilian", "pt", "dutch", "nl", "polish", "pl", "swedish", "sv", "indian", "hi");

    private VoiceCasting() {}

    /**
     * {@code count} casts for a new voice.
     *
     * @param guidanceScale 0–100: how closely previews keep to the description; higher means less variation between them
     */
    static List<Cast> design(List<PremadeVoices.Premade> voices, VoiceTraits traits, int count, long seed, double guidanceScale) {
        if (voices.isEmpty()) return List.of();
        Random random = new Random(seed);
        List<Scored> ranked = new ArrayList<>();
        for (PremadeVoices.Premade p : voices) ranked.add(new Scored(p, score(p.descriptor(), traits) + random.nextDouble() * 0.5));
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        double spread = 10 / (10 + guidanceScale);
        List<Cast> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PremadeVoices.Premade p = ranked.get(i % ranked.size()).voice();
            VoiceShape toward = compensation(p.descriptor(), traits).movedBy(traits.departure(), 1);
            out.add(new Cast(p.provider(), p.descriptor(), vary(toward, i, random, spread)));
        }
        return out;
    }

    /** {@code count} casts of a remix: the voice's own base and shape moved by the traits, at varied strengths. */
    static List<Cast> remix(String provider, VoiceDescriptor base, VoiceShape shape, List<PremadeVoices.Premade> voices,
                            VoiceTraits traits, int count, long seed, double promptStrength) {
        Random random = new Random(seed);
        String wantedAccent = traits.accent(), wantedGender = traits.gender();
        boolean recast = (wantedAccent != null && !wantedAccent.equals(base.labels().get("accent")))
                || (wantedGender != null && !wantedGender.equals(base.labels().get("gender")));
        if (recast) {
            VoiceTraits who = new VoiceTraits(wantedGender, traits.age(), wantedAccent, 0, 1, 1, 1, List.of());
            PremadeVoices.Premade best = voices.stream().max(Comparator.comparingDouble(p -> score(p.descriptor(), who))).orElse(null);
            if (best != null) {
                provider = best.provider();
                shape = shape.movedBy(compensation(best.descriptor(), traits), 1);
                base = best.descriptor();
            }
        } else if (traits.age() != null) {
            shape = shape.movedBy(compensation(base, traits), 1);
        }
        List<Cast> out = new ArrayList<>();
        double[] strengths = {1.0, 0.6, 1.5};
        double scale = 0.5 + promptStrength;
        for (int i = 0; i < count; i++) {
            VoiceShape moved = shape.movedBy(traits.departure(), strengths[i % strengths.length] * scale);
            out.add(new Cast(provider, base, vary(moved, i, random, 0.3)));
        }
        return out;
    }

    private record Scored(PremadeVoices.Premade voice, double score) {}

    /** How well an engine voice fits the wanted accent, gender, age and language (higher is better). */
    static double score(VoiceDescriptor d, VoiceTraits t) {
        Map<String, String> l = d.labels();
        String language = t.accent() == null ? "en" : ACCENT_LANGUAGE.getOrDefault(t.accent(), "en");
        double s = d.language().equals(language) ? 3 : -4;
        if (t.accent() != null && t.accent().equals(l.get("accent"))) s += 4;
        if (t.gender() != null) s += t.gender().equals(l.get("gender")) ? 3 : "neutral".equals(l.get("gender")) ? 0 : -2;
        if (t.age() != null && t.age().equals(l.get("age"))) s += 1;
        return s;
    }

    /** The shape that makes {@code base} sound of the wanted gender and age, where its own labels differ. */
    static VoiceShape compensation(VoiceDescriptor base, VoiceTraits t) {
        double pitch = 0, formant = 1, rate = 1, range = 1;
        String has = base.labels().get("gender");
        if ("male".equals(t.gender()) && !"male".equals(has)) { pitch -= "female".equals(has) ? 5 : 2; formant *= 0.9; }
        if ("female".equals(t.gender()) && !"female".equals(has)) { pitch += "male".equals(has) ? 5 : 2; formant *= 1.1; }
        int want = t.age() == null ? -1 : AGES.indexOf(t.age()), own = AGES.indexOf(base.labels().getOrDefault("age", "young"));
        if (want >= 0 && own >= 0 && want != own) {
            int diff = want - own; // older is positive
            if (want == 0) { pitch += 4; formant *= 1.12; rate *= 1.05; }
            else { pitch -= 1.0 * diff; formant *= 1 - 0.02 * diff; rate *= 1 - 0.04 * diff; range *= 1 - 0.05 * diff; }
        }
        return new VoiceShape(pitch, range, rate, formant);
    }

    /** Preview {@code index}'s variation: none for the first, a seeded nudge (scaled by {@code spread}) for the rest. */
    private static VoiceShape vary(VoiceShape shape, int index, Random random, double spread) {
        if (index == 0) return shape;
        double sign = index % 2 == 0 ? -1 : 1;
        return new VoiceShape(shape.pitchSemitones() + sign * (1 + random.nextDouble()) * 1.5 * spread,
                shape.pitchRange() * (1 + sign * 0.15 * spread * random.nextDouble()),
                shape.rate() * (1 + sign * 0.06 * spread * random.nextDouble()),
                shape.formantScale() * (1 + sign * 0.03 * spread * random.nextDouble()));
    }
}
