package dev.timbre.convai.twilio;

import dev.timbre.sockets.SocketSender;
import dev.timbre.telephony.CallInfo;
import dev.timbre.telephony.LineListener;
import dev.timbre.telephony.PhoneLine;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call carried by a Twilio Media Stream, as a {@link PhoneLine}. What the caller says arrives through
 * {@link #media}/{@link #digit}/{@link #mark}/{@link #end} from the socket's receive thread (in order); what the agent
 * says is queued by {@link #play} (at most {@link #MAX_QUEUED_FRAMES} 20 ms frames, five minutes: more is dropped
 * and logged) and sent by the line's own daemon thread at the pace of real time, at most {@link #LEAD_NANOS} ahead,
 * each frame a {@code media} message and every {@link #MARK_EVERY} frames (and at the end of each run of audio) a
 * {@code mark} whose echo confirms what Twilio played. {@link #clear} drops the queue and sends {@code clear}.
 * Transfers and hang-ups go through Twilio's REST API ({@link Control}). The line closes its socket when it ends.
 */
public final class TwilioMediaStream implements PhoneLine {
    static final long LEAD_NANOS = 80_000_000L;
    static final int MAX_QUEUED_FRAMES = 15_000;
    static final int MARK_EVERY = 10;
    private static final long NANOS_PER_BYTE = 125_000L; // 8000 μ-law bytes a second
    private static final Logger LOG = LoggerFactory.getLogger(TwilioMediaStream.class);

    /** What the line asks of Twilio's REST API about its call. */
    interface Control {
        /** Redirects the call to {@code <Dial>number</Dial>}; blocks until Twilio answers. */
        void transfer(String number) throws TwilioApi.Refused;

        /**
         * Warm transfer: calls {@code number} with TwiML that says {@code operatorText} and joins conference
         * {@code name}, then redirects this call into the same conference; blocks until Twilio took both requests.
         */
        void conference(String number, String name, String operatorText) throws TwilioApi.Refused;

        /** Ends the call ({@code Status=completed}); returns at once. */
        void hangUp();
    }

    private record Frame(byte[] ulaw, long generation) {}

    private final SocketSender out;
    private final CallInfo info;
    private final Control control;
    private final LinkedBlockingDeque<Frame> queue = new LinkedBlockingDeque<>(MAX_QUEUED_FRAMES);
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<String> endReason = new CompletableFuture<>();
    private volatile LineListener listener;
    private volatile boolean overflowLogged;
    // guarded by this: the playback timeline
    private long generation, sentBytes, confirmedBytes, playhead;
    private int framesSinceMark;

    TwilioMediaStream(SocketSender out, CallInfo info, Control control) {
        this.out = out;
        this.info = info;
        this.control = control;
    }

    @Override
    public CallInfo info() { return info; }

    @Override
    public void open(LineListener l) {
        if (listener != null) throw new IllegalStateException("the line is already open");
        listener = l;
        daemon("twilio-stream-" + info.streamId(), this::sendLoop);
    }

    @Override
    public void play(byte[] ulaw) {
        if (ended.get() || ulaw.length == 0) return;
        long gen;
        synchronized (this) { gen = generation; }
        for (int at = 0; at < ulaw.length; at += FRAME_BYTES) {
            byte[] f = java.util.Arrays.copyOfRange(ulaw, at, Math.min(ulaw.length, at + FRAME_BYTES));
            if (!queue.offer(new Frame(f, gen))) {
                if (!overflowLogged) LOG.warn("Twilio stream {}: more than {} s of agent audio queued, dropping the rest", info.streamId(), MAX_QUEUED_FRAMES / 50);
                overflowLogged = true;
                return;
            }
        }
    }

    @Override
    public void clear() {
        synchronized (this) {
            generation++;
            queue.clear();
            long now = System.nanoTime();
            sentBytes -= Math.min(sentBytes, Math.max(0, playhead - now) / NANOS_PER_BYTE);
            playhead = now;
            framesSinceMark = 0;
            send(Map.of("event", "clear", "streamSid", info.streamId()));
        }
    }

    @Override
    public synchronized long playedMillis() {
        long unheard = Math.max(0, playhead - System.nanoTime()) / NANOS_PER_BYTE;
        return Math.max(0, sentBytes - unheard) / 8;
    }

    /** Milliseconds of agent audio Twilio has confirmed playing (its echoes of our marks) since the last clear's start. */
    synchronized long confirmedMillis() { return confirmedBytes / 8; }

    @Override
    public void sendDigits(String digits) {
        if (digits != null && !digits.isEmpty()) play(DtmfTones.ulaw(digits));
    }

    @Override
    public void transfer(String number) throws TransferFailed {
        if (ended.get()) throw new TransferFailed("the call is over");
        try {
            control.transfer(number);
        } catch (TwilioApi.Refused e) {
            throw new TransferFailed(e.getMessage());
        }
        end("transferred to " + number);
    }

    /**
     * Warm transfer through Twilio's REST API: the destination is called (its TwiML says the operator message, then
     * joins conference {@code transfer-<call SID>}) and this call is redirected into that conference, where the caller
     * waits (Twilio's hold music) until the destination joins; either leaving ends the conference. The line ends once
     * Twilio took both requests.
     */
    @Override
    public String conference(String destination, dev.timbre.telephony.OperatorMessage message) throws TransferFailed {
        if (ended.get()) throw new TransferFailed("the call is over");
        String name = "transfer-" + info.callId();
        try {
            control.conference(destination, name, message.text());
        } catch (TwilioApi.Refused e) {
            throw new TransferFailed(e.getMessage());
        }
        end("transferred to " + destination);
        return name;
    }

    @Override
    public void hangUp() {
        if (ended.get()) return;
        control.hangUp();
        end("hung up");
    }

    /** Completes with the reason once the line has ended. */
    CompletableFuture<String> ended() { return endReason; }

    // ---- from the socket's receive thread

    void media(byte[] ulaw) {
        LineListener l = listener;
        if (l != null && !ended.get()) l.audio(ulaw);
    }

    void digit(char d) {
        LineListener l = listener;
        if (l != null && !ended.get()) l.digit(d);
    }

    /** Twilio played audio up to our mark {@code name} ({@code g<generation>-<bytes>}); marks of a cleared generation are echoed unplayed. */
    void mark(String name) {
        int dash = name == null ? -1 : name.indexOf('-');
        if (dash < 2 || name.charAt(0) != 'g') return;
        try {
            long gen = Long.parseLong(name.substring(1, dash)), bytes = Long.parseLong(name.substring(dash + 1));
            synchronized (this) { if (gen == generation) confirmedBytes = Math.max(confirmedBytes, bytes); }
        } catch (NumberFormatException e) {
            // not one of ours
        }
    }

    /** Ends the line once: the listener hears {@code ended(reason)}, the socket closes. */
    void end(String reason) {
        if (!ended.compareAndSet(false, true)) return;
        queue.clear();
        LineListener l = listener;
        try {
            if (l != null) l.ended(reason);
        } finally {
            endReason.complete(reason);
            out.close(SocketSender.NORMAL, "call ended");
        }
    }

    // ---- the sending thread

    private void sendLoop() {
        try {
            while (!ended.get()) {
                Frame f = queue.poll(100, TimeUnit.MILLISECONDS);
                if (f == null) {
                    synchronized (this) { if (framesSinceMark > 0) sendMark(); }
                    continue;
                }
                while (!ended.get()) {
                    long ahead;
                    synchronized (this) {
                        if (f.generation() != generation) break;
                        long now = System.nanoTime();
                        ahead = playhead - now;
                        if (ahead <= LEAD_NANOS) {
                            playhead = Math.max(playhead, now) + f.ulaw().length * NANOS_PER_BYTE;
                            sentBytes += f.ulaw().length;
                            send(Map.of("event", "media", "streamSid", info.streamId(),
                                    "media", Map.of("payload", Base64.getEncoder().encodeToString(f.ulaw()))));
                            if (++framesSinceMark >= MARK_EVERY || queue.isEmpty()) sendMark();
                            break;
                        }
                    }
                    LockSupport.parkNanos(ahead - LEAD_NANOS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Caller holds this. */
    private void sendMark() {
        framesSinceMark = 0;
        send(Map.of("event", "mark", "streamSid", info.streamId(), "mark", Map.of("name", "g" + generation + "-" + sentBytes)));
    }

    private void send(Object message) {
        try {
            out.send(message);
        } catch (IOException e) {
            daemon("twilio-stream-end", () -> end("the media stream closed"));
        }
    }

    static void daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }
}
