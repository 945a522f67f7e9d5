/**
 * Machine translation for the long-form features (dubbing): the {@link dev.timbre.translation.Translator} SPI —
 * segments of plain text in, the same number out, in order — and its providers: a LibreTranslate-style HTTP service
 * ({@link dev.timbre.translation.HttpTranslator}), the configured LLM ({@link dev.timbre.translation.LanguageModelTranslator})
 * and Apertium, Debian's offline rule-based translator ({@link dev.timbre.translation.ApertiumTranslator}, the default
 * for the pairs installed: {@code apertium-eng-spa} gives en-es and es-en). {@link dev.timbre.translation.Translators}
 * picks one per language pair and refuses a pair nobody has, naming those available. Languages are ISO 639-1
 * ({@link dev.timbre.translation.LanguagePair}). No HTTP routes here; callers run translations on their own workers.
 */
package dev.timbre.translation;
