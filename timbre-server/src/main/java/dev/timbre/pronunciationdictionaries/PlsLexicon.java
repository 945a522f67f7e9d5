package dev.timbre.pronunciationdictionaries;

import dev.timbre.http.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads and writes W3C PLS 1.0 lexicons. Reading: each {@code <grapheme>} of a {@code <lexeme>} becomes one rule, an
 * alias rule when the lexeme has an {@code <alias>}, else a phoneme rule (the first {@code <phoneme>}, in its own
 * {@code alphabet} or the lexicon's). The JDK's SAX parser with DOCTYPE refused (so no external entities) and secure
 * processing on; input bounded by {@link #MAX_BYTES} and {@link #MAX_RULES}. Stateless and thread-safe.
 */
public final class PlsLexicon {
    public static final String NAMESPACE = "http://www.w3.org/2005/01/pronunciation-lexicon";
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_RULES = 10_000;

    private PlsLexicon() {}

    /** The rules of {@code pls}; a 400 {@code invalid_pls} naming the line when it is not a PLS lexicon. */
    public static List<PronunciationRule> parse(byte[] pls) {
        if (pls.length > MAX_BYTES) throw invalid("The file is larger than " + MAX_BYTES + " bytes.");
        Handler handler = new Handler();
        try {
            parser().parse(new ByteArrayInputStream(pls), handler);
        } catch (SAXParseException e) {
            throw invalid("The file is not a PLS lexicon: line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw invalid("The file is not a PLS lexicon: " + e.getMessage());
        }
        return handler.rules;
    }

    /** {@code rules} as a PLS lexicon (UTF-8 text); phoneme rules carry their alphabet on each {@code <phoneme>}. */
    public static String write(List<PronunciationRule> rules) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lexicon version=\"1.0\"\n")
                .append("      xmlns=\"").append(NAMESPACE).append("\"\n      alphabet=\"ipa\" xml:lang=\"en-US\">\n");
        for (PronunciationRule r : rules) {
            b.append("  <lexeme>\n    <grapheme>").append(escape(r.stringToReplace())).append("</grapheme>\n");
            if (r.isAlias()) b.append("    <alias>").append(escape(r.alias())).append("</alias>\n");
            else b.append("    <phoneme alphabet=\"").append(escape(r.alphabet())).append("\">").append(escape(r.phoneme())).append("</phoneme>\n");
            b.append("  </lexeme>\n");
        }
        return b.append("</lexicon>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("invalid_pls", message);
    }

    private static SAXParser parser() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            return f.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects rules; confined to one parse. */
    private static final class Handler extends DefaultHandler {
        final List<PronunciationRule> rules = new ArrayList<>();
        private Locator locator;
        private String lexiconAlphabet;
        private int depth;
        private boolean inLexeme;
        private final List<String> graphemes = new ArrayList<>();
        private String alias, phoneme, phonemeAlphabet;
        private int lexemeLine;
        private StringBuilder text;
        private String field, fieldAlphabet;

        @Override public void setDocumentLocator(Locator l) { locator = l; }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
            depth++;
            if (depth == 1) {
                if (!"lexicon".equals(local)) throw fail("the root element is <" + qName + ">, not <lexicon>");
                lexiconAlphabet = atts.getValue("alphabet");
            } else if (depth == 2 && "lexeme".equals(local)) {
                inLexeme = true;
                lexemeLine = locator.getLineNumber();
                graphemes.clear();
                alias = phoneme = phonemeAlphabet = null;
            } else if (depth == 3 && inLexeme && ("grapheme".equals(local) || "alias".equals(local) || "phoneme".equals(local))) {
                field = local;
                fieldAlphabet = atts.getValue("alphabet");
                text = new StringBuilder();
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (text == null) return;
            if (text.length() + length > PronunciationRule.MAX_LENGTH) throw fail("<" + field + "> is longer than " + PronunciationRule.MAX_LENGTH + " characters");
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            if (text != null && depth == 3) {
                String value = text.toString().strip();
                switch (field) {
                    case "grapheme" -> { if (!value.isEmpty()) graphemes.add(value); }
                    case "alias" -> { if (alias == null) alias = value; }
                    default -> { if (phoneme == null && !value.isEmpty()) { phoneme = value; phonemeAlphabet = fieldAlphabet; } }
                }
                text = null;
            } else if (depth == 2 && inLexeme) {
                inLexeme = false;
                endLexeme();
            }
            depth--;
        }

        private void endLexeme() throws SAXException {
            if (graphemes.isEmpty()) throw fail("the <lexeme> that starts on line " + lexemeLine + " has no <grapheme>");
            if (alias == null && phoneme == null) throw fail("the <lexeme> that starts on line " + lexemeLine + " has neither <alias> nor <phoneme>");
            String alphabet = alphabet(phonemeAlphabet != null ? phonemeAlphabet : lexiconAlphabet);
            for (String g : graphemes) {
                if (rules.size() == MAX_RULES) throw fail("the lexicon has more than " + MAX_RULES + " rules");
                rules.add(alias != null ? PronunciationRule.alias(g, alias) : PronunciationRule.phoneme(g, phoneme, alphabet));
            }
        }

        private String alphabet(String a) throws SAXException {
            if (a == null) throw fail("no alphabet is given for the <phoneme> of the <lexeme> on line " + lexemeLine);
            String lower = a.toLowerCase(Locale.ROOT);
            if (lower.equals("ipa")) return PronunciationRule.IPA;
            if (lower.equals("cmu-arpabet") || lower.equals("x-cmu") || lower.equals("arpabet") || lower.equals("x-arpabet")) {
                return PronunciationRule.CMU_ARPABET;
            }
            throw fail("the alphabet \"" + a + "\" is not supported (use ipa or cmu-arpabet)");
        }

        private SAXParseException fail(String message) {
            return new SAXParseException(message, locator);
        }
    }
}
