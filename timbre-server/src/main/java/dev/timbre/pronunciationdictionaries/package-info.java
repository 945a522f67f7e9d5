/**
 * Pronunciation dictionaries ({@code /v1/pronunciation-dictionaries}): named, versioned lists of alias and phoneme
 * rules, created from a PLS lexicon or from JSON rules, and applied to the text of every synthesis that names them in
 * {@code pronunciation_dictionary_locators}.
 *
 * <p>Versions: every change to the rules (add, remove) stores a new version and makes it the latest; versions are
 * never changed or deleted, so a locator naming an old version keeps speaking as it did, and every version can be
 * downloaded as PLS. Renaming and archiving change the dictionary, not its rules, and make no version.
 *
 * <p>Applying ({@link dev.timbre.pronunciationdictionaries.Pronunciations}): rules match case-sensitively and on whole
 * words; the first rule that matches at a position wins, in locator order then rule order; longer strings are tried
 * first among the rules of one dictionary. An alias replaces the matched text on every engine. A phoneme rule is
 * spoken through the engine's phoneme input where the engine has one ({@link
 * dev.timbre.pronunciationdictionaries.PhonemeInput}: MaryTTS and eSpeak NG); elsewhere the word is spoken as written, as ElevenLabs' models
 * without phoneme support do. The result keeps a map back to the written text, so alignments refer to what the
 * caller sent.
 *
 * <p>SSML requests ({@code <speak>…}) are spoken as written: the caller's markup decides there. Rules may lengthen
 * a text at most eightfold (plus 2,000 characters), else the request is a 400 {@code pronunciation_too_long}.
 * Versions are immutable, so the service keeps the compiled rules of the 64 most recently used locator lists.
 *
 * <p>PLS input is parsed with the JDK's parser with DTDs refused (no external entities) and a size bound; a file that
 * is not a PLS lexicon is a 400 naming the line.
 */
package dev.timbre.pronunciationdictionaries;
