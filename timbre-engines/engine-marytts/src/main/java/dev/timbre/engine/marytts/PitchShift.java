package dev.timbre.engine.marytts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reshapes the pitch targets ({@code ph/@f0}, pairs of "(percent of the phone, Hz)") of a MaryXML ACOUSTPARAMS
 * document the way MaryTTS's {@code F0Add} and {@code F0Scale} audio effects reshape the vocoder's pitch:
 * f0' = factor·(mean + scale·(f0 − mean) + add), with mean the document's average target ({@code factor}: a voice
 * shape's pitch shift, 2^(semitones/12), applied after the preset's own reshaping). The result measures the same
 * (median pitch and spread within 2 Hz). The effects themselves are not used because MaryTTS stores their parameters
 * on the shared voice object: concurrent requests with different effects were measured to corrupt each other's audio.
 * Changing the per-request document keeps requests independent.
 */
final class PitchShift {
    private static final Pattern TARGET = Pattern.compile("\\((\\d+),(\\d+(?:\\.\\d+)?)\\)");

    private PitchShift() {}

    /** Modifies {@code acoustparams} in place; add in Hz, scale a factor on the spread around the mean. */
    static void apply(Document acoustparams, double add, double scale) {
        apply(acoustparams, add, scale, 1);
    }

    /** As {@link #apply(Document, double, double)}, then every target multiplied by {@code factor}. */
    static void apply(Document acoustparams, double add, double scale, double factor) {
        if (add == 0 && scale == 1 && factor == 1) return;
        NodeList phones = acoustparams.getElementsByTagName("ph");
        double sum = 0;
        int count = 0;
        for (int i = 0; i < phones.getLength(); i++) {
            Matcher m = TARGET.matcher(((Element) phones.item(i)).getAttribute("f0"));
            while (m.find()) {
                sum += Double.parseDouble(m.group(2));
                count++;
            }
        }
        if (count == 0) return;
        double mean = sum / count;
        for (int i = 0; i < phones.getLength(); i++) {
            Element phone = (Element) phones.item(i);
            String f0 = phone.getAttribute("f0");
            if (f0.isEmpty()) continue;
            Matcher m = TARGET.matcher(f0);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                double hz = Math.max(0, factor * (mean + scale * (Double.parseDouble(m.group(2)) - mean) + add));
                out.append('(').append(m.group(1)).append(',').append(Math.round(hz)).append(')');
            }
            phone.setAttribute("f0", out.toString());
        }
    }
}
