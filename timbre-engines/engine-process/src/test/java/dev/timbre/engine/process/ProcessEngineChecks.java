package dev.timbre.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceTuning;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;

/** Checks both process engines share: skipping when the program is missing (but not under CI), audio, speed, cancel. */
final class ProcessEngineChecks {
    static final String PARAGRAPH = "The quick brown fox jumps over the lazy dog. It was a bright, cold day in April. "
            + "Speech synthesis turns written text into audio. This paragraph has four sentences.";

    private ProcessEngineChecks() {}

    /** Skips the test when the program is missing; under CI=true the test script installs it, so it fails instead. */
    static void assumeInstalled(String program, boolean available) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(available).as(program + " must be installed under CI (scripts/test-all.sh installs it)").isTrue();
        }
        Assumptions.assumeTrue(available, program + " is not installed");
    }

    static TextToSpeech.Speech speak(TextToSpeech engine, String voice, String text, double speed) throws InterruptedException {
        return engine.synthesize(new SpeechRequest(text, voice, "en",
                new VoiceTuning(0.5, 0.75, 0, true, speed), null));
    }

    /** Audible, of a plausible length for about 40 words (roughly 8 to 20 s at normal speed). */
    static void audibleWithPlausibleDuration(TextToSpeech engine, String voice) throws Exception {
        var speech = speak(engine, voice, PARAGRAPH, 1.0);
        assertThat(Pcm.rms(speech.pcm())).isGreaterThan(300);
        assertThat(speech.seconds()).isBetween(5.0, 25.0);
    }

    static void speedChangesDuration(TextToSpeech engine, String voice) throws Exception {
        double slow = speak(engine, voice, PARAGRAPH, 0.7).seconds();
        double normal = speak(engine, voice, PARAGRAPH, 1.0).seconds();
        double fast = speak(engine, voice, PARAGRAPH, 1.2).seconds();
        assertThat(slow).isGreaterThan(normal * 1.2);
        assertThat(fast).isLessThan(normal * 0.93);
    }

    /** Closing the stream after the first chunk ends it promptly and no audio arrives afterwards. */
    static void cancelStops(TextToSpeech engine, String voice) throws Exception {
        String text = (PARAGRAPH + " ").repeat(20);
        CountDownLatch first = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        AtomicInteger afterClose = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        AudioSink sink = new AudioSink() {
            @Override public void start(PcmFormat f) {}
            @Override public void audio(byte[] b, int o, int l) {
                if (closed.get()) afterClose.incrementAndGet();
                bytes.addAndGet(l);
                first.countDown();
            }
            @Override public void end() {}
            @Override public void error(EngineException e) {}
        };
        SpeechStream stream = engine.openStream(new SpeechRequest(text, voice, "en", null, null), sink);
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        stream.close();
        closed.set(true);
        Thread awaiter = new Thread(() -> {
            try { stream.await(); } catch (InterruptedException ignored) { }
        });
        awaiter.start();
        awaiter.join(3000);
        assertThat(awaiter.isAlive()).as("stream ended after close").isFalse();
        System.out.printf("%s cancel: stream ended %.0f ms after close, %d bytes before%n",
                engine.info().provider(), (System.nanoTime() - t0) / 1e6, bytes.get());
        // A call already past the sink's guard when close() ran may still land; nothing after it.
        assertThat(afterClose.get()).isLessThanOrEqualTo(1);
    }

    /** Logs time to the first chunk and the real-time factor for a paragraph (measured, not asserted). */
    static void logTiming(TextToSpeech engine, String voice) throws Exception {
        speak(engine, voice, "Warm up.", 1.0);
        AtomicLong firstChunk = new AtomicLong(), bytes = new AtomicLong();
        PcmFormat[] format = new PcmFormat[1];
        long t0 = System.nanoTime();
        AudioSink sink = new AudioSink() {
            @Override public void start(PcmFormat f) { format[0] = f; }
            @Override public void audio(byte[] b, int o, int l) {
                firstChunk.compareAndSet(0, System.nanoTime());
                bytes.addAndGet(l);
            }
            @Override public void end() {}
            @Override public void error(EngineException e) { throw e; }
        };
        try (SpeechStream s = engine.openStream(new SpeechRequest(PARAGRAPH, voice, "en", null, null), sink)) {
            s.await();
        }
        double total = (System.nanoTime() - t0) / 1e9, audio = format[0].seconds(bytes.get());
        System.out.printf("TIMING %s/%s: first chunk %.0f ms, %.2f s of audio in %.3f s, RTF %.4f%n",
                engine.info().provider(), voice, (firstChunk.get() - t0) / 1e6, audio, total, total / audio);
    }
}
