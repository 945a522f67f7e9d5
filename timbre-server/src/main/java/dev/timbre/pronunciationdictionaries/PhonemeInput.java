package dev.timbre.pronunciationdictionaries;

/**
 * How an engine takes phonemes inline in its text, by engine provider id. eSpeak NG reads {@code [[…]]} in its own
 * mnemonics; every other engine has none here, and a phoneme rule's word is spoken as written there (the alias
 * fallback). Thread-safe.
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

    /** The phoneme input of the engine with provider id {@code provider}. */
    static PhonemeInput forProvider(String provider) {
        return "espeak-ng".equals(provider) ? ESPEAK : NONE;
    }
}
