import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One phone call to Timbre's SIP user agent, for the phone benchmarks: SIPp (Debian's {@code sip-tester}) does the
 * signalling with {@code bench/sip/uac-bench.xml} (INVITE offering PCMU at this object's RTP port, ACK, BYE after
 * {@code -d}); this object sends the caller's RTP and stamps the agent's packets ({@link PhoneCaller}). SIPp runs with a
 * 10 ms timer and no stdin: it only signals, and at its default 1 ms timer each SIPp process takes ~6 % of a CPU, which
 * twenty callers on the server's two CPUs would take from the server.
 */
final class SipCall extends PhoneCaller {
    private final DatagramSocket rtp;
    private final Process sipp;
    private final Path work;
    private final Thread receiver;
    private InetSocketAddress timbre;
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
                "-key", "callee", number, "-timer_resol", "10", "-nostdin", "-trace_logs", "-log_file", work.resolve("sipp.log").toString())
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
        begin();
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
            if (p.getLength() > 12 && (buf[1] & 0x7f) == 0) arrived(at, buf, 12, p.getLength() - 12); // PCMU only (events and others ignored)
        }
    }

    @Override
    protected void send(byte[] frame) throws IOException {
        byte[] packet = new byte[12 + frame.length];
        System.arraycopy(frame, 0, packet, 12, frame.length);
        packet[0] = (byte) 0x80;
        packet[1] = 0;
        packet[2] = (byte) (seq >> 8); packet[3] = (byte) seq;
        for (int i = 0; i < 4; i++) packet[4 + i] = (byte) (timestamp >> (24 - 8 * i));
        for (int i = 0; i < 4; i++) packet[8 + i] = (byte) (ssrc >> (24 - 8 * i));
        seq = (seq + 1) & 0xffff;
        timestamp += FRAME;
        rtp.send(new DatagramPacket(packet, packet.length, timbre));
    }

    @Override
    public void close() throws InterruptedException {
        rtp.close();
        if (!sipp.waitFor(5, TimeUnit.SECONDS)) sipp.destroy();
    }
}
