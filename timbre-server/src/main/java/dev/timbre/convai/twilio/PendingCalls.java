package dev.timbre.convai.twilio;

import dev.timbre.common.WorkerPools;
import dev.timbre.convai.phonecalls.OutboundCall;
import dev.timbre.convai.phonecalls.PhoneDialer;
import dev.timbre.convai.phonecalls.PlacedCall.CallResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound calls Timbre placed and not yet finished, by conversation id, in the database ({@link PendingCallRepository}),
 * so that whichever node Twilio's Media Stream or status callback reaches finds the call's initiation data and records
 * its outcome. The node that placed a call keeps only the future {@code PlacedCall.finished} in memory: it is completed
 * at once when this node records the outcome, else by a poll every {@link #POLL} (only while this node waits for calls;
 * at most {@link #MAX} rows a poll) that notices the outcome another node recorded; the row is then deleted. At most
 * {@link #MAX} calls are open at once, cluster-wide; a call unfinished after {@link #STALE} is finished as
 * {@code failed} (its status callback never came); finished rows nobody noticed (their node is gone) are deleted after
 * twice that (both checked when a call is placed, and by the poll every {@link #HOUSEKEEPING}). Thread-safe; one daemon thread {@code twilio-pending}, stopped by {@link #close}.
 */
final class PendingCalls implements AutoCloseable {
    static final int MAX = 1_000;
    static final Duration STALE = Duration.ofHours(4);
    static final Duration POLL = Duration.ofMillis(500);
    /** How often the poll also fails stale calls and deletes old finished rows (a call goes stale after hours). */
    static final Duration HOUSEKEEPING = Duration.ofMinutes(1);
    static final String NO_STATUS = "no status came from Twilio";
    private static final Logger LOG = LoggerFactory.getLogger(PendingCalls.class);

    private final PendingCallRepository rows;
    private final String nodeId;
    private final Clock clock;
    /** The calls this node placed and waits for: conversation id → {@code PlacedCall.finished}. */
    private final Map<String, CompletableFuture<CallResult>> waiting = new ConcurrentHashMap<>();
    private volatile long nextHousekeepingMs;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(WorkerPools.daemon("twilio-pending"));

    /** @param nodeId this node (the cluster node's id): the owner of the calls it places */
    PendingCalls(Jdbi jdbi, String nodeId, Clock clock) {
        this.rows = new PendingCallRepository(jdbi);
        this.nodeId = nodeId;
        this.clock = clock;
        poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records a call about to be placed; returns its {@code finished} future. */
    CompletableFuture<CallResult> add(String conversationId, OutboundCall call) throws PhoneDialer.DialFailed {
        long now = clock.millis();
        housekeeping(now);
        if (rows.exists(conversationId)) throw new PhoneDialer.DialFailed("Conversation " + conversationId + " already has a call.");
        CompletableFuture<CallResult> finished = new CompletableFuture<>();
        waiting.put(conversationId, finished);
        boolean added;
        try {
            added = rows.insert(conversationId, call.agentId(), call.from().phoneNumberId(), call.initiation(), now, nodeId, MAX);
        } catch (RuntimeException e) {
            waiting.remove(conversationId);
            if (rows.exists(conversationId)) throw new PhoneDialer.DialFailed("Conversation " + conversationId + " already has a call.");
            throw e;
        }
        if (!added) {
            waiting.remove(conversationId);
            throw new PhoneDialer.DialFailed("Too many Twilio calls in progress (" + MAX + "); try again later.");
        }
        return finished;
    }

    /** Twilio accepted the call: its SID. */
    void placed(String conversationId, String callSid) {
        rows.callSid(conversationId, callSid);
    }

    /** The open call, from any node; null when unknown or finished. */
    PendingCallRepository.Row get(String conversationId) {
        if (conversationId == null) return null;
        return rows.find(conversationId).filter(r -> !r.finished()).orElse(null);
    }

    /** The callee answered and the call's Media Stream started (on this node). */
    void streamStarted(String conversationId) {
        rows.streaming(conversationId);
    }

    /** Records how the call ended, once (later outcomes are ignored); the placing node's future learns it. */
    void finish(String conversationId, String outcome, String reason) {
        if (conversationId == null) return;
        rows.finish(conversationId, outcome, reason);
        if (waiting.containsKey(conversationId)) rows.find(conversationId).ifPresentOrElse(this::notice, () -> {
            CompletableFuture<CallResult> f = waiting.remove(conversationId);
            if (f != null) f.complete(new CallResult(outcome, reason));
        });
    }

    /** Completes this node's future of a finished row and deletes the row. */
    private void notice(PendingCallRepository.Row row) {
        if (!row.finished()) return;
        CompletableFuture<CallResult> f = waiting.remove(row.conversationId());
        rows.delete(row.conversationId());
        if (f != null) f.complete(new CallResult(row.outcome(), row.reason()));
    }

    /** On the poller: outcomes other nodes recorded for this node's calls, and calls gone stale. */
    private void poll() {
        if (waiting.isEmpty()) return;
        try {
            long now = clock.millis();
            if (now >= nextHousekeepingMs) housekeeping(now);
            rows.finishedOf(nodeId, MAX).forEach(this::notice);
        } catch (RuntimeException e) {
            LOG.warn("could not look for the outcomes of Twilio calls: {}", e.toString());
        }
    }

    /** Fails the calls placed more than {@link #STALE} ago that never finished; deletes finished rows twice as old. */
    private void housekeeping(long now) {
        nextHousekeepingMs = now + HOUSEKEEPING.toMillis();
        rows.failPlacedBefore(now - STALE.toMillis(), NO_STATUS);
        rows.deleteFinishedBefore(now - 2 * STALE.toMillis());
    }

    /** How many calls this node waits for (for tests). */
    int waiting() {
        return waiting.size();
    }

    @Override
    public void close() {
        WorkerPools.stop(poller);
    }
}
