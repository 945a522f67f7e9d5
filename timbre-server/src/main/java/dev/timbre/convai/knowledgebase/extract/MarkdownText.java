package dev.timbre.convai.knowledgebase.extract;

import java.util.regex.Pattern;

/**
 * Markdown → plain text without a Markdown library: heading and quote markers, list bullets, emphasis, inline code
 * ticks and link/image syntax are dropped (link text kept); paragraphs are blank-line separated as in the source.
 */
final class MarkdownText {
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s*(.*)$");
    private static final Pattern QUOTE = Pattern.compile("(?m)^\\s{0,3}>+\\s?");
    private static final Pattern BULLET = Pattern.compile("(?m)^\\s*([-*+]|\\d+[.)])\\s+");
    private static final Pattern IMAGE_OR_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`+|~~)");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*([-*_]\\s*){3,}$");

    private MarkdownText() {}

    static Extracted extract(String markdown, ExtractionLimits limits) throws ExtractionException {
        String s = RULE.matcher(markdown).replaceAll("");
        // a heading is a paragraph of its own
        s = HEADING.matcher(s).replaceAll("\n$1\n");
        s = QUOTE.matcher(s).replaceAll("");
        // a bullet starts its own paragraph
        s = BULLET.matcher(s).replaceAll("\n");
        s = IMAGE_OR_LINK.matcher(s).replaceAll("$1");
        s = EMPHASIS.matcher(s).replaceAll("");
        return new TextBuilder(limits.maxChars()).plain(s).build(null);
    }
}
