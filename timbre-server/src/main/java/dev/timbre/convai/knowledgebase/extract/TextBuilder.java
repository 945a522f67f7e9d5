package dev.timbre.convai.knowledgebase.extract;

import org.jsoup.nodes.Entities;

/**
 * Collects paragraphs into plain text (blank-line separated) and matching HTML ({@code <p>} per paragraph), refusing
 * to grow past {@code maxChars} of text. Not thread-safe: one per extraction.
 */
final class TextBuilder {
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F]");

    private final int maxChars;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder();

    TextBuilder(int maxChars) {
        this.maxChars = maxChars;
    }

    /**
     * Adds one paragraph: control characters removed (PostgreSQL text cannot hold NUL), whitespace runs folded to one
     * space; blank ones dropped.
     */
    TextBuilder paragraph(String raw) throws ExtractionException {
        String p = raw == null ? "" : CONTROL.matcher(raw).replaceAll("").replaceAll("[\\s\\u00A0]+", " ").strip();
        if (p.isEmpty()) return this;
        if (text.length() + p.length() + 2 > maxChars) {
            throw new ExtractionException(ExtractionException.Kind.TOO_LARGE,
                    "The document's text exceeds the limit of " + maxChars + " characters");
        }
        if (!text.isEmpty()) text.append("\n\n");
        text.append(p);
        html.append("<p>").append(Entities.escape(p)).append("</p>\n");
        return this;
    }

    /** Adds each blank-line separated block of {@code plain} as a paragraph (single newlines fold to spaces). */
    TextBuilder plain(String plain) throws ExtractionException {
        for (String block : plain.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) paragraph(block);
        return this;
    }

    /** The result; {@link ExtractionException.Kind#EMPTY} when no paragraph had text. */
    Extracted build(String title) throws ExtractionException {
        if (text.isEmpty()) throw new ExtractionException(ExtractionException.Kind.EMPTY, "The document contains no text");
        return new Extracted(text.toString(), html.toString(), title == null || title.isBlank() ? null : title.strip());
    }
}
