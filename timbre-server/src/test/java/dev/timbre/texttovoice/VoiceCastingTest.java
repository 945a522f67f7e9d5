package dev.timbre.texttovoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.VoiceDescriptor;
import dev.timbre.engine.VoiceShape;
import dev.timbre.voices.PremadeVoices;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoiceCastingTest {
    static PremadeVoices.Premade voice(String provider, String id, String language, String gender, String age, String accent) {
        return new PremadeVoices.Premade(PremadeVoices.idFor(provider, id), provider,
                new VoiceDescriptor(id, id, id, language, Map.of("gender", gender, "age", age, "accent", accent)));
    }

    static final List<PremadeVoices.Premade> VOICES = List.of(
            voice("marytts", "slt", "en", "female", "young", "american"),
            voice("marytts", "slt-deep", "en", "neutral", "middle_aged", "american"),
            voice("espeak-ng", "en-us+m3", "en", "male", "middle_aged", "american"),
            voice("espeak-ng", "en-gb-x-rp+m3", "en", "male", "middle_aged", "british"),
            voice("espeak-ng", "en-gb-x-rp+f3", "en", "female", "young", "british"),
            voice("espeak-ng", "de+m3", "de", "male", "middle_aged", "german"),
            voice("flite", "kal16", "en", "male", "middle_aged", "american"));
    final VocabularyReader reader = new VocabularyReader();

    @Test
    void three_different_base_voices_best_match_first() {
        var casts = VoiceCasting.design(VOICES, reader.read("A British gentleman with a deep voice"), 3, 1, 5);
        assertThat(casts).hasSize(3);
        assertThat(casts.get(0).voice().id()).isEqualTo("en-gb-x-rp+m3");
        assertThat(new HashSet<>(casts.stream().map(c -> c.voice().id()).toList())).hasSize(3);
        assertThat(casts).allSatisfy(c -> assertThat(c.voice().language()).isEqualTo("en"));
        assertThat(casts.get(0).shape().pitchSemitones()).isLessThan(0);
    }

    @Test
    void an_accent_in_another_language_picks_that_language_voice() {
        var casts = VoiceCasting.design(VOICES, reader.read("A man with a strong German accent"), 3, 1, 5);
        assertThat(casts.get(0).voice().id()).isEqualTo("de+m3");
    }

    @Test
    void a_female_base_is_shaped_male_and_a_child_smaller() {
        var slt = VOICES.get(0).descriptor();
        VoiceShape male = VoiceCasting.compensation(slt, reader.read("a man"));
        assertThat(male.pitchSemitones()).isLessThan(-3);
        assertThat(male.formantScale()).isLessThan(1);
        VoiceShape child = VoiceCasting.compensation(VOICES.get(2).descriptor(), reader.read("a little boy"));
        assertThat(child.pitchSemitones()).isGreaterThan(2);
        assertThat(child.formantScale()).isGreaterThan(1);
    }

    @Test
    void the_seed_repeats_and_guidance_narrows() {
        VoiceTraits t = reader.read("a calm woman");
        assertThat(VoiceCasting.design(VOICES, t, 3, 9, 5)).isEqualTo(VoiceCasting.design(VOICES, t, 3, 9, 5));
        List<PremadeVoices.Premade> one = List.of(VOICES.get(0)); // one base voice: the previews differ only by variation
        double loose = spread(VoiceCasting.design(one, t, 3, 9, 0)), tight = spread(VoiceCasting.design(one, t, 3, 9, 100));
        assertThat(tight).isPositive();
        assertThat(tight).isLessThan(loose);
    }

    @Test
    void remix_moves_the_voice_at_three_strengths() {
        var base = VOICES.get(2);
        VoiceShape own = new VoiceShape(-2, 1, 0.9, 1);
        var casts = VoiceCasting.remix(base.provider(), base.descriptor(), own, VOICES, reader.read("higher and faster"), 3, 4, 0.5);
        assertThat(casts).hasSize(3).allSatisfy(c -> {
            assertThat(c.voice().id()).isEqualTo("en-us+m3");
            assertThat(c.shape().pitchSemitones()).isGreaterThan(own.pitchSemitones());
            assertThat(c.shape().rate()).isGreaterThan(own.rate());
        });
        var recast = VoiceCasting.remix(base.provider(), base.descriptor(), own, VOICES, reader.read("make her a British woman"), 3, 4, 0.5);
        assertThat(recast.get(0).voice().id()).isEqualTo("en-gb-x-rp+f3");
    }

    private static double spread(List<VoiceCasting.Cast> casts) {
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (var c : casts) { min = Math.min(min, c.shape().pitchSemitones()); max = Math.max(max, c.shape().pitchSemitones()); }
        return max - min;
    }
}
