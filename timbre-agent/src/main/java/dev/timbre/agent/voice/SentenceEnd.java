package dev.timbre.agent.voice;

import java.util.Locale;
import java.util.Set;

/**
 * What the last words of a (partial) transcript say about the sentence, for {@link EndOfTurn}: an unfinished phrase
 * ("… and", "… the", "um", "… my number is") or an opener people pause after before going on ("hello,", "well,",
 * "okay,", "thank you,"); a word a sentence cannot end on, though the speaker may (a preposition, an auxiliary, a
 * subject pronoun, a possessive: "… about", "… could", "… i"); or a word a sentence can end on. Stateless.
 */
enum SentenceEnd {
    /** The speaker is mid-phrase or after an opener: wait the patient time. */
    UNFINISHED,
    /** Nothing to tell either way (also: no words): today's silence. */
    OPEN,
    /** The words can end a sentence: with a falling voice, the turn may end after a short silence. */
    COMPLETE;

    private static final Set<String> UNFINISHED_WORDS = Set.of("and", "but", "or", "the", "a", "an", "to", "um", "uh",
            "uhm", "erm", "er", "so", "because", "of", "with", "for", "if", "that", "my", "your", "in", "on", "at", "like",
            // a copula before the pause: "my number is … five five five"
            "is", "are", "was", "were", "am", "whether", "than",
            // openers: a pause after them is usually mid-sentence
            "hello", "hi", "hey", "well", "okay", "ok", "alright", "thanks", "actually", "anyway", "also");
    /** Two-word openers, checked on the last two words. */
    private static final Set<String> UNFINISHED_PAIRS = Set.of("thank you", "you know", "i mean", "good morning",
            "good afternoon", "good evening", "excuse me");
    /** Words English sentences rarely end on (prepositions, auxiliaries, pronouns, possessives, fillers). */
    private static final Set<String> NOT_FINAL = Set.of("about", "from", "into", "onto", "by", "as", "over", "under",
            "after", "before", "without", "through", "between", "toward", "towards", "upon", "via", "per", "nor",
            "although", "while", "unless", "until", "since", "be", "been", "being", "will", "would", "can", "could",
            "should", "shall", "may", "might", "must", "do", "does", "did", "have", "has", "had", "i", "we", "they",
            "he", "she", "his", "our", "their", "its", "i'm", "it's", "that's", "there's", "you're", "we're", "they're",
            "i'll", "i'd", "i've", "very", "really", "just", "quite", "some", "any", "every", "each", "hmm", "mm", "ah",
            "uh-huh");

    /** The ending of {@code text} (case and trailing punctuation ignored). */
    static SentenceEnd of(String text) {
        if (text == null) return OPEN;
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+$", "").strip();
        if (t.isEmpty()) return OPEN;
        String[] words = t.split("\\s+");
        String last = words[words.length - 1];
        if (UNFINISHED_WORDS.contains(last)) return UNFINISHED;
        if (words.length >= 2 && UNFINISHED_PAIRS.contains(words[words.length - 2] + " " + last)) return UNFINISHED;
        return NOT_FINAL.contains(last) ? OPEN : COMPLETE;
    }
}
