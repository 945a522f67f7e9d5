package dev.timbre.user;

import dev.timbre.http.ApiException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /v1/usage/character-stats} over the recorded charges. Buckets start at {@code start_unix} and are an
 * hour, a day, a week, a calendar month (UTC), {@code aggregation_bucket_size} seconds, or the whole window
 * ({@code cumulative}); at most {@link #MAX_BUCKETS}. This installation has one user, so the caller's usage and the
 * workspace's are the same. Thread-safe.
 */
public final class CharacterStats {
    static final int MAX_BUCKETS = 10_000;
    /** 9999-12-31T23:59:59.999Z: a timestamp past this is a mistake (or seconds taken for milliseconds the other way). */
    static final long MAX_UNIX_MS = 253_402_300_799_999L;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private final CharacterStatsRepository repository;

    public CharacterStats(CharacterStatsRepository repository) {
        this.repository = repository;
    }

    /**
     * @param interval    hour, day, week, month or cumulative (checked by the route)
     * @param bucketSecs  overrides {@code interval} when not null
     * @param metric      credits (characters) or request_count
     */
    public record Query(long startMs, long endMs, boolean workspace, String breakdown, String interval, Long bucketSecs, String metric) {}

    public CharacterStatsResponse query(Query q) {
        for (String name : new String[] {"start_unix", "end_unix"}) {
            long v = name.equals("start_unix") ? q.startMs() : q.endMs();
            if (v < 0 || v > MAX_UNIX_MS) throw ApiException.invalid("Input should be between 0 and " + MAX_UNIX_MS, "value_error", "query", name);
        }
        if (q.endMs() < q.startMs()) throw ApiException.invalid("end_unix must not be before start_unix", "value_error", "query", "end_unix");
        if (!CharacterStatsRepository.DIMENSIONS.containsKey(q.breakdown())) {
            throw ApiException.invalid("breakdown_type '" + q.breakdown() + "' is not available on this server; use one of "
                    + String.join(", ", new java.util.TreeSet<>(CharacterStatsRepository.DIMENSIONS.keySet())), "value_error", "query", "breakdown_type");
        }
        if (!q.workspace() && q.breakdown().equals("api_keys")) {
            throw ApiException.invalid("breakdown_type cannot be 'api_keys' if include_workspace_metrics is False", "value_error", "query", "breakdown_type");
        }
        boolean count = q.metric().equals("request_count");
        List<Long> starts = starts(q);
        long span = q.endMs() - q.startMs() + 1;
        boolean months = q.bucketSecs() == null && q.interval().equals("month");
        long size = q.bucketSecs() != null ? Math.multiplyExact(q.bucketSecs(), 1000L)
                : switch (q.interval()) {
                    case "hour" -> HOUR;
                    case "week" -> 7 * DAY;
                    case "cumulative" -> span;
                    default -> DAY; // day, and month (days folded into months below)
                };
        Map<String, List<Double>> usage = new TreeMap<>();
        for (CharacterStatsRepository.Cell c : repository.cells(q.startMs(), q.endMs(), size, q.breakdown(), count)) {
            long at = q.startMs() + c.bucket() * size;
            int i = months ? bucketOf(starts, at) : (int) c.bucket();
            if (i >= starts.size()) continue;
            List<Double> row = usage.computeIfAbsent(c.label(), k -> new ArrayList<>(Collections.nCopies(starts.size(), 0.0)));
            row.set(i, row.get(i) + c.value());
        }
        if (usage.isEmpty() && q.breakdown().equals("none")) usage.put("All", new ArrayList<>(Collections.nCopies(starts.size(), 0.0)));
        return new CharacterStatsResponse(starts, new LinkedHashMap<>(usage));
    }

    /** The index of the last bucket that starts at or before {@code at} (starts are sorted, the first ≤ at). */
    private static int bucketOf(List<Long> starts, long at) {
        int found = Collections.binarySearch(starts, at);
        return found >= 0 ? found : Math.max(0, -found - 2);
    }

    /** The bucket start times, at most {@link #MAX_BUCKETS} (422 beyond). */
    private static List<Long> starts(Query q) {
        List<Long> starts = new ArrayList<>();
        if (q.bucketSecs() == null && q.interval().equals("month")) {
            var t = Instant.ofEpochMilli(q.startMs()).atOffset(ZoneOffset.UTC);
            for (long at = q.startMs(); at <= q.endMs(); t = t.plusMonths(1), at = t.toInstant().toEpochMilli()) {
                starts.add(at);
                if (starts.size() > MAX_BUCKETS) throw tooMany();
            }
            return starts;
        }
        long size = q.bucketSecs() != null ? q.bucketSecs() * 1000L
                : switch (q.interval()) {
                    case "hour" -> HOUR;
                    case "week" -> 7 * DAY;
                    case "cumulative" -> Long.MAX_VALUE;
                    default -> DAY;
                };
        long n = size == Long.MAX_VALUE ? 1 : (q.endMs() - q.startMs()) / size + 1;
        if (n > MAX_BUCKETS) throw tooMany();
        for (long i = 0; i < n; i++) starts.add(q.startMs() + i * size);
        return starts;
    }

    private static ApiException tooMany() {
        return ApiException.invalid("The window holds more than " + MAX_BUCKETS + " buckets; choose a larger aggregation interval or a shorter window",
                "value_error", "query", "aggregation_interval");
    }
}
