package dev.timbre.convai.batchcalling;

import dev.timbre.cluster.ClusterNode;
import dev.timbre.common.WorkerPools;
import dev.timbre.convai.phonecalls.OutboundCall;
import dev.timbre.convai.phonecalls.PhoneCalls;
import dev.timbre.convai.phonecalls.PhoneDialer;
import dev.timbre.convai.phonecalls.PlacedCall;
import dev.timbre.convai.phonenumbers.StoredPhoneNumber;
import dev.timbre.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable job of batch calling. The rows are the job: one thread ({@code batch-calls}) looks every poll interval, and
 * whenever something changes, for batches whose scheduled time has come, claims their pending recipients (pending →
 * initiated, in submitted order) and hands each to a dialing thread ({@code batch-dial}), which places the call through
 * {@link PhoneCalls#dial} (→ in_progress, linked to its conversation) and records how it ended from
 * {@link PlacedCall#finished} (→ completed / voicemail / failed). At most {@code concurrency} calls are live at once
 * on this node, and at most the batch's {@code target_concurrency_limit} of one batch across the cluster (counted from
 * the rows; nodes claiming at the same instant may pass it by a few); a call counts from its claim until it is over;
 * due batches are served earliest scheduled first, so an earlier batch may take every slot. A batch is in_progress from
 * its first dial, then completed (some call answered, or nothing failed) or failed (every call failed) once no
 * recipient is pending or live; cancelled batches stay cancelled.
 *
 * <p>Cluster: every node runs a dispatcher on the shared rows. A claim is a compare-and-set on the row
 * ({@code pending → initiated}, with this node's id), so each recipient is dialed by exactly one node.
 * Crash safety: {@link #failOrphaned} (a {@code cluster.ClusterNode} sweep; {@link #resumePending} at start-up) fails
 * the recipients left initiated or in_progress by this node's previous run or by a node gone silent ("interrupted by a
 * restart": their calls died with that process), never those of a live node, settles their batches and dials what is
 * pending. Thread-safe; {@link #close} stops both pools (live calls' outcomes are then ignored).
 */
public final class BatchDispatcher implements AutoCloseable {
    public static final String CONCURRENCY_ENV = "TIMBRE_BATCH_CALL_CONCURRENCY";
    public static final int DEFAULT_CONCURRENCY = 4;
    static final String INTERRUPTED = "The call was interrupted by a restart of the server.";
    private static final Logger log = LoggerFactory.getLogger(BatchDispatcher.class);

    private final BatchCallRepository repository;
    private final PhoneCalls calls;
    private final Function<String, StoredPhoneNumber> numbers;
    private final Clock clock;
    private final int concurrency;
    private final Duration poll;
    private final String nodeId;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(WorkerPools.daemon("batch-calls"));
    private final ThreadPoolExecutor dialers;
    /** Live calls of this process: "batchId/recipientId" → batchId. Written by the scheduler thread (put) and call ends (remove). */
    private final Map<String, String> live = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param numbers the stored number for an id (404 {@link ApiException} when it was deleted)
     * @param concurrency the most calls live at once, all batches together (at least 1)
     * @param poll how often due batches are looked for (besides every change)
     * @param nodeId this cluster node ({@code cluster.ClusterNode#id}): recorded on each recipient it claims
     */
    public BatchDispatcher(BatchCallRepository repository, PhoneCalls calls, Function<String, StoredPhoneNumber> numbers, Clock clock,
                           int concurrency, Duration poll, String nodeId) {
        if (concurrency < 1) throw new IllegalArgumentException("batch call concurrency must be at least 1");
        this.repository = repository;
        this.calls = calls;
        this.numbers = numbers;
        this.clock = clock;
        this.concurrency = concurrency;
        this.poll = poll;
        this.nodeId = nodeId;
        this.dialers = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(concurrency),
                WorkerPools.daemon("batch-dial"));
        dialers.allowCoreThreadTimeOut(true);
    }

    /** {@value #CONCURRENCY_ENV} from {@code env}, or {@value #DEFAULT_CONCURRENCY}; anything but a positive integer is refused. */
    public static int concurrencyFrom(Map<String, String> env) {
        String v = env.get(CONCURRENCY_ENV);
        if (v == null || v.isBlank()) return DEFAULT_CONCURRENCY;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new IllegalArgumentException(CONCURRENCY_ENV + " must be a positive integer, not '" + v + "'");
    }

    /** Starts looking for due batches every poll interval; returns this. */
    public BatchDispatcher start() {
        scheduler.scheduleWithFixedDelay(this::pump, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public int concurrency() {
        return concurrency;
    }

    /** Looks for work now (after a submit, a retry, a call's end). Never blocks. */
    void wake() {
        if (closed) return;
        try {
            scheduler.execute(this::pump);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /**
     * At start-up without a cluster sweep: {@link #failOrphaned} as this node starting, nodes silent for
     * {@link ClusterNode#SILENCE} being gone; returns how many calls it failed.
     */
    public int resumePending() {
        return failOrphaned(nodeId, clock.millis() - ClusterNode.SILENCE.toMillis(), true);
    }

    /**
     * A cluster sweep: fails the calls left live by a node silent since {@code silentSinceMs} (epoch ms) or, when
     * {@code starting}, by {@code self}'s previous run (never a call live in this process), settles the active batches
     * and dials what is pending; returns how many calls it failed.
     */
    public int failOrphaned(String self, long silentSinceMs, boolean starting) {
        long now = now();
        int failed = 0;
        for (StoredRecipient r : repository.orphaned(starting ? self : null, silentSinceMs)) {
            if (live.containsKey(key(r.batchId(), r.recipientId()))) continue;
            if (repository.finish(r.batchId(), r.recipientId(), StoredRecipient.FAILED, INTERRUPTED, now)) failed++;
        }
        if (starting || failed > 0) for (String batchId : repository.activeBatchIds()) settle(batchId);
        if (failed > 0) log.info("failed {} batch calls interrupted by a restart", failed);
        wake();
        return failed;
    }

    /** On the scheduler thread only, so that claims and the live count never race with another pump. */
    private void pump() {
        try {
            long now = now();
            for (StoredBatch b : repository.due(now)) {
                if (closed) return;
                int free = concurrency - live.size();
                if (free <= 0) return;
                int room = free;
                if (b.concurrencyLimit() != null) { // the batch's limit counts its calls on every node
                    long mine = Math.max(repository.inFlightCount(b.batchId()), live.values().stream().filter(b.batchId()::equals).count());
                    room = (int) Math.min(free, b.concurrencyLimit() - mine);
                }
                if (room <= 0) continue;
                boolean started = b.status().equals(StoredBatch.IN_PROGRESS);
                for (StoredRecipient r : repository.pending(b.batchId(), room)) {
                    if (!repository.claim(b.batchId(), r.recipientId(), now, nodeId)) continue; // cancelled, or another node's
                    if (!started) {
                        repository.setStatus(b.batchId(), StoredBatch.IN_PROGRESS, now, StoredBatch.PENDING);
                        started = true;
                    }
                    String key = key(b.batchId(), r.recipientId());
                    live.put(key, b.batchId());
                    try {
                        dialers.execute(() -> dial(b, r));
                    } catch (RejectedExecutionException e) {
                        live.remove(key); // closing: the row stays initiated and is failed at the next start
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!closed) log.warn("batch calling could not dispatch calls", e);
        }
    }

    /** On a dialing thread: places the call, then waits for its end without holding the thread. */
    private void dial(StoredBatch b, StoredRecipient r) {
        PlacedCall placed;
        try {
            StoredPhoneNumber from = numbers.apply(b.phoneNumberId());
            placed = calls.dial(new OutboundCall(from, b.agentId(), r.phoneNumber(), r.initiation(), null));
        } catch (PhoneDialer.DialFailed | ApiException e) {
            ended(b.batchId(), r.recipientId(), StoredRecipient.FAILED, e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.warn("batch call to recipient {} of {} failed", r.recipientId(), b.batchId(), e);
            ended(b.batchId(), r.recipientId(), StoredRecipient.FAILED, "The call could not be placed: " + e.getMessage());
            return;
        }
        if (closed) return;
        repository.placed(b.batchId(), r.recipientId(), placed.conversationId(), placed.callId(), now());
        repository.touch(b.batchId(), now());
        placed.finished().whenComplete((result, error) -> {
            if (result == null) ended(b.batchId(), r.recipientId(), StoredRecipient.FAILED, "The call ended without a result.");
            else ended(b.batchId(), r.recipientId(), status(result), result.answered() ? null : failure(result));
        });
    }

    private static String status(PlacedCall.CallResult result) {
        return switch (result.outcome()) {
            case "completed" -> StoredRecipient.COMPLETED;
            case "voicemail" -> StoredRecipient.VOICEMAIL;
            default -> StoredRecipient.FAILED;
        };
    }

    private static String failure(PlacedCall.CallResult result) {
        return result.reason() == null || result.reason().isBlank() ? result.outcome() : result.outcome() + ": " + result.reason();
    }

    /** A call is over (or was never placed): records it, frees its slot, settles the batch, looks for the next. */
    private void ended(String batchId, String recipientId, String status, String error) {
        if (closed) return;
        try {
            long now = now();
            repository.finish(batchId, recipientId, status, error, now);
            repository.touch(batchId, now);
            live.remove(key(batchId, recipientId));
            settle(batchId);
        } catch (RuntimeException e) {
            live.remove(key(batchId, recipientId));
            log.warn("could not record the end of batch call {}/{}", batchId, recipientId, e);
        } finally {
            wake();
        }
    }

    /** Ends an active batch when no recipient is pending or live: completed, or failed when every call failed. */
    void settle(String batchId) {
        Map<String, Integer> c = repository.statusCounts(List.of(batchId)).getOrDefault(batchId, Map.of());
        if (n(c, StoredRecipient.PENDING) + n(c, StoredRecipient.INITIATED) + n(c, StoredRecipient.IN_PROGRESS) > 0) return;
        boolean reached = n(c, StoredRecipient.COMPLETED) + n(c, StoredRecipient.VOICEMAIL) > 0;
        String end = reached || n(c, StoredRecipient.FAILED) == 0 ? StoredBatch.COMPLETED : StoredBatch.FAILED;
        repository.end(batchId, end, now());
    }

    /** Live calls of this process per batch (for tests and the bench). */
    Set<String> liveBatches() {
        return new HashSet<>(live.values());
    }

    int liveCalls() {
        return live.size();
    }

    private static int n(Map<String, Integer> counts, String status) {
        return counts.getOrDefault(status, 0);
    }

    private static String key(String batchId, String recipientId) {
        return batchId + "/" + recipientId;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    @Override
    public void close() {
        closed = true;
        WorkerPools.stop(scheduler);
        WorkerPools.stop(dialers);
    }
}
