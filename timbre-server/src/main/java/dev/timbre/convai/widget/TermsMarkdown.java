package dev.timbre.convai.widget;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The widget's terms as HTML: the text is escaped first, then a small Markdown subset becomes markup (paragraphs at
 * blank lines, line breaks, {@code **bold**}, {@code *emphasis*}, {@code [text](https://…)} links opening in a new
 * tab; only {@code http}, {@code https} and {@code mailto} targets). Nothing the text holds can become a tag or an
 * attribute of its own, so the widget may insert the result as HTML. Stateless.
 */
final class TermsMarkdown {
    private TermsMarkdown() {}

    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]{1,500})]\\(((?:https?://|mailto:)[^\\s()\"<>]{1,2000})\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]{1,2000})\\*\\*");
    private static final Pattern EM = Pattern.compile("\\*([^*\\n]{1,2000})\\*");

    static String html(String markdown) {
        StringBuilder out = new StringBuilder();
        for (String para : markdown.replace("\r\n", "\n").split("\n\\s*\n")) {
            String p = para.strip();
            if (p.isEmpty()) continue;
            String h = escape(p);
            h = replace(LINK, h, m -> "<a href=\"" + m.group(2) + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + m.group(1) + "</a>");
            h = replace(BOLD, h, m -> "<strong>" + m.group(1) + "</strong>");
            h = replace(EM, h, m -> "<em>" + m.group(1) + "</em>");
            out.append("<p>").append(h.replace("\n", "<br>")).append("</p>");
        }
        return out.toString();
    }

    private static String replace(Pattern p, String s, java.util.function.Function<java.util.regex.MatchResult, String> f) {
        return p.matcher(s).replaceAll(m -> Matcher.quoteReplacement(f.apply(m)));
    }

    /** HTML-escapes {@code & < > " '}. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
