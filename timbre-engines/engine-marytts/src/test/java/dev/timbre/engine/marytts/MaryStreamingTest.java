package dev.timbre.engine.marytts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Streaming behaviour; also prints the latency figures (not asserted: they depend on the machine). */
@Tag("integration")
class MaryStreamingTest {
    private static final String TWO = "The quick brown fox jumps over the lazy dog. Speech synthesis should feel fast and natural.";

    @Test
    void closing_a_stream_stops_it_between_chunks() throws Exception {
        CountDownLatch firstChunk = new CountDownLatch(1);
        AtomicInteger chunksAfterClose = new AtomicInteger();
        var closed = new java.util.concurrent.atomic.AtomicBoolean();
        AudioSink sink = new AudioSink() {
            @Override public void start(PcmFormat f) {}
            @Override public void audio(byte[] b, int o, int l) { if (closed.get()) chunksAfterClose.incrementAndGet(); firstChunk.countDown(); }
            @Override public void end() {}
            @Override public void error(EngineException e) {}
        };
        String text = (TWO + " ").repeat(10);
        SpeechStream stream = SharedEngine.ENGINE.openStream(new SpeechRequest(text, "cmu-slt-hsmm", "en", null, null), sink);
        assertThat(firstChunk.await(10, TimeUnit.SECONDS)).isTrue();
        stream.close();
        closed.set(true);
        long t0 = System.nanoTime();
        stream.await();
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(3.0);
        assertThat(chunksAfterClose.get()).isZero();
    }

    @Test
    void prints_load_time_time_to_first_audio_and_real_time_factor() throws Exception {
        double[] ttfa = new double[5], rtf = new double[5];
        for (int i = -1; i < 5; i++) {
            long t0 = System.nanoTime();
            long[] first = {0};
            long[] bytes = {0};
            AudioSink sink = new AudioSink() {
                @Override public void start(PcmFormat f) {}
                @Override public void audio(byte[] b, int o, int l) { if (first[0] == 0) first[0] = System.nanoTime(); bytes[0] += l; }
                @Override public void end() {}
                @Override public void error(EngineException e) { throw e; }
            };
            try (SpeechStream s = SharedEngine.ENGINE.openStream(new SpeechRequest(TWO, "cmu-slt-hsmm", "en", null, null), sink)) {
                s.await();
            }
            if (i < 0) continue; // warm-up
            ttfa[i] = (first[0] - t0) / 1e9;
            rtf[i] = (System.nanoTime() - t0) / 1e9 / SpeechRenderer.FORMAT.seconds(bytes[0]);
        }
        java.util.Arrays.sort(ttfa);
        java.util.Arrays.sort(rtf);
        System.out.printf("MaryTTS figures: load %.2f s (start-up + warm-up), two sentences: first audio chunk %.3f s"
                + " (median of 5; min %.3f, max %.3f), RTF %.3f (min %.3f, max %.3f)%n",
                SharedEngine.LOAD_SECONDS, ttfa[2], ttfa[0], ttfa[4], rtf[2], rtf[0], rtf[4]);
    }
}
