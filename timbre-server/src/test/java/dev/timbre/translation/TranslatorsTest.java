package dev.timbre.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.LanguageModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Choosing a translator per pair, refusing what nobody has, language codes; the LLM translator's question and answer. */
class TranslatorsTest {
    private static Translator listing(String name, Set<LanguagePair> pairs) {
        return new Translator() {
            @Override public String name() { return name; }
            @Override public Set<LanguagePair> pairs() { return pairs; }
            @Override public List<String> translate(List<String> segments, LanguagePair pair) { return segments; }
        };
    }

    @Test
    void theFirstTranslatorWithThePairIsChosenAndAMissingPairNamesThoseAvailable() throws Exception {
        Translator apertium = listing("apertium", Set.of(new LanguagePair("en", "es"), new LanguagePair("es", "en")));
        Translators t = new Translators(List.of(apertium));
        assertThat(t.forPair(new LanguagePair("en-US", "spa"))).isSameAs(apertium);
        assertThat(t.forPair(new LanguagePair("fr", "fr")).translate(List.of("Bonjour"), new LanguagePair("fr", "fr"))).containsExactly("Bonjour");
        assertThatThrownBy(() -> t.forPair(new LanguagePair("en", "de"))).isInstanceOf(Translators.UnsupportedPair.class)
                .hasMessage("No translator for en to de. Available: en-es, es-en (apertium).");
        Translator llm = listing("llm", LanguagePair.ANY);
        Translators both = new Translators(List.of(llm, apertium));
        assertThat(both.forPair(new LanguagePair("en", "de"))).isSameAs(llm);
        assertThat(both.pairs()).isEqualTo(LanguagePair.ANY);
        assertThatThrownBy(() -> new Translators(List.of()).forPair(new LanguagePair("en", "es")))
                .hasMessageContaining("install apertium");
    }

    @Test
    void languageCodesAreReducedToIso6391() {
        assertThat(new LanguagePair("EN_us", "spa")).isEqualTo(new LanguagePair("en", "es"));
        assertThat(LanguagePair.primary("glg")).isEqualTo("gl");
        assertThat(LanguagePair.primary("pt-BR")).isEqualTo("pt");
        assertThat(LanguagePair.primary("xyz")).isEqualTo("xyz");
    }

    @Test
    void theLanguageModelGetsTheSegmentsAsJsonAndMustAnswerAsMany() throws Exception {
        var model = new Scripted(r -> r.messages().get(1).content().contains("Hello")
                ? "Sure: {\"translations\": [\"Hola\", \"\", \"Adiós\"]}" : "{\"translations\": [\"uno\"]}");
        var t = new LanguageModelTranslator(model);
        assertThat(t.translate(List.of("Hello", "", "Goodbye"), new LanguagePair("en", "es"))).containsExactly("Hola", "", "Adiós");
        assertThat(model.last.systemPrompt()).contains("from English to Spanish").contains("exactly 3 strings");
        assertThatThrownBy(() -> t.translate(List.of("one", "two"), new LanguagePair("en", "es")))
                .isInstanceOf(Translator.Failed.class).hasMessageContaining("1 translations for 2 segments");
    }

    @Test
    void noLanguageModelAndNoServiceMeansApertiumOrNothing() {
        Translators t = Translators.forServer(Map.of(), null, null);
        assertThat(t.available()).satisfiesAnyOf(a -> assertThat(a).contains("(apertium)"), a -> assertThat(a).startsWith("none"));
    }

    private static final class Scripted implements LanguageModel {
        private final Function<ChatRequest, String> script;
        volatile ChatRequest last;

        Scripted(Function<ChatRequest, String> script) { this.script = script; }

        @Override public EngineInfo info() { return new EngineInfo("scripted", "test", new EngineCapabilities(Set.of("en"), true, false, false)); }

        @Override public ChatStream open(ChatRequest request, ChatListener listener) {
            last = request;
            listener.text(script.apply(request));
            listener.end(FinishReason.STOP, null);
            return () -> {};
        }

        @Override public void close() {}
    }
}
