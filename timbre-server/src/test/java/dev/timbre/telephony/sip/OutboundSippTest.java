package dev.timbre.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.timbre.telephony.LineListener;
import dev.timbre.telephony.PhoneLine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Outbound calls from the SIP user agent to SIPp playing a trunk: answered (media echoed), busy, digest challenge. */
@Tag("integration")
class OutboundSippTest {
    static SipEndpoint sip;

    @BeforeAll
    static void start() throws Exception {
        Sipp.assumeInstalled();
        int rtp = 30000 + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(8000);
        sip = SipEndpoint.start(new SipSetup("127.0.0.1", null, Sipp.freePort(), rtp, rtp + 100, Duration.ofSeconds(30), null), (info, source) -> null);
    }

    @AfterAll
    static void stop() {
        if (sip != null) sip.close();
    }

    /** Plays a tone and counts the loud frames that come back (SIPp echoes RTP). */
    static final class Echoed implements LineListener {
        final AtomicInteger loud = new AtomicInteger();
        final AtomicReference<PhoneLine> line = new AtomicReference<>();
        volatile String ended;

        @Override public void audio(byte[] ulaw) {
            if (SipAudio.rms(ulaw) > 1000) loud.incrementAndGet();
        }

        @Override public void ended(String reason) { ended = reason; }
    }

    static byte[] tone(int millis) {
        byte[] pcm = new byte[millis * 16];
        for (int i = 0; i < pcm.length / 2; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return dev.timbre.audio.G711.ulaw(pcm);
    }

    private OutboundInvites.Placed dial(int port, String user, String password, Echoed echoed) throws Exception {
        return sip.dial(new OutboundInvites.Dial("+15557654321", "127.0.0.1:" + port, "udp", "+15550100", user, password, Map.of("X-Campaign", "spring")),
                line -> {
                    echoed.line.set(line);
                    line.open(echoed);
                    line.play(tone(2000));
                });
    }

    @Test
    void anAnsweredCallCarriesMediaBothWaysAndHangsUpWithBye() throws Exception {
        int port = Sipp.freePort();
        Process trunk = Sipp.serve("trunk-answer.xml", port, 30);
        Echoed echoed = new Echoed();
        OutboundInvites.Placed placed = dial(port, null, null, echoed);
        assertThat(placed.callId()).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).until(() -> echoed.loud.get() >= 50);
        echoed.line.get().hangUp();
        OutboundInvites.Outcome o = placed.finished().get(5, TimeUnit.SECONDS);
        assertThat(o.answered()).isTrue();
        assertThat(o.reason()).isEqualTo("hung up");
        assertThat(trunk.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(trunk.exitValue()).as("SIPp saw the whole call, BYE included").isZero();
    }

    @Test
    void aBusyCalleeEndsWith486() throws Exception {
        int port = Sipp.freePort();
        Process trunk = Sipp.serve("trunk-busy.xml", port, 20);
        OutboundInvites.Placed placed = dial(port, null, null, new Echoed());
        OutboundInvites.Outcome o = placed.finished().get(5, TimeUnit.SECONDS);
        assertThat(o.status()).isEqualTo(486);
        assertThat(o.answered()).isFalse();
        assertThat(trunk.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theTrunksChallengeIsAnsweredWithItsCredentials() throws Exception {
        int port = Sipp.freePort();
        Process trunk = Sipp.serve("trunk-digest.xml", port, 30);
        Echoed echoed = new Echoed();
        OutboundInvites.Placed placed = dial(port, "bob", "pw", echoed);
        await().atMost(Duration.ofSeconds(10)).until(() -> echoed.loud.get() >= 20);
        echoed.line.get().hangUp();
        assertThat(placed.finished().get(5, TimeUnit.SECONDS).answered()).isTrue();
        assertThat(trunk.waitFor(10, TimeUnit.SECONDS)).isTrue();

        int port2 = Sipp.freePort();
        Process strict = Sipp.serve("trunk-digest.xml", port2, 20);
        OutboundInvites.Placed refused = dial(port2, "bob", "wrong", new Echoed());
        assertThat(refused.finished().get(5, TimeUnit.SECONDS).status()).isEqualTo(403);
        strict.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void aTrunkThatIsNotThereIsRefused() throws Exception {
        int port = Sipp.freePort();
        assertThatThrownBy(() -> dial(port, null, null, new Echoed())).isInstanceOf(OutboundInvites.Refused.class);
        assertThatThrownBy(() -> sip.dial(new OutboundInvites.Dial("1", "127.0.0.1:" + port, "tls", "2", null, null, Map.of()), l -> {}))
                .isInstanceOf(OutboundInvites.Refused.class).hasMessageContaining("tls");
    }
}
