package dev.timbre.engine.rules;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The rule engine's extractive answer from retrieved knowledge: when the system prompt has a section introduced by a
 * line containing {@value #MARKER} (the agent runtime's RAG header; passages separated by lines of dashes), the passage
 * sharing the most content words with the user's message (at least one; the earliest on a tie), or its best sentence
 * when the passage is longer than {@value #MAX_PASSAGE} characters. Stateless.
 */
final class KnowledgeAnswer {
    static final String MARKER = "information from the knowledge base";
    /** A passage up to this many characters is the answer; a longer one gives its best sentence. */
    static final int MAX_PASSAGE = 300;
    private static final Set<String> STOPWORDS = Set.of("the", "and", "for", "was", "were", "are", "is", "what", "who", "whom",
            "when", "where", "which", "why", "how", "did", "does", "do", "can", "could", "would", "with", "from", "that", "this",
            "there", "their", "about", "have", "has", "had", "you", "your", "tell", "know", "please", "its", "into", "any");

    private KnowledgeAnswer() {}

    /** The answer, or null when the prompt has no knowledge or nothing in it matches. */
    static String find(String systemPrompt, String userText) {
        if (systemPrompt == null || userText == null) return null;
        int at = systemPrompt.toLowerCase(Locale.ROOT).indexOf(MARKER);
        if (at < 0) return null;
        int start = systemPrompt.indexOf('\n', at);
        if (start < 0) return null;
        Set<String> asked = words(userText);
        if (asked.isEmpty()) return null;
        String passage = best(systemPrompt.substring(start).split("\\n\\s*-{3,}\\s*\\n"), asked);
        if (passage == null || passage.length() <= MAX_PASSAGE) return passage;
        return best(passage.split("(?<=[.!?])\\s+|\\n+"), asked);
    }

    /** Of {@code texts}, the one sharing the most words with {@code asked} (at least one; the earliest on a tie). */
    private static String best(String[] texts, Set<String> asked) {
        String best = null;
        int bestScore = 0;
        for (String text : texts) {
            String s = text.strip();
            int score = 0;
            for (String w : words(s)) if (asked.contains(w)) score++;
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return best;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 2 && !STOPWORDS.contains(w)) out.add(w);
        }
        return out;
    }
}
