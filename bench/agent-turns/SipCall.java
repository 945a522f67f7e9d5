import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One phone call to Timbre's SIP user agent, for the turn benchmark: SIPp (Debian's {@code sip-tester}) does the
 * signalling with {@code bench/sip/uac-bench.xml} (INVITE offering PCMU at this object's RTP port, ACK, BYE after
 * {@code -d}); this object sends the caller's RTP (20 ms μ-law packets on a drift-free schedule: the utterance,
 * else silence) and stamps the agent's packets as they arrive. A {@link #turn} is measured like
 * {@link VoiceCall#turn}: the send time of the packet holding the last voiced sample → the arrival of the first packet
 * of the reply carrying sound (any byte that is not μ-law silence). Not thread-safe: one thread runs it; a receiver
 * thread only stamps packets.
 */
final class SipCall implements AutoCloseable {
    static final int FRAME = 160; // 20 ms of μ-law at 8 kHz
    static final long PAUSE_MS = 600;
    private static final long FRAME_NANOS = 20_000_000L;

    private final DatagramSocket rtp;
    private final Process sipp;
    private final Path work;
    private final Thread receiver;
    /** Arrival times (nanoTime) of the agent's packets with sound, and of all its packets; written by the receiver. */
    private final List<long[]> heard = java.util.Collections.synchronizedList(new ArrayList<>());
    private InetSocketAddress timbre;
    private long nextSend;
    private int seq;
    private long timestamp;
    private final int ssrc = new java.util.Random().nextInt();

    /** Calls {@code number} at Timbre's SIP port {@code sipPort} (UDP) and holds the call for {@code holdMs}. */
    SipCall(int sipPort, String number, long holdMs) throws Exception {
        rtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        work = Files.createTempDirectory("sip-bench");
        Path scenario = Path.of(System.getProperty("bench.root", "."), "bench", "sip", "uac-bench.xml").toAbsolutePath();
        sipp = new ProcessBuilder("sipp", "127.0.0.1:" + sipPort, "-sf", scenario.toString(), "-m", "1", "-l", "1",
                "-i", "127.0.0.1", "-p", "0", "-d", String.valueOf(holdMs), "-key", "bench_rtp_port", String.valueOf(rtp.getLocalPort()),
                "-key", "callee", number, "-trace_logs", "-log_file", work.resolve("sipp.log").toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("sipp.out").toFile()).start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (timbre == null) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("no answer from Timbre's SIP port; see " + work);
            Path log = work.resolve("sipp.log");
            if (Files.exists(log)) {
                Matcher m = Pattern.compile("RTPPORT (\\d+)").matcher(Files.readString(log));
                if (m.find()) timbre = new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1)));
            }
            Thread.sleep(20);
        }
        receiver = Thread.ofPlatform().daemon().start(this::receive);
        nextSend = System.nanoTime();
    }

    private void receive() {
        byte[] buf = new byte[2048];
        while (!rtp.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                rtp.receive(p);
            } catch (IOException closed) {
                return;
            }
            long at = System.nanoTime();
            if (p.getLength() <= 12 || (buf[1] & 0x7f) != 0) continue; // PCMU only (events and others ignored)
            boolean sound = false;
            for (int i = 12; i < p.getLength() && !sound; i++) sound = buf[i] != (byte) 0xFF && buf[i] != (byte) 0x7F;
            heard.add(new long[] {at, sound ? 1 : 0, p.getLength() - 12});
        }
    }

    /** Speaks {@code ulaw} (whose last voiced sample is at {@code voicedEnd}) and waits for the reply; null when none came in 20 s. */
    Double turn(byte[] ulaw, int voicedEnd) throws Exception {
        int frames = (ulaw.length + FRAME - 1) / FRAME;
        int voicedFrame = Math.max(0, (voicedEnd - 1) / FRAME);
        long voicedSentAt = 0;
        int from = heard.size();
        for (int i = 0; i < frames; i++) {
            long at = tick(Arrays.copyOfRange(ulaw, i * FRAME, (i + 1) * FRAME));
            if (i == voicedFrame) voicedSentAt = at;
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        long first = 0;
        while (first == 0) {
            if (System.nanoTime() > deadline) return null;
            tick(null);
            synchronized (heard) {
                for (int i = from; i < heard.size() && first == 0; i++) if (heard.get(i)[1] == 1 && heard.get(i)[0] >= voicedSentAt) first = heard.get(i)[0];
            }
        }
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < PAUSE_MS * 1_000_000 + 300_000_000L) { // the reply plays out, then a pause
            tick(null);
            synchronized (heard) {
                if (!heard.isEmpty() && heard.get(heard.size() - 1)[1] == 1) quietSince = heard.get(heard.size() - 1)[0];
            }
        }
        return (first - voicedSentAt) / 1e6;
    }

    /**
     * Sends silence for {@code ms} while the agent speaks (its first message), then reports what arrived: packets,
     * packets with sound, and the longest gap between two consecutive packets (ms) once the first one came.
     */
    long[] listen(long ms) throws Exception {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) tick(null);
        synchronized (heard) {
            long maxGap = 0, sound = 0;
            for (int i = 0; i < heard.size(); i++) {
                if (heard.get(i)[1] == 1) sound++;
                if (i > 0) maxGap = Math.max(maxGap, heard.get(i)[0] - heard.get(i - 1)[0]);
            }
            return new long[] {heard.size(), sound, maxGap / 1_000_000};
        }
    }

    /** Waits for the next 20 ms slot and sends one packet ({@code frame} zero-padded, or silence); returns the send time. */
    private long tick(byte[] frame) throws IOException {
        long wait = nextSend - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(wait);
        nextSend += FRAME_NANOS;
        byte[] packet = new byte[12 + FRAME];
        Arrays.fill(packet, 12, packet.length, (byte) 0xFF);
        if (frame != null) System.arraycopy(frame, 0, packet, 12, frame.length);
        packet[0] = (byte) 0x80;
        packet[1] = 0;
        packet[2] = (byte) (seq >> 8); packet[3] = (byte) seq;
        for (int i = 0; i < 4; i++) packet[4 + i] = (byte) (timestamp >> (24 - 8 * i));
        for (int i = 0; i < 4; i++) packet[8 + i] = (byte) (ssrc >> (24 - 8 * i));
        seq = (seq + 1) & 0xffff;
        timestamp += FRAME;
        long at = System.nanoTime();
        rtp.send(new DatagramPacket(packet, packet.length, timbre));
        return at;
    }

    @Override
    public void close() throws InterruptedException {
        rtp.close();
        if (!sipp.waitFor(5, TimeUnit.SECONDS)) sipp.destroy();
    }
}
