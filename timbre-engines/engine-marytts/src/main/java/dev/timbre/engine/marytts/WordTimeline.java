package dev.timbre.engine.marytts;

import dev.timbre.engine.WordTiming;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads word timings off a MaryXML ACOUSTPARAMS document. In document order, phone durations ({@code ph/@d}, ms) and
 * pause durations ({@code boundary/@duration}, ms) add up to the audio MaryTTS vocodes from the same document (within
 * 5 ms). A word spans its first to its last phone; tokens without phones (punctuation) are no words. A token group that
 * MaryTTS expanded ({@code mtu}: "Dr." spoken as "doctor", "3.50" as four words) is one word with its written form.
 * Single use, one thread.
 */
final class WordTimeline {
    private final List<WordTiming> words = new ArrayList<>();
    private final double offsetSeconds;
    private double ms;
    private double wordStartMs = -1;
    private boolean inWord;

    private WordTimeline(double offsetSeconds) { this.offsetSeconds = offsetSeconds; }

    /** Timings in seconds, shifted by {@code offsetSeconds} (where the document's audio starts in the stream). */
    static List<WordTiming> read(Document acoustparams, double offsetSeconds) {
        WordTimeline timeline = new WordTimeline(offsetSeconds);
        timeline.visit(acoustparams.getDocumentElement());
        return timeline.words;
    }

    /** Whether the document has anything to say; MaryTTS refuses to vocode one without phones. */
    static boolean hasPhones(Document acoustparams) {
        return acoustparams.getElementsByTagName("ph").getLength() > 0;
    }

    private void visit(Element e) {
        switch (e.getNodeName()) {
            case "ph" -> {
                if (inWord && wordStartMs < 0) wordStartMs = ms;
                ms += number(e, "d");
            }
            case "boundary" -> ms += number(e, "duration");
            case "mtu" -> word(e, e.getAttribute("orig"));
            case "t" -> word(e, e.getTextContent());
            default -> visitChildren(e);
        }
    }

    private void word(Element e, String written) {
        if (inWord) {
            visitChildren(e);
            return;
        }
        inWord = true;
        wordStartMs = -1;
        visitChildren(e);
        inWord = false;
        String text = (written.isBlank() ? e.getTextContent() : written).strip().replaceAll("\\s+", " ");
        if (wordStartMs >= 0 && !text.isEmpty()) {
            words.add(new WordTiming(text, offsetSeconds + wordStartMs / 1000, offsetSeconds + ms / 1000));
        }
    }

    private void visitChildren(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) visit(child);
        }
    }

    private static double number(Element e, String attribute) {
        String value = e.getAttribute(attribute);
        try {
            return value.isEmpty() ? 0 : Double.parseDouble(value);
        } catch (NumberFormatException ignored) {
            return 0;
        }
    }
}
