package dev.timbre.telephony.sip;

import dev.timbre.telephony.LineListener;
import dev.timbre.telephony.OperatorMessage;
import dev.timbre.telephony.PhoneLine.TransferFailed;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warm ("conference") transfers as a back-to-back user agent: a second call (INVITE through the first call's trunk,
 * {@link SipCall#via}, its digest answered as for any outbound call) to the destination while the caller stays on the
 * agent's line; when it answers, the operator hears the agent's message (μ-law, paced like any agent audio), then the
 * two calls are bridged ({@link SipCall#bridge}: RTP frames and RFC 4733 keys relayed both ways) and the caller's line
 * is detached from the agent. Busy, refused, {@link #RING_TIMEOUT} without an answer, the operator hanging up during the
 * message or the caller hanging up meanwhile fail the transfer; the caller's call is then untouched. Thread-safe;
 * {@link #connect} blocks its caller (at most the ring timeout, the message and a few seconds of SIP).
 */
final class WarmTransfers {
    private static final Logger log = LoggerFactory.getLogger(WarmTransfers.class);
    /** How long the destination may ring before the transfer gives up (the INVITE is cancelled). */
    static final Duration RING_TIMEOUT = Duration.ofSeconds(30);
    /** Slack past the ring timeout for the CANCEL's answer and the trunk's first response. */
    private static final long SLACK_SECONDS = 12;
    /** The longest operator message played (longer audio is cut): two minutes. */
    static final int MAX_MESSAGE_BYTES = 120 * 8000;

    private final SipEndpoint sip;

    WarmTransfers(SipEndpoint sip) {
        this.sip = sip;
    }

    /** Calls {@code destination}, says {@code message} to whoever answers, then bridges them to {@code caller}. */
    void connect(SipCall caller, String destination, OperatorMessage message) throws TransferFailed {
        if (caller.endedFuture().isDone()) throw new TransferFailed("the call is over");
        OutboundInvites.Dial via = caller.via;
        if (via == null && !destination.regionMatches(true, 0, "sip:", 0, 4)) {
            throw new TransferFailed("this call has no trunk to dial " + destination + " through");
        }
        OutboundInvites.Dial dial = via == null
                ? new OutboundInvites.Dial(destination, destination.substring(4), "udp", caller.info().to(), null, null, Map.of())
                : new OutboundInvites.Dial(destination, via.trunk(), via.transport(), via.from(), via.username(), via.password(), via.extraHeaders());
        CompletableFuture<SipCall> answered = new CompletableFuture<>();
        OutboundInvites.Placed placed;
        try {
            placed = sip.outbound.dial(dial, line -> {
                if (!answered.complete((SipCall) line)) throw new SipInbound.Rejected(487, "the transfer was given up");
            }, RING_TIMEOUT);
        } catch (OutboundInvites.Refused e) {
            throw new TransferFailed(e.getMessage());
        }
        SipCall operator = awaitAnswer(caller, placed, answered);
        OperatorLeg leg = new OperatorLeg();
        operator.open(leg);
        try {
            say(caller, operator, leg, message);
        } catch (TransferFailed e) {
            operator.drop("the transfer failed: " + e.getMessage());
            throw e;
        }
        operator.bridge(caller);
        caller.bridge(operator);
        caller.detach("transferred to " + destination);
        if (operator.endedFuture().isDone() || caller.endedFuture().isDone()) { // either left in the last instant
            caller.drop("the other party hung up");
            operator.drop("the other party hung up");
        }
        log.info("SIP call {} transferred (warm) to {}: bridged with call {}", caller.info().callId(), destination, operator.info().callId());
    }

    /** Waits for the destination to answer, give up, or the caller to leave (then the ringing call is cancelled). */
    private SipCall awaitAnswer(SipCall caller, OutboundInvites.Placed placed, CompletableFuture<SipCall> answered) throws TransferFailed {
        try {
            CompletableFuture.anyOf(answered, placed.finished(), caller.endedFuture())
                    .get(RING_TIMEOUT.toSeconds() + SLACK_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            sip.outbound.abandon(placed.callId());
            throw new TransferFailed("the destination did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sip.outbound.abandon(placed.callId());
            throw new TransferFailed("interrupted");
        } catch (ExecutionException e) {
            throw new TransferFailed("the call to the destination failed: " + e.getCause());
        }
        if (answered.isDone() && !caller.endedFuture().isDone()) return answered.join();
        if (caller.endedFuture().isDone()) {
            sip.outbound.abandon(placed.callId());
            if (!answered.complete(null) && answered.join() != null) answered.join().drop("the caller hung up");
            throw new TransferFailed("the caller hung up before the destination answered");
        }
        OutboundInvites.Outcome o = placed.finished().join();
        throw new TransferFailed(switch (o.status()) {
            case 486, 600, 603 -> "the destination is busy (" + o.reason() + ")";
            case 408, 480, 487 -> "the destination did not answer (" + o.reason() + ")";
            default -> "the destination refused the call (" + o.reason() + ")";
        });
    }

    /** Plays the message to the operator and waits until it has been heard (or either side left). */
    private static void say(SipCall caller, SipCall operator, OperatorLeg leg, OperatorMessage message) throws TransferFailed {
        byte[] audio;
        try {
            audio = message.audio().get();
        } catch (RuntimeException e) {
            log.info("warm transfer of {}: the operator message could not be made ({}); connecting without it", caller.info().callId(), e.toString());
            audio = new byte[0];
        }
        if (audio.length > MAX_MESSAGE_BYTES) audio = java.util.Arrays.copyOf(audio, MAX_MESSAGE_BYTES);
        if (audio.length > 0) operator.play(audio);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(audio.length / 8 + 3000);
        while (operator.rtp.sending() && System.nanoTime() < deadline) {
            if (leg.ended != null) throw new TransferFailed("the destination hung up before being connected");
            if (caller.endedFuture().isDone()) throw new TransferFailed("the caller hung up before being connected");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransferFailed("interrupted");
            }
        }
        if (leg.ended != null) throw new TransferFailed("the destination hung up before being connected");
        if (caller.endedFuture().isDone()) throw new TransferFailed("the caller hung up before being connected");
    }

    /** The operator's call before the bridge: what it hears is dropped (the caller does not hear it yet); its end is kept. */
    private static final class OperatorLeg implements LineListener {
        volatile String ended;

        @Override public void audio(byte[] ulaw) {}

        @Override public void ended(String reason) { ended = reason; }
    }
}
