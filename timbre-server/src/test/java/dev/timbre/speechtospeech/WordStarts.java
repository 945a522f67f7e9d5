package dev.timbre.speechtospeech;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Compares two transcripts' word start times, pairing equal words in order (each looked for a few words ahead). */
final class WordStarts {
    private WordStarts() {}

    /** {mean absolute start difference in seconds, number of words paired}, from two {@code words} arrays of the STT response. */
    static double[] matched(JsonNode a, JsonNode b) {
        List<JsonNode> x = words(a), y = words(b);
        double sum = 0;
        int n = 0, j = 0;
        for (JsonNode w : x) {
            for (int k = j; k < Math.min(y.size(), j + 4); k++) {
                if (y.get(k).get("text").asText().equalsIgnoreCase(w.get("text").asText())) {
                    sum += Math.abs(w.get("start").asDouble() - y.get(k).get("start").asDouble());
                    n++;
                    j = k + 1;
                    break;
                }
            }
        }
        return new double[] {n == 0 ? Double.NaN : sum / n, n};
    }

    private static List<JsonNode> words(JsonNode words) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode w : words) if (w.get("type").asText().equals("word")) out.add(w);
        return out;
    }
}
