package dev.timbre.pronunciationdictionaries;

/**
 * How an engine takes phonemes inline in its plain text, by engine provider id. eSpeak NG reads {@code [[…]]} in its
 * own mnemonics (converted here); MaryTTS reads {@code [[alphabet:phonemes|word]]} and converts IPA or Arpabet to its
 * phone set itself (see the MaryTTS engine's {@code SsmlDocuments}). Every other engine has none, and a phoneme rule's
 * word is spoken as written there (the alias fallback). Thread-safe.
 */
public interface PhonemeInput {
    /** The text to speak in place of the word for {@code rule}; null to speak the word as written. */
    String render(PronunciationRule rule);

    /** No phoneme input: phoneme rules leave their words as written. */
    PhonemeInput NONE = rule -> null;

    /** eSpeak NG's {@code [[…]]} phoneme input. */
    PhonemeInput ESPEAK = rule -> {
        String p = PronunciationRule.CMU_ARPABET.equals(rule.alphabet()) ? EspeakPhonemes.fromArpabet(rule.phoneme())
                : EspeakPhonemes.fromIpa(rule.phoneme());
        return p.isBlank() ? null : "[[" + p + "]]";
    };

    /** The MaryTTS engine's {@code [[alphabet:phonemes|word]]}; markup characters in the phonemes are dropped. */
    PhonemeInput MARYTTS = rule -> {
        String phonemes = rule.phoneme().replaceAll("[\\[\\]|/.]", " ").strip();
        String word = rule.stringToReplace();
        if (phonemes.isEmpty() || word.contains("]") || word.contains("|")) return null;
        return "[[" + rule.alphabet() + ":" + phonemes + "|" + word + "]]";
    };

    /** The phoneme input of the engine with provider id {@code provider}. */
    static PhonemeInput forProvider(String provider) {
        if ("espeak-ng".equals(provider)) return ESPEAK;
        if ("marytts".equals(provider)) return MARYTTS;
        return NONE;
    }
}
