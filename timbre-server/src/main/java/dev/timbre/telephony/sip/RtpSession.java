package dev.timbre.telephony.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's RTP stream on one UDP socket: sends a 20 ms packet every 20 ms on the shared {@code clock} (queued
 * audio, RFC 4733 events, or silence), receives on its own thread (jitter buffer, A-law → μ-law, events → keys), and
 * reports media that stopped for longer than {@code inactivity}. Symmetric RTP: packets go back to where the peer's
 * packets come from. Thread-safe; {@link #close} closes the socket.
 */
final class RtpSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RtpSession.class);
    private static final int FRAME = 160;
    /** The most agent audio queued: 5 minutes of frames. */
    static final int MAX_QUEUED_FRAMES = 15_000;
    /** The most relayed audio queued: 100 ms. */
    static final int RELAY_MAX_FRAMES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the session hears; called on its receive thread, one at a time. */
    interface Sink {
        void audio(byte[] ulaw);
        void digit(char key);
        /** No packet for the inactivity timeout; called once, then receiving stops. */
        void inactive();
    }

    private record Digit(char key) {}

    private final DatagramSocket socket;
    private final ScheduledExecutorService clock;
    private final Duration inactivity;
    private final int ssrc = RANDOM.nextInt();
    private final ArrayDeque<Object> queue = new ArrayDeque<>(); // byte[160] frames, Digit, Integer (silent frames)
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private volatile InetSocketAddress remote;
    private volatile boolean closed;
    private Sdp.Media media;
    private ScheduledFuture<?> ticking;
    private Thread receiver;
    private int sequence = RANDOM.nextInt(0x10000);
    private long timestamp = RANDOM.nextInt() & 0xffffffffL;
    private boolean first = true;
    private long playedFrames;
    private Digit digit;
    private long digitStart;
    private int digitPackets;

    RtpSession(DatagramSocket socket, ScheduledExecutorService clock, Duration inactivity) {
        this.socket = socket;
        this.clock = clock;
        this.inactivity = inactivity;
    }

    int localPort() { return socket.getLocalPort(); }

    /** Starts sending to and receiving from {@code media}'s peer; once. */
    synchronized void start(Sdp.Media media, Sink sink) {
        if (closed || ticking != null) return;
        this.media = media;
        this.remote = new InetSocketAddress(media.host(), media.port());
        ticking = clock.scheduleAtFixedRate(this::tick, 0, 20, TimeUnit.MILLISECONDS);
        receiver = new Thread(() -> receive(sink), "rtp-" + socket.getLocalPort());
        receiver.setDaemon(true);
        receiver.start();
    }

    /** Queues μ-law audio of any length; a tail shorter than a frame waits for more or is padded when the queue runs dry. */
    synchronized void play(byte[] ulaw) {
        partial.write(ulaw, 0, ulaw.length);
        if (partial.size() < FRAME) return;
        byte[] all = partial.toByteArray();
        int whole = all.length / FRAME * FRAME;
        for (int i = 0; i < whole; i += FRAME) {
            if (queue.size() >= MAX_QUEUED_FRAMES) {
                log.warn("RTP play queue full on port {}: dropping agent audio", socket.getLocalPort());
                break;
            }
            queue.add(Arrays.copyOfRange(all, i, i + FRAME));
        }
        partial.reset();
        partial.write(all, whole, all.length - whole);
    }

    /**
     * Queues one packet's audio relayed from another call (a bridge): like {@link #play}, but the queue is kept short (at most
     * {@link #RELAY_MAX_FRAMES}): a frame that would make it longer is dropped, so a burst from the far end never turns
     * into lasting delay.
     */
    synchronized void relay(byte[] ulaw) {
        if (queue.size() >= RELAY_MAX_FRAMES) return;
        play(ulaw); // any packet length: the far end's packets need not be 20 ms
    }

    synchronized void clear() {
        queue.removeIf(o -> o instanceof byte[]);
        partial.reset();
    }

    synchronized long playedMillis() { return playedFrames * 20; }

    /** Queues keys after the audio: 0–9, *, #, A–D as RFC 4733 events (100 ms each, 40 ms apart), {@code w} half a second. */
    synchronized void sendDigits(String digits) {
        for (char c : digits.toCharArray()) {
            if (c == 'w' || c == 'W') queue.add(25);
            else if (TelephoneEvents.code(c) >= 0 && queue.size() < MAX_QUEUED_FRAMES) queue.add(new Digit(c));
        }
    }

    /** True while a key or audio is waiting to be sent. */
    synchronized boolean sending() {
        return !queue.isEmpty() || digit != null || partial.size() > 0;
    }

    private synchronized void tick() {
        if (closed) return;
        try {
            RtpPacket p = next();
            byte[] data = p.encode();
            socket.send(new DatagramPacket(data, data.length, remote));
        } catch (IOException | RuntimeException e) {
            if (!closed) log.debug("RTP send failed on port {}: {}", socket.getLocalPort(), e.toString());
        }
        timestamp = (timestamp + FRAME) & 0xffffffffL;
    }

    /** The packet for this 20 ms tick (called with the lock held). */
    private RtpPacket next() {
        if (digit == null && queue.peek() instanceof Digit d && media.events() >= 0) {
            queue.poll();
            digit = d;
            digitStart = timestamp;
            digitPackets = 0;
        } else if (digit == null && queue.peek() instanceof Digit) {
            queue.poll(); // the peer takes no events
        }
        if (digit != null) {
            digitPackets++;
            boolean end = digitPackets > 5;
            int duration = Math.min(digitPackets, 5) * FRAME;
            RtpPacket p = new RtpPacket(media.events(), digitPackets == 1, nextSequence(), digitStart,
                    ssrc, TelephoneEvents.payload(TelephoneEvents.code(digit.key()), end, duration));
            if (digitPackets == 8) { // 5 tone packets, 3 end packets
                digit = null;
                queue.addFirst(2); // 40 ms before the next key
            }
            return p;
        }
        byte[] frame = null;
        Object head = queue.peek();
        if (head instanceof byte[] f) {
            queue.poll();
            frame = f;
            playedFrames++;
        } else if (head instanceof Integer pause) {
            queue.poll();
            if (pause > 1) queue.addFirst(pause - 1);
        } else if (head == null && partial.size() > 0) {
            frame = Arrays.copyOf(partial.toByteArray(), FRAME);
            Arrays.fill(frame, partial.size(), FRAME, (byte) 0xff);
            partial.reset();
            playedFrames++;
        }
        if (frame == null) {
            frame = new byte[FRAME];
            Arrays.fill(frame, (byte) 0xff);
        }
        byte[] payload = media.codec() == Sdp.PCMA ? Companding.ulawToAlaw(frame) : frame;
        RtpPacket p = new RtpPacket(media.codec(), first, nextSequence(), timestamp, ssrc, payload);
        first = false;
        return p;
    }

    private int nextSequence() {
        int s = sequence;
        sequence = (sequence + 1) & 0xffff;
        return s;
    }

    private void receive(Sink sink) {
        JitterBuffer jitter = new JitterBuffer(3);
        TelephoneEvents events = new TelephoneEvents();
        byte[] buf = new byte[2048];
        long last = System.nanoTime();
        int source = 0;
        try {
            socket.setSoTimeout(250);
        } catch (IOException e) {
            return;
        }
        while (!closed) {
            DatagramPacket d = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(d);
            } catch (SocketTimeoutException e) {
                if (System.nanoTime() - last > inactivity.toNanos()) {
                    jitter.drain().forEach(sink::audio);
                    if (!closed) sink.inactive();
                    return;
                }
                continue;
            } catch (IOException e) {
                return; // closed
            }
            RtpPacket p = RtpPacket.parse(d.getData(), d.getLength());
            if (p == null) continue;
            last = System.nanoTime();
            if (!(d.getSocketAddress() instanceof InetSocketAddress from) || !from.equals(remote)) {
                remote = (InetSocketAddress) d.getSocketAddress(); // symmetric RTP (NAT)
            }
            if (p.payloadType() == media.events()) {
                char key = events.received(p.timestamp(), p.payload());
                if (key != 0) sink.digit(key);
            } else if (p.payloadType() == media.codec()) {
                if (p.ssrc() != source) { // a new stream (the peer switched sources): play out the old one, start over
                    jitter.drain().forEach(sink::audio);
                    jitter = new JitterBuffer(3);
                    source = p.ssrc();
                }
                byte[] ulaw = media.codec() == Sdp.PCMA ? Companding.alawToUlaw(p.payload()) : p.payload();
                for (byte[] frame : jitter.push(p.sequence(), ulaw)) sink.audio(frame);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (ticking != null) ticking.cancel(false);
        socket.close();
    }
}
