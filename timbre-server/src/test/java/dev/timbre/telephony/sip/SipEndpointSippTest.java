package dev.timbre.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.timbre.telephony.LineListener;
import dev.timbre.telephony.PhoneLine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The SIP user agent against SIPp (Debian {@code sip-tester}): calls with A-law speech and an RFC 4733 key, unknown
 * numbers, codecs that cannot be negotiated, digest challenges, TCP, and 25 calls at once. The lines here echo what
 * they hear (no agent).
 */
@Tag("integration")
class SipEndpointSippTest {
    static SipEndpoint sip;
    static int port;
    static final List<Recorder> lines = new CopyOnWriteArrayList<>();
    static final AtomicInteger live = new AtomicInteger();
    static final AtomicInteger mostLive = new AtomicInteger();
    static final List<String> transfers = new CopyOnWriteArrayList<>();

    /** Echoes the caller's audio back and keeps what the line heard. */
    static final class Recorder implements LineListener {
        final PhoneLine line;
        final String called;
        final AtomicInteger frames = new AtomicInteger();
        final AtomicInteger loud = new AtomicInteger();
        final StringBuffer digits = new StringBuffer();
        volatile String ended;

        Recorder(PhoneLine line) {
            this.line = line;
            this.called = line.info().to();
            mostLive.accumulateAndGet(live.incrementAndGet(), Math::max);
        }

        @Override public void audio(byte[] ulaw) {
            frames.incrementAndGet();
            if (SipAudio.rms(ulaw) > 300) loud.incrementAndGet();
            line.play(ulaw);
        }

        @Override public void digit(char digit) { digits.append(digit); }

