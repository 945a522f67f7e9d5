package dev.timbre.abuse;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The abuse suite's record: outcomes per status and per kind, the failures worth showing (first few ≥ 500s and
 * hangs), and the peak heap used, sampled every 50 ms while it runs. Thread-safe; {@link #close()} stops sampling.
 */
final class AbuseTally implements AutoCloseable {
    /** An outcome that is no HTTP status: the client timed out, or the connection was closed or reset. */
    static final String HANG = "hang", CLOSED = "closed";

    private final Map<String, LongAdder> byOutcome = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> byKind = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> cutOff = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong peakHeap = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "abuse-heap-sampler"));

    AbuseTally() {
        sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
                0, 50, TimeUnit.MILLISECONDS);
    }

    /** {@code outcome} is a status code, {@link #HANG} or {@link #CLOSED}. */
    void record(String kind, String outcome, String detail) {
        byOutcome.computeIfAbsent(outcome, o -> new LongAdder()).increment();
        byKind.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).computeIfAbsent(bucket(outcome), o -> new LongAdder()).increment();
        if ((outcome.equals(HANG) || outcome.startsWith("5")) && failures.size() < 40) failures.add(outcome + " " + detail);
        if ((outcome.equals(CLOSED) || outcome.startsWith("ws-error")) && cutOff.size() < 10) cutOff.add(outcome + " " + detail);
    }

    long count(String bucket) {
        return byKind.values().stream().mapToLong(m -> m.getOrDefault(bucket, new LongAdder()).sum()).sum();
    }

    long total() {
        return byOutcome.values().stream().mapToLong(LongAdder::sum).sum();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** The first few connections cut without a status (e.g. the server answered before reading a large body). */
    List<String> cutOff() {
        return List.copyOf(cutOff);
    }

    long peakHeapBytes() {
        return peakHeap.get();
    }

    /** The figures as a small text table: outcome counts, then per kind. */
    String table() {
        StringBuilder s = new StringBuilder(String.format("%-14s %8s%n", "outcome", "count"));
        new TreeMap<>(byOutcome).forEach((o, n) -> s.append(String.format("%-14s %8d%n", o, n.sum())));
        s.append(String.format("%n%-14s %8s %8s %8s %8s %8s%n", "kind", "2xx", "4xx", ">=500", CLOSED, HANG));
        new TreeMap<>(byKind).forEach((k, m) -> s.append(String.format("%-14s %8d %8d %8d %8d %8d%n", k,
                get(m, "2xx"), get(m, "4xx"), get(m, "5xx"), get(m, CLOSED), get(m, HANG))));
        return s.toString();
    }

    private static long get(Map<String, LongAdder> m, String key) {
        LongAdder a = m.get(key);
        return a == null ? 0 : a.sum();
    }

    static String bucket(String outcome) {
        if (!Character.isDigit(outcome.charAt(0))) return outcome;
        return outcome.charAt(0) == '5' ? "5xx" : outcome.charAt(0) == '4' ? "4xx" : "2xx";
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
