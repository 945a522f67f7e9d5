package dev.timbre.convai.knowledgebase;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a document's text (paragraphs separated by blank lines) into retrieval chunks, in reading order:
 * <ol>
 *   <li>paragraphs are packed whole into a chunk while it stays within {@link #TARGET} characters;</li>
 *   <li>a paragraph longer than {@link #MAX} is split at sentence ends ({@code . ! ?} and a space), a sentence longer
 *       than {@link #MAX} at the last space before it (or hard at {@link #MAX});</li>
 *   <li>each chunk after the first starts with the last sentence of the one before when that sentence is at most
 *       {@link #OVERLAP} characters (a little overlap, so an answer that straddles a boundary is found whole).</li>
 * </ol>
 * So a chunk is at most {@code MAX + OVERLAP + 2} characters. Deterministic: the same text gives the same chunks.
 */
public final class Chunks {
    public static final int TARGET = 800;
    public static final int MAX = 1000;
    public static final int OVERLAP = 200;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

    private Chunks() {}

    public static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        for (String paragraph : text.split("\n\\s*\n")) {
            String p = paragraph.strip();
            if (p.isEmpty()) continue;
            if (p.length() <= MAX) pieces.add(p);
            else pieces.addAll(sentences(p));
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            if (!current.isEmpty() && current.length() + piece.length() + 2 > TARGET) {
                chunks.add(current.toString());
                current.setLength(0);
                String carry = lastSentence(chunks.get(chunks.size() - 1));
                if (carry != null && carry.length() <= OVERLAP && !carry.equals(piece)) current.append(carry);
            }
            if (!current.isEmpty()) current.append("\n\n");
            current.append(piece);
        }
        if (!current.isEmpty()) chunks.add(current.toString());
        return chunks;
    }

    /** A long paragraph as sentence groups of at most {@link #MAX} characters each. */
    private static List<String> sentences(String paragraph) {
        List<String> out = new ArrayList<>();
        StringBuilder group = new StringBuilder();
        for (String s : SENTENCE_END.split(paragraph)) {
            while (s.length() > MAX) {
                int cut = s.lastIndexOf(' ', MAX);
                if (cut <= MAX / 2) cut = MAX;
                if (!group.isEmpty()) {
                    out.add(group.toString());
                    group.setLength(0);
                }
                out.add(s.substring(0, cut).strip());
                s = s.substring(cut).strip();
            }
            if (!group.isEmpty() && group.length() + s.length() + 1 > MAX) {
                out.add(group.toString());
                group.setLength(0);
            }
            if (!group.isEmpty()) group.append(' ');
            group.append(s);
        }
        if (!group.isEmpty()) out.add(group.toString());
        return out;
    }

    private static String lastSentence(String chunk) {
        String[] s = SENTENCE_END.split(chunk.substring(chunk.lastIndexOf("\n\n") + 1).strip());
        return s.length == 0 ? null : s[s.length - 1].strip();
    }
}
