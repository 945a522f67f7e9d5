package dev.timbre.convai.knowledgebase.extract;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML → text with jsoup: drops {@code script, style, noscript, template, nav, header, footer, aside, form, svg,
 * iframe}, then walks the body in document order; every block element (paragraphs, headings, list items, divs,
 * table cells, {@code br}…) ends a paragraph. Stateless.
 */
public final class HtmlText {
    private static final String DROPPED = "script, style, noscript, template, nav, header, footer, aside, form, svg, iframe, button, select";
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
            "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figcaption", "caption", "br", "hr",
            "body", "html");

    private HtmlText() {}

    public static Extracted extract(String html, int maxChars) throws ExtractionException {
        Document doc = Jsoup.parse(html);
        String title = doc.title();
        doc.select(DROPPED).remove();
        TextBuilder out = new TextBuilder(maxChars);
        Collector collector = new Collector(out);
        NodeTraversor.traverse(collector, doc.body());
        if (collector.failure != null) throw collector.failure;
        collector.flush();
        if (collector.failure != null) throw collector.failure;
        return out.build(title);
    }

    /** Gathers text nodes into the current paragraph; block boundaries flush it. */
    private static final class Collector implements NodeVisitor {
        private final TextBuilder out;
        private final StringBuilder current = new StringBuilder();
        ExtractionException failure;

        Collector(TextBuilder out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) current.append(t.getWholeText());
            else if (node instanceof Element e && BLOCKS.contains(e.normalName())) flush();
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) flush();
        }

        void flush() {
            if (failure != null || current.isEmpty()) return;
            try {
                out.paragraph(current.toString());
            } catch (ExtractionException e) {
                failure = e;
            }
            current.setLength(0);
        }
    }
}