        @Override public void ended(String reason) {
            ended = reason;
            live.decrementAndGet();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Sipp.assumeInstalled();
        port = Sipp.freePort();
        int rtp = 30000 + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(8000);
        sip = SipEndpoint.start(new SipSetup("127.0.0.1", null, port, rtp, rtp + 400, Duration.ofSeconds(30), null), (info, source) -> {
            SipInbound.Answer echo = line -> {
                Recorder r = new Recorder(line);
                lines.add(r);
                line.open(r);
            };
            return switch (info.to()) {
                case "+15550100" -> new SipInbound.Route(null, null, echo);
                case "+15550200" -> new SipInbound.Route("alice", "secret", echo);
                case "+15550300" -> new SipInbound.Route(null, null, line -> { throw new SipInbound.Rejected(486, "busy"); });
                case "+15550500" -> new SipInbound.Route(null, null, line -> {
                    try {
                        Thread.sleep(1500); // a slow start: the caller cancels meanwhile
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    echo.answer(line);
                });
                case "+15550400" -> new SipInbound.Route(null, null, line -> {
                    echo.answer(line);
                    new Thread(() -> { // as the agent's transfer_to_number would, once the call is up
                        try {
                            Thread.sleep(500);
                            line.transfer("+15559990000");
                            transfers.add("ok");
                        } catch (Exception e) {
                            transfers.add(e.toString());
                        }
                    }).start();
                });
                default -> null;
            };
        });
    }

    @AfterAll
    static void stop() {
        if (sip != null) sip.close();
    }

    private static List<Recorder> callsTo(String number) {
        return lines.stream().filter(r -> r.called.equals(number)).toList();
    }

    @Test
    void aCallCarriesSpeechAndAKeyAndEndsWithBye() throws Exception {
        int before = callsTo("+15550100").size();
        Sipp.Result r = Sipp.run("call.xml", port, "+15550100", 40);
        assertThat(r.exit()).as(r.output()).isZero();
        List<Recorder> calls = callsTo("+15550100");
        assertThat(calls).hasSize(before + 1);
        Recorder c = calls.get(calls.size() - 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> c.ended != null);
        assertThat(c.ended).isEqualTo("the caller hung up");
        assertThat(c.frames.get()).as("20 ms frames heard").isBetween(150, 480);
        assertThat(c.loud.get()).as("frames with speech").isGreaterThan(100);
        assertThat(c.digits.toString()).isEqualTo("1");
        assertThat(c.line.playedMillis()).as("echoed audio sent back").isGreaterThan(3000);
    }

    @Test
    void overTcp() throws Exception {
        Sipp.Result r = Sipp.run("digest.xml", port, "+15550200", 30, "-t", "t1", "-au", "alice", "-ap", "secret");
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void anUnknownNumberIs404() throws Exception {
        Sipp.Result r = Sipp.run("unknown-number.xml", port, "+15559999", 20);
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void aCallThatCannotRunIs486() throws Exception {
        Sipp.Result r = Sipp.run("busy.xml", port, "+15550300", 20);
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void aCallerThatGivesUpWhileItRingsGets487AndTheLineEnds() throws Exception {
        Sipp.Result r = Sipp.run("cancel.xml", port, "+15550500", 20);
        assertThat(r.exit()).as(r.output()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> callsTo("+15550500").size() == 1 && callsTo("+15550500").get(0).ended != null);
        assertThat(callsTo("+15550500").get(0).ended).isEqualTo("the caller hung up before the answer");
    }

    @Test
    void noCommonCodecIs488() throws Exception {
        Sipp.Result r = Sipp.run("no-codec.xml", port, "+15550100", 20);
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void aTrunkWithCredentialsChallengesAndAcceptsTheDigest() throws Exception {
        Sipp.Result r = Sipp.run("digest.xml", port, "+15550200", 30, "-au", "alice", "-ap", "secret");
        assertThat(r.exit()).as(r.output()).isZero();
        Sipp.Result wrong = Sipp.run("digest.xml", port, "+15550200", 15, "-au", "alice", "-ap", "wrong");
        assertThat(wrong.exit()).as("a wrong password is challenged again, never answered").isNotZero();
    }

    @Test
    void twentyFiveCallsAtOnce() throws Exception {
        int before = callsTo("+15550100").size();
        Sipp.Result r = Sipp.run("call.xml", port, "+15550100", 90, "-m", "25", "-l", "25", "-r", "25");
        assertThat(r.exit()).as(r.output()).isZero();
        List<Recorder> calls = callsTo("+15550100").subList(before, before + 25);
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.stream().allMatch(c -> c.ended != null));
        assertThat(mostLive.get()).isGreaterThanOrEqualTo(20);
        for (Recorder c : calls) {
            assertThat(c.loud.get()).as("speech on every call").isGreaterThan(100);
            assertThat(c.digits.toString()).isEqualTo("1");
        }
    }

    @Test
    void aTransferIsAReferTheCallerAcceptsAndReportsInANotify() throws Exception {
        Sipp.Result r = Sipp.run("refer.xml", port, "+15550400", 30);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(transfers).containsExactly("ok");
        Recorder c = callsTo("+15550400").get(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> c.ended != null);
        assertThat(c.ended).isEqualTo("transferred to +15559990000");
    }

    @Test
    void aCallerWhoseMediaStopsIsHungUp() throws Exception {
        int quietPort = Sipp.freePort();
        int rtp = 30000 + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(8000);
        List<Recorder> quiet = new CopyOnWriteArrayList<>();
        try (SipEndpoint strict = SipEndpoint.start(new SipSetup("127.0.0.1", null, quietPort, rtp, rtp + 10, Duration.ofSeconds(2), null),
                (info, source) -> new SipInbound.Route(null, null, line -> {
                    Recorder rec = new Recorder(line);
                    quiet.add(rec);
                    line.open(rec);
                }))) {
            Sipp.Result r = Sipp.run("silent-call.xml", quietPort, "+15550100", 30);
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(quiet).hasSize(1);
            assertThat(quiet.get(0).ended).startsWith("rtp_timeout");
        }
    }
}
