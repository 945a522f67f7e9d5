package dev.timbre.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two RTP sessions on loopback: paced audio (A-law on the wire), keys as RFC 4733 events, clear, inactivity. */
class RtpSessionTest {
    final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        clock.shutdownNow();
    }

    static final class Heard implements RtpSession.Sink {
        final AtomicInteger frames = new AtomicInteger();
        final AtomicInteger loud = new AtomicInteger();
        final StringBuffer keys = new StringBuffer();
        final AtomicBoolean inactive = new AtomicBoolean();

        @Override public void audio(byte[] ulaw) {
            frames.incrementAndGet();
            if (SipAudio.rms(ulaw) > 1000) loud.incrementAndGet();
        }

        @Override public void digit(char key) { keys.append(key); }

        @Override public void inactive() { inactive.set(true); }
    }

    private RtpSession session() throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new RtpSession(s, clock, Duration.ofSeconds(1));
    }

    @Test
    void audioAndKeysCrossOverALawAtRealTimePace() throws Exception {
        try (RtpSession a = session(); RtpSession b = session()) {
            Heard atA = new Heard();
            Heard atB = new Heard();
            a.start(new Sdp.Media("127.0.0.1", b.localPort(), Sdp.PCMA, 101), atA);
            b.start(new Sdp.Media("127.0.0.1", a.localPort(), Sdp.PCMA, 101), atB);
            long t0 = System.nanoTime();
            a.play(OutboundSippTest.tone(1000));
            a.sendDigits("12#");
            await().atMost(Duration.ofSeconds(5)).until(() -> atB.keys.length() == 3);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(atB.keys.toString()).isEqualTo("12#");
            assertThat(ms).as("1 s of audio then three 160 ms keys, paced").isBetween(1300L, 2500L);
            assertThat(atB.loud.get()).as("tone frames heard (A-law on the wire, μ-law out)").isBetween(45, 51);
            assertThat(a.playedMillis()).isEqualTo(1000);
            assertThat(atA.loud.get()).as("B sent silence").isZero();
            assertThat(atA.frames.get()).isGreaterThan(20);
        }
    }

    @Test
    void clearDropsWhatWasNotSentYet() throws Exception {
        try (RtpSession a = session(); RtpSession b = session()) {
            Heard atB = new Heard();
            a.start(new Sdp.Media("127.0.0.1", b.localPort(), Sdp.PCMU, -1), new Heard());
            b.start(new Sdp.Media("127.0.0.1", a.localPort(), Sdp.PCMU, -1), atB);
            a.play(OutboundSippTest.tone(5000));
            Thread.sleep(400);
            a.clear();
            Thread.sleep(500);
            assertThat(a.playedMillis()).isBetween(300L, 600L);
            assertThat(atB.loud.get()).isLessThan(30);
        }
    }

    @Test
    void aPeerThatSendsNothingIsReportedInactive() throws Exception {
        try (RtpSession a = session(); DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Heard atA = new Heard();
            a.start(new Sdp.Media("127.0.0.1", silent.getLocalPort(), Sdp.PCMU, -1), atA);
            await().atMost(Duration.ofSeconds(3)).untilTrue(atA.inactive);
        }
    }
}
