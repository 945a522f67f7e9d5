package dev.timbre.convai.batchcalling;

import dev.timbre.convai.phonecalls.OutboundCall;
import dev.timbre.convai.phonecalls.PhoneDialer;
import dev.timbre.convai.phonecalls.PlacedCall;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link PhoneDialer} test double for Twilio numbers: numbers in {@link #refuse} are refused ({@code DialFailed}),
 * numbers in {@link #outcomes} end at once that way, every other call stays live until {@link #end} or
 * {@link #endAll}. Counts live calls and the most at once. Thread-safe.
 */
final class FakeDialer implements PhoneDialer {
    final Map<String, String> refuse = new ConcurrentHashMap<>();
    final Map<String, PlacedCall.CallResult> outcomes = new ConcurrentHashMap<>();
    final List<OutboundCall> dialed = new CopyOnWriteArrayList<>();
    final Map<String, CompletableFuture<PlacedCall.CallResult>> held = new ConcurrentHashMap<>();
    final AtomicInteger live = new AtomicInteger();
    final AtomicInteger maxLive = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public String provider() {
        return "twilio";
    }

    @Override
    public PlacedCall dial(OutboundCall call) throws DialFailed {
        dialed.add(call);
        String reason = refuse.get(call.toNumber());
        if (reason != null) throw new DialFailed(reason);
        int n = ids.incrementAndGet();
        CompletableFuture<PlacedCall.CallResult> finished = new CompletableFuture<>();
        maxLive.accumulateAndGet(live.incrementAndGet(), Math::max);
        PlacedCall.CallResult now = outcomes.get(call.toNumber());
        // a call stops counting as live before its future completes: the dispatcher's callback (which may dial the
        // next call at once) runs inside complete()
        if (now != null) {
            live.decrementAndGet();
            finished.complete(now);
        } else {
            held.put(call.toNumber(), finished);
        }
        return new PlacedCall("conv_fake" + n, "CA" + n, finished);
    }

    /** Ends the live call to {@code number} with {@code outcome}; false when there is none. */
    boolean end(String number, String outcome) {
        CompletableFuture<PlacedCall.CallResult> f = held.remove(number);
        if (f == null) return false;
        live.decrementAndGet();
        return f.complete(new PlacedCall.CallResult(outcome, "test"));
    }

    void endAll(String outcome) {
        for (String number : List.copyOf(held.keySet())) end(number, outcome);
    }
}
