package dev.timbre.engine.marytts;

import dev.timbre.engine.EngineException;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds the SSML documents MaryTTS reads. Plain text goes in as a text node, so it needs no escaping; a speed other
 * than 1 becomes {@code <prosody rate="±N%">} around the whole content. Inline phonemes in plain text,
 * {@code [[ipa:təˈmeɪtoʊ|tomato]]} or {@code [[cmu-arpabet:T AH0 M EY1 T OW2|tomato]]} (the alphabet, the phonemes, the
 * word as written), become {@code <phoneme alphabet="x-sampa" ph="…">word</phoneme>} in MaryTTS's phone set
 * ({@link MaryPhonemes}); {@link SpeechRenderer} makes MaryTTS speak those phones. Thread-safe (no shared state).
 */
final class SsmlDocuments {
    static final String SSML_NS = "http://www.w3.org/2001/10/synthesis";
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    /** Speeds outside this range are clamped; the API allows 0.7 to 1.2. */
    private static final double MIN_SPEED = 0.5, MAX_SPEED = 2.0;

    private SsmlDocuments() {}

    /** Whether the request text is SSML rather than plain text. */
    static boolean isSsml(String text) {
        String t = text.stripLeading();
        return t.startsWith("<speak") || t.startsWith("<?xml");
    }

    static Document fromText(String text, double speed) {
        return fromText(text, speed, null);
    }

    /** {@code [[alphabet:phonemes|word]]}; see the class comment. */
    static final java.util.regex.Pattern INLINE_PHONEMES =
            java.util.regex.Pattern.compile("\\[\\[(ipa|cmu-arpabet):([^|\\]]{1,1000})\\|([^\\]|]{1,1000})]]");

    /** @param contour an SSML pitch contour for the whole text, or null */
    static Document fromText(String text, double speed, String contour) {
        Document doc = builder().newDocument();
        Element speak = doc.createElementNS(SSML_NS, "speak");
        doc.appendChild(speak);
        appendText(doc, speak, text);
        completeSpeak(speak);
        if (contour != null) wrap(doc, "contour", contour);
        applySpeed(doc, speed);
        return doc;
    }

    /** Appends {@code text} to {@code parent}, its inline phonemes as {@code <phoneme>} elements. */
    private static void appendText(Document doc, Element parent, String text) {
        java.util.regex.Matcher m = INLINE_PHONEMES.matcher(text);
        int from = 0;
        while (m.find()) {
            if (m.start() > from) parent.appendChild(doc.createTextNode(text.substring(from, m.start())));
            String phones = MaryPhonemes.convert(m.group(1), m.group(2));
            if (phones.isEmpty()) {
                parent.appendChild(doc.createTextNode(m.group(3))); // nothing MaryTTS can say: the word as written
            } else {
                Element phoneme = doc.createElementNS(SSML_NS, "phoneme");
                phoneme.setAttribute("alphabet", "x-sampa");
                phoneme.setAttribute("ph", phones);
                phoneme.appendChild(doc.createTextNode(m.group(3)));
                parent.appendChild(phoneme);
            }
            from = m.end();
        }
        if (from < text.length() || from == 0) parent.appendChild(doc.createTextNode(text.substring(from)));
    }

    /** Whether {@code doc} has {@code <phoneme>} elements (SSML's, or made from inline phonemes). */
    static boolean hasPhonemes(Document doc) {
        return doc.getElementsByTagNameNS(SSML_NS, "phoneme").getLength() > 0;
    }

    /**
     * Parses SSML. MaryTTS requires the SSML namespace and a language on {@code <speak>}: elements written without a
     * namespace are put in the SSML one, and a missing {@code xml:lang} becomes {@code en-US}.
     *
     * @throws EngineException (not retryable) when the markup is not well-formed or its root is not {@code speak}
     */
    static Document parse(String ssml, double speed) {
        Document doc;
        try {
            doc = builder().parse(new InputSource(new StringReader(ssml)));
        } catch (SAXException | IOException e) {
            throw new EngineException("invalid SSML: " + e.getMessage(), e, false);
        }
        if (!"speak".equals(adoptNamespace(doc, doc.getDocumentElement()).getLocalName())) {
            throw new EngineException("SSML root must be <speak>");
        }
        completeSpeak(doc.getDocumentElement());
        applySpeed(doc, speed);
        return doc;
    }

    /** Returns the element itself, or its replacement when renaming had to make a new node. */
    private static Element adoptNamespace(Document doc, Element element) {
        Element e = element.getNamespaceURI() != null ? element
                : (Element) doc.renameNode(element, SSML_NS, element.getNodeName());
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element c) child = adoptNamespace(doc, c);
        }
        return e;
    }

    private static void completeSpeak(Element speak) {
        if (!speak.hasAttribute("version")) speak.setAttribute("version", "1.0");
        if (!speak.hasAttributeNS(XML_NS, "lang")) speak.setAttributeNS(XML_NS, "xml:lang", "en-US");
    }

    /** Speed 1 (to the whole percent) leaves the document as it is. */
    private static void applySpeed(Document doc, double speed) {
        long percent = Math.round((Math.max(MIN_SPEED, Math.min(MAX_SPEED, speed)) - 1) * 100);
        if (percent == 0) return;
        wrap(doc, "rate", (percent > 0 ? "+" : "") + percent + "%");
    }

    /** Puts everything inside {@code <speak>} into a {@code <prosody attribute="value">}. */
    private static void wrap(Document doc, String attribute, String value) {
        Element speak = doc.getDocumentElement();
        Element prosody = doc.createElementNS(speak.getNamespaceURI(), "prosody");
        prosody.setAttribute(attribute, value);
        while (speak.getFirstChild() != null) prosody.appendChild(speak.getFirstChild());
        speak.appendChild(prosody);
    }

    /** A namespace-aware parser that refuses DTDs (and with them external entities). */
    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors instead of printing them to stderr
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
