package dev.timbre.pronunciationdictionaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.http.ApiException;
import dev.timbre.texttospeech.normalize.NormalizedText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PronunciationsTest {
    static Pronunciations of(PronunciationRule... rules) {
        return Pronunciations.of(List.of(List.of(rules)));
    }

    @Test
    void aliases_match_case_sensitively_on_whole_words() {
        Pronunciations p = of(PronunciationRule.alias("UN", "United Nations"));
        assertThat(p.applyAliases("The UN, the un, UNESCO and (UN).").normalized())
                .isEqualTo("The United Nations, the un, UNESCO and (United Nations).");
        assertThat(of(PronunciationRule.alias("C++", "C plus plus")).applyAliases("I like C++.").normalized()).isEqualTo("I like C plus plus.");
    }

    @Test
    void the_first_dictionary_wins_and_longer_strings_win_within_one() {
        Pronunciations p = Pronunciations.of(List.of(
                List.of(PronunciationRule.alias("New", "Neu"), PronunciationRule.alias("New York", "the big apple")),
                List.of(PronunciationRule.alias("New York", "NYC"))));
        assertThat(p.applyAliases("New York is New.").normalized()).isEqualTo("the big apple is Neu.");
        Pronunciations second = Pronunciations.of(List.of(List.of(PronunciationRule.alias("York", "Yorrk")),
                List.of(PronunciationRule.alias("New York", "NYC"))));
        assertThat(second.applyAliases("New York").normalized()).isEqualTo("NYC");
    }

    @Test
    void the_map_leads_every_spoken_char_back_to_its_written_one() {
        NormalizedText t = of(PronunciationRule.alias("UN", "United Nations")).applyAliases("A UN b");
        assertThat(t.normalized()).isEqualTo("A United Nations b");
        assertThat(t.originalIndex()[0]).isZero();
        assertThat(t.originalIndex()[2]).isEqualTo(2);
        assertThat(t.originalIndex()[15]).isEqualTo(3); // the last 's' of "Nations" comes from 'N'
        assertThat(t.originalIndex()[17]).isEqualTo(5);
    }

    @Test
    void phoneme_rules_wait_for_their_pass_and_fall_back_to_the_word() {
        Pronunciations p = of(PronunciationRule.phoneme("tomato", "təˈmɑːtoʊ", "ipa"), PronunciationRule.alias("soup", "broth"));
        assertThat(p.applyAliases("tomato soup").normalized()).isEqualTo("tomato broth");
        assertThat(p.applyPhonemes("tomato soup", PhonemeInput.NONE).normalized()).isEqualTo("tomato soup");
        assertThat(p.applyPhonemes("tomato soup", PhonemeInput.ESPEAK).normalized()).isEqualTo("[[t@'mA:toU]] soup"); // espeak-ng -x reads it as t@m'A:toU
        assertThat(p.applyPhonemes("tomato soup", PhonemeInput.MARYTTS).normalized()).isEqualTo("[[ipa:təˈmɑːtoʊ|tomato]] soup");
    }

    @Test
    void ipa_and_arpabet_become_espeak_mnemonics() {
        assertThat(EspeakPhonemes.fromIpa("/təˈmeɪtoʊ/")).isEqualTo("t@'meItoU"); // IPA's stress stands before the syllable; espeak-ng accepts it there
        assertThat(EspeakPhonemes.fromIpa("ˈɛndʒɪnˈɛks")).isEqualTo("'EndZIn'Eks");
        assertThat(EspeakPhonemes.fromArpabet("T AH0 M EY1 T OW2")).isEqualTo("t@m'eIt,oU");
        assertThat(EspeakPhonemes.fromIpa("θɪŋk ðæt")).isEqualTo("TINk Dat");
    }

    @Test
    void pls_round_trips_and_reports_bad_files_by_line() {
        List<PronunciationRule> rules = List.of(PronunciationRule.alias("R&D", "research <and> development"),
                PronunciationRule.phoneme("nginx", "EH1 N JH IH0 N EH1 K S", "cmu-arpabet"), PronunciationRule.phoneme("a", "ə", "ipa"));
        assertThat(PlsLexicon.parse(PlsLexicon.write(rules).getBytes(StandardCharsets.UTF_8))).isEqualTo(rules);
        String twoGraphemes = "<lexicon xmlns=\"http://www.w3.org/2005/01/pronunciation-lexicon\" alphabet=\"x-cmu\">"
                + "<lexeme><grapheme>colour</grapheme><grapheme>color</grapheme><phoneme>K AH1 L ER0</phoneme></lexeme></lexicon>";
        assertThat(PlsLexicon.parse(twoGraphemes.getBytes(StandardCharsets.UTF_8))).containsExactly(
                PronunciationRule.phoneme("colour", "K AH1 L ER0", "cmu-arpabet"), PronunciationRule.phoneme("color", "K AH1 L ER0", "cmu-arpabet"));
        assertThatThrownBy(() -> PlsLexicon.parse("<lexicon>\n<lexeme>\n<grapheme>x</grapheme><phoneme>y</phoneme>\n</lexeme></lexicon>"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ApiException.class).hasMessageContaining("line 4").hasMessageContaining("alphabet");
        assertThatThrownBy(() -> PlsLexicon.parse(new byte[PlsLexicon.MAX_BYTES + 1])).isInstanceOf(ApiException.class);
    }

    @Test
    void composing_maps_leads_back_through_both_rewritings() {
        NormalizedText aliased = of(PronunciationRule.alias("UN", "United Nations")).applyAliases("UN 5");
        NormalizedText normalized = aliased.then(dev.timbre.texttospeech.normalize.TextNormalizer.normalize(aliased.normalized(),
                dev.timbre.texttospeech.normalize.Mode.ON));
        assertThat(normalized.original()).isEqualTo("UN 5");
        assertThat(normalized.normalized()).isEqualTo("United Nations five");
        assertThat(normalized.originalIndex()[normalized.normalized().length() - 1]).isEqualTo(3);
    }

    @Test
    void case_insensitive_and_boundless_rules_match_as_they_say() {
        PronunciationRule anyCase = new PronunciationRule("nasa", "alias", "the space agency", null, null, false, null);
        assertThat(of(anyCase).applyAliases("NASA and Nasa and nasal").normalized())
                .isEqualTo("the space agency and the space agency and nasal");
        PronunciationRule inside = new PronunciationRule("ph", "alias", "f", null, null, null, false);
        assertThat(of(inside).applyAliases("graph phone").normalized()).isEqualTo("graf fone");
        PronunciationRule phoneme = new PronunciationRule("tomato", "phoneme", null, "təˈmɑːtoʊ", "ipa", false, null);
        assertThat(of(phoneme).applyPhonemes("Tomato", PhonemeInput.MARYTTS).normalized()).isEqualTo("[[ipa:təˈmɑːtoʊ|Tomato]]");
    }

    @Test
    void ten_thousand_rules_on_a_long_text_take_milliseconds() {
        List<PronunciationRule> rules = new java.util.ArrayList<>();
        for (int k = 0; k < PlsLexicon.MAX_RULES; k++) rules.add(PronunciationRule.alias("word" + k, "alias " + k));
        Pronunciations p = Pronunciations.of(List.of(rules));
        String text = "The word17 and word9999 met wordy words at noon. ".repeat(100); // 4,900 chars
        p.applyAliases(text); // warm up
        long t0 = System.nanoTime();
        NormalizedText out = p.applyAliases(text);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("10,000 alias rules over %d chars: %.1f ms%n", text.length(), ms);
        assertThat(out.normalized()).startsWith("The alias 17 and alias 9999 met wordy words");
        assertThat(ms).isLessThan(500);
    }
}
