package dev.timbre.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.telephony.LineListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real softphone (baresip) calls the user agent with flite's speech as its microphone; the line echoes what it
 * hears, so the caller's recording must hold the speech back, and the line must have heard it.
 */
@Tag("integration")
class BaresipEchoTest {

    @Test
    void baresipsSpeechReachesTheLineAndComesBack() throws Exception {
        Baresip.assumeInstalled();
        Path dir = Files.createTempDirectory("baresip");
        Path wav = Baresip.speech(dir, "What time does the shop close", 2);
        AtomicInteger loud = new AtomicInteger();
        AtomicReference<String> ended = new AtomicReference<>();
        int port = Sipp.freePort();
        int rtp = 30000 + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(8000);
        try (SipEndpoint sip = SipEndpoint.start(new SipSetup("127.0.0.1", null, port, rtp, rtp + 20, Duration.ofSeconds(30), null),
                (info, source) -> info.to().equals("+15550100") ? new SipInbound.Route(null, null, line -> line.open(new LineListener() {
                    @Override public void audio(byte[] ulaw) {
                        if (SipAudio.rms(ulaw) > 300) loud.incrementAndGet();
                        line.play(ulaw);
                    }

                    @Override public void ended(String reason) { ended.set(reason); }
                })) : null)) {
            byte[] heard = Baresip.call(dir, "sip:+15550100@127.0.0.1:" + port, wav, 10);
            assertThat(loud.get()).as("20 ms frames of speech the line heard").isGreaterThan(40);
            assertThat(Baresip.loudWindows(heard, 300)).as("20 ms windows of speech baresip received").isGreaterThan(40);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ended.get() != null);
            assertThat(ended.get()).isEqualTo("the caller hung up");
        }
    }
}
