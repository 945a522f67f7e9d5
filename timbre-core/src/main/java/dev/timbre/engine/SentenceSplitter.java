package dev.timbre.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits plain text into sentences, so that the first can be heard while the rest are synthesised. A sentence ends
 * after {@code . ! ? …} (and any closing quotes or brackets) followed by whitespace, unless the next word starts in
 * lower case or the full stop ends a common abbreviation or an initial; a blank line always ends one. Each piece keeps
 * its punctuation and is stripped; blank pieces are dropped. Stateless and thread-safe.
 */
public final class SentenceSplitter {
    private static final Pattern END = Pattern.compile("[.!?…]+[\"'”’)\\]]*(?=\\s)");
    private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n");
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt",
            "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "no", "nos", "approx", "fig", "dept", "est", "gen",
            "gov", "rev", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k");

    private SentenceSplitter() {}

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : PARAGRAPH.split(text)) {
            Matcher m = END.matcher(paragraph);
            int start = 0;
            while (m.find()) {
                if (!endsSentence(paragraph, m.start(), m.end())) continue;
                add(sentences, paragraph.substring(start, m.end()));
                start = m.end();
            }
            add(sentences, paragraph.substring(start));
        }
        return sentences;
    }

    private static boolean endsSentence(String text, int punctuation, int end) {
        int next = end;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) next++;
        if (next < text.length() && Character.isLowerCase(text.charAt(next))) return false;
        if (text.charAt(punctuation) != '.' || end - punctuation > 1 && text.charAt(punctuation + 1) == '.') return true;
        int wordStart = punctuation;
        while (wordStart > 0 && (Character.isLetter(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '.')) {
            wordStart--;
        }
        String word = text.substring(wordStart, punctuation);
        return !(word.length() == 1 && Character.isUpperCase(word.charAt(0)) || ABBREVIATIONS.contains(word.toLowerCase()));
    }

    private static void add(List<String> sentences, String piece) {
        String s = piece.strip();
        if (!s.isEmpty()) sentences.add(s);
    }
}
