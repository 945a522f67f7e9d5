import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the server's own per-turn overhead ({@code timbre_agent_turn_overhead_seconds_bucket{leg=…}} at /metrics, a
 * cumulative histogram) and gives percentiles of the turns between two snapshots, interpolated linearly inside a
 * bucket.
 */
final class ServerTurnMetrics {
    private static final Pattern BUCKET = Pattern.compile(
            "timbre_agent_turn_overhead_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*leg=\"([a-z]+)\"[^}]*}\\s+([0-9.eE+]+)|"
            + "timbre_agent_turn_overhead_seconds_bucket\\{[^}]*leg=\"([a-z]+)\"[^}]*le=\"([^\"]+)\"[^}]*}\\s+([0-9.eE+]+)");

    /** Cumulative counts by leg, then by upper bound in ms (+Inf as infinity). */
    record Snapshot(Map<String, TreeMap<Double, Double>> buckets) {}

    static Snapshot read(HttpClient http, int port) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, TreeMap<Double, Double>> out = new TreeMap<>();
        Matcher m = BUCKET.matcher(text);
        while (m.find()) {
            String le = m.group(1) != null ? m.group(1) : m.group(5);
            String leg = m.group(2) != null ? m.group(2) : m.group(4);
            double count = Double.parseDouble(m.group(3) != null ? m.group(3) : m.group(6));
            double upperMs = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le) * 1000;
            out.computeIfAbsent(leg, k -> new TreeMap<>()).put(upperMs, count);
        }
        return new Snapshot(out);
    }

    /** The {@code p}th percentile (ms) of {@code leg} over the turns recorded between {@code before} and {@code after}. */
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
