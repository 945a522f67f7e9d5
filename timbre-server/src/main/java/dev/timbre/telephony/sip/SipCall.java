package dev.timbre.telephony.sip;

import dev.timbre.telephony.CallInfo;
import dev.timbre.telephony.LineListener;
import dev.timbre.telephony.PhoneLine;
import java.util.concurrent.CompletableFuture;
import javax.sip.Dialog;

/**
 * A SIP call's {@link PhoneLine}: media through its {@link RtpSession}, control (BYE, REFER) through the endpoint's
 * dialog. The listener's calls come from the RTP receive thread, or from a SIP thread for {@code ended}; they are
 * serialised here, and {@code ended} comes once. Thread-safe.
 */
final class SipCall implements PhoneLine {
    private final CallInfo info;
    private final SipEndpoint endpoint;
    final RtpSession rtp;
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    volatile Dialog dialog;
    private LineListener listener;
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
                synchronized (SipCall.this) {
                    if (listener != null && !ended.isDone()) listener.audio(ulaw);
                }
            }

            @Override public void digit(char key) {
                synchronized (SipCall.this) {
                    if (listener != null && !ended.isDone()) listener.digit(key);
                }
            }

            @Override public void inactive() {
                endpoint.bye(SipCall.this);
                end("rtp_timeout: no media from the caller");
            }
        });
    }

    @Override public void play(byte[] ulaw) { rtp.play(ulaw); }
    @Override public void clear() { rtp.clear(); }
    @Override public long playedMillis() { return rtp.playedMillis(); }
    @Override public void sendDigits(String digits) { rtp.sendDigits(digits); }

    @Override
    public void transfer(String number) throws TransferFailed {
        endpoint.transfer(this, number);
        endpoint.bye(this);
        end("transferred to " + number);
    }

    @Override
    public void hangUp() {
        if (ended.isDone()) return;
        endpoint.bye(this);
        end("hung up");
    }

    /** Ends the call once: closes the media, tells the listener. */
    void end(String reason) {
        LineListener l;
        synchronized (this) {
            if (ended.isDone()) return;
            ended.complete(reason);
            rtp.close();
            l = listener;
            if (l == null) endedBefore = reason;
        }
        endpoint.forget(this);
        if (l != null) l.ended(reason);
    }
}
