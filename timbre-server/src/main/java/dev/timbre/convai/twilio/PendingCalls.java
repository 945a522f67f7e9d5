package dev.timbre.convai.twilio;

import dev.timbre.convai.phonecalls.OutboundCall;
import dev.timbre.convai.phonecalls.PhoneDialer;
import dev.timbre.convai.phonecalls.PlacedCall.CallResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outbound calls Timbre placed and not yet finished, by conversation id: what the stream needs when the callee
 * answers (the call's initiation data) and the future {@code PlacedCall.finished} that the stream's end or the status
 * callback completes. At most {@link #MAX} at once; a call unfinished after {@link #STALE} is completed as
 * {@code failed} (its status callback never came) and forgotten. Thread-safe.
 */
final class PendingCalls {
    static final int MAX = 1_000;
    static final Duration STALE = Duration.ofHours(4);

    static final class Pending {
        final OutboundCall call;
        final CompletableFuture<CallResult> finished = new CompletableFuture<>();
        final Instant placed;
        volatile boolean streamStarted;

        Pending(OutboundCall call, Instant placed) {
            this.call = call;
            this.placed = placed;
        }
    }

    private final ConcurrentHashMap<String, Pending> calls = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingCalls(Clock clock) {
        this.clock = clock;
    }

    Pending add(String conversationId, OutboundCall call) throws PhoneDialer.DialFailed {
        Instant now = clock.instant();
        calls.forEach((id, p) -> { if (p.placed.plus(STALE).isBefore(now)) finish(id, "failed", "no status came from Twilio"); });
        if (calls.size() >= MAX) throw new PhoneDialer.DialFailed("Too many Twilio calls in progress (" + MAX + "); try again later.");
        Pending p = new Pending(call, now);
        if (calls.putIfAbsent(conversationId, p) != null) throw new PhoneDialer.DialFailed("Conversation " + conversationId + " already has a call.");
        return p;
    }

    Pending get(String conversationId) {
        return conversationId == null ? null : calls.get(conversationId);
    }

    /** Completes and forgets the call, once; later calls do nothing. */
    void finish(String conversationId, String outcome, String reason) {
        Pending p = conversationId == null ? null : calls.remove(conversationId);
        if (p != null) p.finished.complete(new CallResult(outcome, reason));
    }
}
