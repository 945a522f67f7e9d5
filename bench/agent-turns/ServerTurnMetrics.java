import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one of the server's labelled latency histograms at /metrics (cumulative {@code <metric>_bucket{<label>=…,le=…}}
 * lines, seconds) — by default the per-turn overhead {@code timbre_agent_turn_overhead_seconds{leg}}, for the voice
 * benchmark {@code timbre_agent_voice_latency_seconds{stage}} — and gives percentiles of the observations between two
 * snapshots, interpolated linearly inside a bucket.
 */
final class ServerTurnMetrics {
    static final String OVERHEAD = "timbre_agent_turn_overhead_seconds";
    static final String VOICE_LATENCY = "timbre_agent_voice_latency_seconds";

    /** Cumulative counts by label value, then by upper bound in ms (+Inf as infinity). */
    record Snapshot(Map<String, TreeMap<Double, Double>> buckets) {}

    /** The turn overhead histogram by {@code leg}. */
    static Snapshot read(HttpClient http, int port) throws Exception {
        return read(http, port, OVERHEAD, "leg");
    }

    /** The histogram {@code metric} (base name, without {@code _bucket}) by the values of {@code label}. */
    static Snapshot read(HttpClient http, int port, String metric, String label) throws Exception {
        Pattern bucket = Pattern.compile(
                metric + "_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*" + label + "=\"([a-z_]+)\"[^}]*}\\s+([0-9.eE+]+)|"
                + metric + "_bucket\\{[^}]*" + label + "=\"([a-z_]+)\"[^}]*le=\"([^\"]+)\"[^}]*}\\s+([0-9.eE+]+)");
        String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, TreeMap<Double, Double>> out = new TreeMap<>();
        Matcher m = bucket.matcher(text);
        while (m.find()) {
            String le = m.group(1) != null ? m.group(1) : m.group(5);
            String value = m.group(2) != null ? m.group(2) : m.group(4);
            double count = Double.parseDouble(m.group(3) != null ? m.group(3) : m.group(6));
            double upperMs = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le) * 1000;
            out.computeIfAbsent(value, k -> new TreeMap<>()).put(upperMs, count);
        }
        return new Snapshot(out);
    }

    /** The {@code p}th percentile (ms) of label value {@code leg} over the observations between {@code before} and {@code after}. */
    static double percentile(Snapshot before, Snapshot after, String leg, double p) {
        TreeMap<Double, Double> a = after.buckets().getOrDefault(leg, new TreeMap<>());
        TreeMap<Double, Double> b = before.buckets().getOrDefault(leg, new TreeMap<>());
        double total = a.isEmpty() ? 0 : a.lastEntry().getValue() - b.getOrDefault(a.lastKey(), 0.0);
        if (total <= 0) return Double.NaN;
        double rank = total * p / 100, lower = 0, below = 0;
        for (Map.Entry<Double, Double> e : a.entrySet()) {
            double cum = e.getValue() - b.getOrDefault(e.getKey(), 0.0);
            if (cum >= rank) {
                if (e.getKey().isInfinite()) return lower;
                double inBucket = cum - below;
                return inBucket <= 0 ? e.getKey() : lower + (e.getKey() - lower) * (rank - below) / inBucket;
            }
            lower = e.getKey();
            below = cum;
        }
        return lower;
    }

    static long turns(Snapshot before, Snapshot after, String leg) {
        TreeMap<Double, Double> a = after.buckets().getOrDefault(leg, new TreeMap<>());
        TreeMap<Double, Double> b = before.buckets().getOrDefault(leg, new TreeMap<>());
        return a.isEmpty() ? 0 : Math.round(a.lastEntry().getValue() - b.getOrDefault(a.lastKey(), 0.0));
    }
}
