package dev.timbre.engine.marytts;

import dev.timbre.engine.TimedSpeech.TimedWord;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Imposes target word durations and pitches on a MaryXML ACOUSTPARAMS document of one phrase, in place, before it is
 * vocoded (MaryTTS's HMM vocoder speaks the document's phone durations {@code ph/@d} and pitch targets {@code ph/@f0}).
 * Durations: each word's phones are scaled together so that the word lasts from its target start to the next word's
 * (the last: to its end), by a factor within {@link #MIN_SCALE}..{@link #MAX_SCALE}; pauses ({@code boundary}) are
 * cut to {@link #EDGE_MS} (the caller places the phrase, so it has no pause of its own). When MaryTTS made a different
 * number of words than asked (it expands "3" to "three"), the phrase is scaled as a whole instead. Pitch: a word with
 * a ratio has its targets scaled so that their mean is that ratio times the phrase's median target (the voice's
 * own contour inside the word is kept). Single use, one thread.
 */
final class PhraseTiming {
    static final double MIN_SCALE = 0.25, MAX_SCALE = 4;
    static final double EDGE_MS = 5;
    private static final Pattern TARGET = Pattern.compile("\\((\\d+),(\\d+(?:\\.\\d+)?)\\)");

    private final List<List<Element>> wordPhones = new ArrayList<>();
    private final List<Element> boundaries = new ArrayList<>();
    private List<Element> current;

    private PhraseTiming() {}

    /** Modifies {@code acoustparams}; {@code words} in order, times in seconds. */
    static void apply(Document acoustparams, List<TimedWord> words) {
        PhraseTiming p = new PhraseTiming();
        p.visit(acoustparams.getDocumentElement());
        p.wordPhones.removeIf(List::isEmpty);
        for (Element b : p.boundaries) b.setAttribute("duration", Long.toString(Math.round(EDGE_MS)));
        if (p.wordPhones.size() == words.size()) {
            for (int i = 0; i < words.size(); i++) {
                double target = (i + 1 < words.size() ? words.get(i + 1).start() : words.get(i).end()) - words.get(i).start();
                scaleDurations(p.wordPhones.get(i), target * 1000);
            }
            p.pitch(words);
        } else if (!p.wordPhones.isEmpty() && !words.isEmpty()) {
            double target = words.get(words.size() - 1).end() - words.get(0).start();
            scaleDurations(p.wordPhones.stream().flatMap(List::stream).toList(), target * 1000);
        }
    }

    private static void scaleDurations(List<Element> phones, double targetMs) {
        double ms = 0;
        for (Element ph : phones) ms += number(ph.getAttribute("d"));
        if (ms <= 0 || targetMs <= 0) return;
        double scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, targetMs / ms));
        for (Element ph : phones) ph.setAttribute("d", Long.toString(Math.max(1, Math.round(number(ph.getAttribute("d")) * scale))));
    }

    private void pitch(List<TimedWord> words) {
        List<Double> all = new ArrayList<>();
        for (List<Element> phones : wordPhones) all.addAll(targets(phones));
        if (all.isEmpty()) return;
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted[sorted.length / 2];
        for (int i = 0; i < words.size(); i++) {
            double ratio = words.get(i).pitchRatio();
            List<Double> own = targets(wordPhones.get(i));
            if (Double.isNaN(ratio) || own.isEmpty()) continue;
            double mean = own.stream().mapToDouble(Double::doubleValue).average().orElse(median);
            double factor = median * ratio / mean;
            for (Element ph : wordPhones.get(i)) scalePitch(ph, factor);
        }
    }

    private static List<Double> targets(List<Element> phones) {
        List<Double> out = new ArrayList<>();
        for (Element ph : phones) {
            Matcher m = TARGET.matcher(ph.getAttribute("f0"));
            while (m.find()) out.add(Double.parseDouble(m.group(2)));
        }
        return out;
    }

    private static void scalePitch(Element ph, double factor) {
        String f0 = ph.getAttribute("f0");
        if (f0.isEmpty()) return;
        Matcher m = TARGET.matcher(f0);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            double hz = Math.max(50, Math.min(500, Double.parseDouble(m.group(2)) * factor));
            out.append('(').append(m.group(1)).append(',').append(Math.round(hz)).append(')');
        }
        ph.setAttribute("f0", out.toString());
    }

    private void visit(Element e) {
        switch (e.getNodeName()) {
            case "ph" -> { if (current != null) current.add(e); }
            case "boundary" -> boundaries.add(e);
            case "mtu", "t" -> {
                if (current != null) {
                    visitChildren(e);
                    return;
                }
                current = new ArrayList<>();
                wordPhones.add(current);
                visitChildren(e);
                current = null;
            }
            default -> visitChildren(e);
        }
    }

    private void visitChildren(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) visit(child);
        }
    }

    private static double number(String value) {
        try {
            return value.isEmpty() ? 0 : Double.parseDouble(value);
        } catch (NumberFormatException ignored) {
            return 0;
        }
    }

}
