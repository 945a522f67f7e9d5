package dev.timbre.translation;

import dev.timbre.audio.UploadDecoder;
import dev.timbre.config.LlmSettings;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.convai.llm.LanguageModelAnswers;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The server's translators, most preferred first: a LibreTranslate-style service ({@code TIMBRE_TRANSLATION_URL},
 * {@code TIMBRE_TRANSLATION_API_KEY}), then the configured LLM (the first provider that is not the rule model), then
 * Apertium where it is installed. {@link #forPair} picks the first that has the pair; a pair nobody has is refused
 * with the pairs that are available. Immutable and thread-safe.
 */
public final class Translators {
    private final List<Translator> translators;

    public Translators(List<Translator> translators) { this.translators = List.copyOf(translators); }

    /** As configured by the environment, the LLM settings and what is installed (Apertium on the PATH). */
    public static Translators forServer(Map<String, String> env, LlmSettings llm, AgentLanguageModels models) {
        List<Translator> list = new ArrayList<>();
        String url = env.get("TIMBRE_TRANSLATION_URL");
        if (url != null && !url.isBlank()) {
            String key = env.get("TIMBRE_TRANSLATION_API_KEY");
            list.add(new HttpTranslator(URI.create(url.strip()), key == null || key.isBlank() ? null : key.strip()));
        }
        if (llm != null && models != null) LanguageModelAnswers.firstConfigured(llm, models).ifPresent(c -> list.add(new LanguageModelTranslator(c.model())));
        UploadDecoder.findOnPath("apertium").map(ApertiumTranslator::installed).ifPresent(list::add);
        return new Translators(list);
    }

    /** The translator for {@code pair}: the first that has it; the same language both sides needs none. */
    public Translator forPair(LanguagePair pair) throws UnsupportedPair {
        if (pair.source().equals(pair.target())) return SameLanguage.INSTANCE;
        for (Translator t : translators) if (pair.within(t.pairs())) return t;
        throw new UnsupportedPair(pair, available());
    }

    /** What can be translated: "any pair (llm)" or the listed pairs with their provider. */
    public String available() {
        if (translators.isEmpty()) return "none (install apertium and a language pair such as apertium-eng-spa, or configure an LLM or TIMBRE_TRANSLATION_URL)";
        return translators.stream().map(t -> t.pairs().equals(LanguagePair.ANY) ? "any pair (" + t.name() + ")"
                : new TreeSet<>(t.pairs()).stream().map(LanguagePair::toString).collect(Collectors.joining(", ")) + " (" + t.name() + ")")
                .collect(Collectors.joining("; "));
    }

    /** The pairs some translator lists; {@link LanguagePair#ANY} when one takes any pair. */
    public Set<LanguagePair> pairs() {
        Set<LanguagePair> out = new TreeSet<>();
        for (Translator t : translators) {
            if (t.pairs().equals(LanguagePair.ANY)) return LanguagePair.ANY;
            out.addAll(t.pairs());
        }
        return out;
    }

    /** No translator has the pair; the message names the pairs available. */
    public static final class UnsupportedPair extends Exception {
        public UnsupportedPair(LanguagePair pair, String available) {
            super("No translator for " + pair.source() + " to " + pair.target() + ". Available: " + available + ".");
        }
    }

    /** Source and target are the same language: the segments as they are. */
    private static final class SameLanguage implements Translator {
        static final SameLanguage INSTANCE = new SameLanguage();

        @Override public String name() { return "none"; }

        @Override public Set<LanguagePair> pairs() { return LanguagePair.ANY; }

        @Override public List<String> translate(List<String> segments, LanguagePair pair) { return List.copyOf(segments); }
    }
}
