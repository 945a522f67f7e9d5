package dev.timbre.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.timbre.telephony.LineListener;
import dev.timbre.telephony.OperatorMessage;
import dev.timbre.telephony.PhoneLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Warm transfers between real SIP peers: SIPp calls in, the line (as the agent's transfer_to_number would) makes a
 * conference transfer to an operator — baresip answering by itself and recording what it hears, or SIPp playing a
 * trunk — which must hear the operator message, then the caller (bridged); a BYE from either side ends the other; a
 * busy operator fails the transfer and leaves the caller on the line.
 */
@Tag("integration")
class WarmTransferSippTest {
    SipEndpoint sip;
    int port;
    final List<Listener> lines = new CopyOnWriteArrayList<>();
    final CompletableFuture<String> outcome = new CompletableFuture<>();

    /** The agent side of the caller's line: counts what it hears after the transfer returned or failed. */
    static final class Listener implements LineListener {
        final AtomicInteger loudAfterTransfer = new AtomicInteger();
        volatile boolean transferDone;
        volatile String ended;

        @Override public void audio(byte[] ulaw) {
            if (transferDone && SipAudio.rms(ulaw) > 300) loudAfterTransfer.incrementAndGet();
        }

        @Override public void ended(String reason) { ended = reason; }
    }

    /** Starts the user agent: calls to +15550600 are transferred (warm) to {@code operator} half a second after the answer. */
    void start(String operator, byte[] greeting) throws Exception {
        Sipp.assumeInstalled();
        port = Sipp.freePort();
        int rtp = 30000 + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(8000);
        sip = SipEndpoint.start(new SipSetup("127.0.0.1", null, port, rtp, rtp + 40, Duration.ofSeconds(30), null), (info, source) ->
                !info.to().equals("+15550600") ? null : new SipInbound.Route(null, null, line -> {
                    Listener l = new Listener();
                    lines.add(l);
                    line.open(l);
                    Thread t = new Thread(() -> transfer(line, l, operator, greeting));
                    t.start();
                }));
    }

    private void transfer(PhoneLine line, Listener l, String operator, byte[] greeting) {
        try {
            Thread.sleep(500);
            line.conference(operator, new OperatorMessage("Caller asks about an invoice.", () -> greeting));
            outcome.complete("ok");
        } catch (Exception e) {
            outcome.complete(e.getMessage());
        } finally {
            l.transferDone = true;
        }
    }

    @AfterEach
    void stop() {
        if (sip != null) sip.close();
    }

    @Test
    void theOperatorHearsTheMessageThenTheCallerAndTheCallersByeEndsBoth() throws Exception {
        Baresip.assumeInstalled();
        Path dir = Files.createTempDirectory("warm-transfer");
        byte[] greetingPcm = dev.timbre.audio.Wav.read(Files.readAllBytes(Baresip.speech(dir, "A caller asks about an invoice", 0))).pcm();
        byte[] greeting = dev.timbre.audio.G711.ulaw(greetingPcm);
        int greetingLoud = Baresip.loudWindows(greetingPcm, 300);
        Path quiet = dir.resolve("quiet.wav");
        Files.write(quiet, dev.timbre.audio.Wav.wrap(new byte[8000 * 2 * 40], new dev.timbre.audio.PcmFormat(8000)));
        Baresip.Answerer operator = Baresip.answer(Files.createDirectories(dir.resolve("operator")), quiet, 25);
        start(operator.uri(), greeting);

        Sipp.Result caller = Sipp.run("warm-caller.xml", port, "+15550600", 40);
        assertThat(caller.exit()).as(caller.output()).isZero();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        Listener l = lines.get(0);
        assertThat(l.ended).isEqualTo("transferred to " + operator.uri());
        assertThat(l.loudAfterTransfer.get()).as("the agent side hears nothing once bridged").isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> sip.activeCalls() == 0); // the caller's BYE ended the operator's call too

        byte[] heard = operator.heard(40);
        int greetingWindows = greeting.length / 160;
        byte[] first = java.util.Arrays.copyOf(heard, Math.min(heard.length, (greetingWindows + 25) * 320));
        byte[] rest = java.util.Arrays.copyOfRange(heard, first.length, heard.length);
        assertThat(Baresip.loudWindows(first, 300)).as("the operator message (%d loud windows)", greetingLoud)
                .isGreaterThan(greetingLoud * 7 / 10);
        assertThat(Baresip.loudWindows(rest, 300)).as("the caller's speech, bridged").isGreaterThan(100);
        assertThat(operator.log()).as("baresip saw the call end").containsIgnoringCase("closed");
    }

    @Test
    void theOperatorHangingUpHangsUpTheCaller() throws Exception {
        int operatorPort = Sipp.freePort();
        start("sip:operator@127.0.0.1:" + operatorPort, OutboundSippTest.tone(1000));
        Process operator = Sipp.serve("trunk-answer-bye.xml", operatorPort, 30);
        Sipp.Result caller = Sipp.run("warm-caller-held.xml", port, "+15550600", 30);
        assertThat(caller.exit()).as("the caller got the BYE: " + caller.output()).isZero();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(operator.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(operator.exitValue()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> sip.activeCalls() == 0);
    }

    @Test
    void aBusyOperatorFailsTheTransferAndTheCallerStaysWithTheAgent() throws Exception {
        int operatorPort = Sipp.freePort();
        start("sip:operator@127.0.0.1:" + operatorPort, OutboundSippTest.tone(1000));
        Process operator = Sipp.serve("trunk-busy.xml", operatorPort, 20);
        Sipp.Result caller = Sipp.run("warm-caller.xml", port, "+15550600", 30);
        assertThat(caller.exit()).as(caller.output()).isZero();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).contains("busy").contains("486");
        Listener l = lines.get(0);
        assertThat(l.loudAfterTransfer.get()).as("the caller's speech still reaches the agent side").isGreaterThan(100);
        await().atMost(Duration.ofSeconds(5)).until(() -> l.ended != null);
        assertThat(l.ended).isEqualTo("the caller hung up");
        assertThat(operator.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
}
