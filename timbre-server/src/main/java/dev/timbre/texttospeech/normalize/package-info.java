/**
 * English text normalisation for speech, with a character map back to the written text.
 *
 * <p>{@link dev.timbre.texttospeech.normalize.TextNormalizer#normalize} turns "Dr. Lee paid $5.50 on 03/15/2024" into
 * "Doctor Lee paid five dollars and fifty cents on March fifteenth, twenty twenty-four" and keeps, per spoken char, the
 * written char it came from. The {@code /with-timestamps} endpoints time the normalised text ({@code
 * normalized_alignment}) and derive {@code alignment} for the written text through
 * {@link dev.timbre.texttospeech.normalize.NormalizedText#originalTimes}.
 *
 * <p>API contract, {@code apply_text_normalization}: "on" always normalises, "off" never, "auto" lets the server decide.
 * Timbre normalises in "auto" as well. MaryTTS has its own English preprocessing (cardinals, ordinals, years, some
 * money and times, abbreviations, via ICU rules on its own tokens), but it is uneven ("1,234", "45%", "$1M", ISO and
 * slashed dates, phone numbers, units, "e.g." come out wrong or letter by letter), it differs between engines (remote
 * engines bound to the same model id may do none), and its expansions are invisible to us, so the normalised
 * characters could not be timed. Doing it here makes the spoken words the same for every engine and gives the map;
 * MaryTTS then sees plain words and its own expansion becomes a no-op. With "off" the text reaches the engine as
 * written, and MaryTTS may still expand some tokens itself; the alignment then refers to the written text only.
 */
package dev.timbre.texttospeech.normalize;
