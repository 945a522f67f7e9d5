package dev.timbre.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.timbre.audio.UploadDecoder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Apertium's modes as pairs, and real translations by Debian's apertium with apertium-eng-spa (installed by ./timbre test). */
class ApertiumTranslatorTest {
    @Test
    void modeNamesBecomeIsoPairsAndVariantsOnlyFillGaps() {
        Map<LanguagePair, String> modes = ApertiumTranslator.modes(List.of("  eng-spa", "  spa-eng", "  spa-eng_US",
                "en-gl", "cat-eng_GB", "eng-spa-tagger", "README"));
        assertThat(modes).containsEntry(new LanguagePair("en", "es"), "eng-spa")
                .containsEntry(new LanguagePair("es", "en"), "spa-eng")
                .containsEntry(new LanguagePair("en", "gl"), "en-gl")
                .containsEntry(new LanguagePair("ca", "en"), "cat-eng_GB")
                .hasSize(4);
    }

    @Test
    void translatesSegmentsOneForOneKeepingBlanksAndLineBreaksInside() throws Exception {
        ApertiumTranslator apertium = installed();
        assertThat(apertium.pairs()).contains(new LanguagePair("en", "es"), new LanguagePair("es", "en"));
        List<String> out = apertium.translate(List.of("The weather is nice today.", "", "I have two cats\nand a dog."),
                new LanguagePair("en", "es"));
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).containsIgnoringCase("tiempo").containsIgnoringCase("hoy");
        assertThat(out.get(1)).isEmpty();
        assertThat(out.get(2)).containsIgnoringCase("gatos").containsIgnoringCase("perro");
        assertThat(apertium.translate(List.of("Tengo dos gatos."), new LanguagePair("es", "en")).get(0)).containsIgnoringCase("two cats");
    }

    @Test
    void aPairNotInstalledFails() {
        ApertiumTranslator apertium = installed();
        assertThatThrownBy(() -> apertium.translate(List.of("Bonjour"), new LanguagePair("fr", "en")))
                .isInstanceOf(Translator.Failed.class).hasMessageContaining("fr-en");
    }

    private static ApertiumTranslator installed() {
        var path = UploadDecoder.findOnPath("apertium");
        assumeTrue(path.isPresent() || System.getenv("CI") != null, "apertium is not installed");
        ApertiumTranslator a = ApertiumTranslator.installed(path.orElseThrow());
        assertThat(a).as("apertium with a language pair (apertium-eng-spa)").isNotNull();
        return a;
    }
}
