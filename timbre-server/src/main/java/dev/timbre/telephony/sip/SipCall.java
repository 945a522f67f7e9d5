package dev.timbre.telephony.sip;

import dev.timbre.telephony.CallInfo;
import dev.timbre.telephony.LineListener;
import dev.timbre.telephony.OperatorMessage;
import dev.timbre.telephony.PhoneLine;
import java.util.concurrent.CompletableFuture;
import javax.sip.Dialog;

/**
 * A SIP call's {@link PhoneLine}: media through its {@link RtpSession}, control (BYE, REFER) through the endpoint's
 * dialog. The listener's calls come from the RTP receive thread, or from a SIP thread for {@code ended}; they are
 * serialised here, and {@code ended} comes once. After a warm transfer the call is {@linkplain #detach detached} from
 * its listener (told it ended) and {@linkplain #bridge bridged} to another call: its audio and keys are relayed to
 * that call, and the end of either ends both (BYE on the other). Thread-safe.
 */
final class SipCall implements PhoneLine {
    private final CallInfo info;
    private final SipEndpoint endpoint;
    final RtpSession rtp;
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    volatile Dialog dialog;
    /** The trunk a warm transfer from this call dials through (to be filled in); null: dial the destination URI directly. */
    volatile OutboundInvites.Dial via;
    /** The call this one is bridged to after a warm transfer; null before. */
    private volatile SipCall bridged;
    private LineListener listener;
    private boolean detached;
    private String endedBefore;

    SipCall(CallInfo info, SipEndpoint endpoint, RtpSession rtp) {
        this.info = info;
        this.endpoint = endpoint;
        this.rtp = rtp;
    }

    @Override public CallInfo info() { return info; }

    /** Completes with the reason once the call is over. */
    CompletableFuture<String> endedFuture() { return ended; }

    @Override
    public void open(LineListener l) {
        String early;
        synchronized (this) {
            if (listener != null) throw new IllegalStateException("line already open");
            listener = l;
            early = endedBefore;
        }
        if (early != null) l.ended(early);
    }

    /** Starts the media with the negotiated peer. */
    void startMedia(Sdp.Media media) {
        rtp.start(media, new RtpSession.Sink() {
            @Override public void audio(byte[] ulaw) {
                SipCall peer = bridged;
                if (peer != null) {
                    peer.rtp.relay(ulaw);
                    return;
                }
                synchronized (SipCall.this) {
                    if (listener != null && !detached && !ended.isDone()) listener.audio(ulaw);
                }
            }

            @Override public void digit(char key) {
                SipCall peer = bridged;
                if (peer != null) {
                    peer.rtp.sendDigits(String.valueOf(key));
                    return;
                }
                synchronized (SipCall.this) {
                    if (listener != null && !detached && !ended.isDone()) listener.digit(key);
                }
            }

            @Override public void inactive() {
                endpoint.bye(SipCall.this);
                end("rtp_timeout: no media from the caller");
            }
        });
    }

    @Override public void play(byte[] ulaw) { if (!detached()) rtp.play(ulaw); }
    @Override public void clear() { if (!detached()) rtp.clear(); }
    @Override public long playedMillis() { return rtp.playedMillis(); }
    @Override public void sendDigits(String digits) { if (!detached()) rtp.sendDigits(digits); }

    @Override
    public void transfer(String number) throws TransferFailed {
        endpoint.transfer(this, number);
        endpoint.bye(this);
        end("transferred to " + number);
    }

    @Override
    public String conference(String destination, OperatorMessage message) throws TransferFailed {
        endpoint.warmTransfers.connect(this, destination, message);
        return null;
    }

    /** Hangs up, unless a warm transfer handed the call to someone else (then the parties hang up themselves). */
    @Override
    public void hangUp() {
        if (ended.isDone() || detached()) return;
        drop("hung up");
    }

    /** BYE and the end, whoever holds the call now (a bridged call too). */
    void drop(String reason) {
        if (ended.isDone()) return;
        endpoint.bye(this);
        end(reason);
    }

    private synchronized boolean detached() { return detached; }

    /**
     * Relays this call's audio and keys to {@code peer} from now on, and ends {@code peer} (BYE) when this call ends.
     * Call on both calls of a bridge.
     */
    void bridge(SipCall peer) { bridged = peer; }

    /** Tells the listener the line ended ({@code reason}) and stops reporting to it; the call itself goes on. */
    void detach(String reason) {
        LineListener l;
        synchronized (this) {
            if (detached || ended.isDone()) return;
            detached = true;
            l = listener;
            if (l == null) endedBefore = reason;
        }
        rtp.clear();
        if (l != null) l.ended(reason);
    }

    /** Ends the call once: closes the media, tells the listener (unless detached), ends a bridged call. */
    void end(String reason) {
        LineListener l;
        SipCall peer;
        synchronized (this) {
            if (ended.isDone()) return;
            ended.complete(reason);
            rtp.close();
            l = detached ? null : listener;
            if (listener == null) endedBefore = reason;
            peer = bridged;
        }
        endpoint.forget(this);
        if (l != null) l.ended(reason);
        if (peer != null) peer.drop("the other party hung up");
    }
}
