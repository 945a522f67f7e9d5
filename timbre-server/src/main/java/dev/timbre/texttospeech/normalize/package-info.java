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
 * Timbre normalises in "auto" as well, for three reasons. MaryTTS 5.2.1 has its own English preprocessing and gets
 * much right (checked on its WORDS output: "1,234", years, "21st", "3.14", "-5", "45%", "$5.50", "03/15/2024", phone
 * digits, "&", e-mail addresses, "Dr."/"Mr."/"St."/"etc."), but it also gets much wrong: "2024-03-15" digit by digit,
 * "March 15" as a cardinal, "3:30 pm" as "three thirty a m pm", "$1M" as "$ one M", "€1.2 million" as "one euro two
 * cents million", "£3" as "pound sterling", "5 km" as "k m", "e.g." as "e g", "vs." and "approx." untouched. Other
 * engines bound to the same model id may do no normalisation at all. And the engine's expansions are invisible to
 * the caller, so {@code normalized_alignment} could not be produced. Normalising here gives the same spoken words on
 * every engine plus the map; MaryTTS then sees plain words and its own expansion has nothing left to do. With "off"
 * the text reaches the engine as written (MaryTTS may still expand tokens itself) and both alignments are the same.
 */
package dev.timbre.texttospeech.normalize;
