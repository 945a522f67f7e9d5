package dev.timbre.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.timbre.audio.OutputFormat;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceDescriptor;
import dev.timbre.engine.fake.ToneTextToSpeech;
import dev.timbre.texttospeech.normalize.NormalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs on the fake tone engine (16 kHz, 0.3 s per word, exact word timings). */
class SpeechRunTest {
    static final TextToSpeech TONE = new ToneTextToSpeech();
    static final OutputFormat PCM = OutputFormat.parse("pcm_16000").orElseThrow();

    final SpeechScheduler scheduler = new SpeechScheduler(1, 0);
    final SpeechSynthesizer speech = new SpeechSynthesizer(scheduler);

    static SpeechScript.Segment spoken(String text, String voice) {
        return SpeechScript.Segment.spoken(NormalizedText.identity(text), TONE, new SpeechRequest(text, voice, null, null, null));
    }

    static List<SpeechChunk> all(SpeechRun run) throws InterruptedException {
        List<SpeechChunk> chunks = new ArrayList<>();
        for (SpeechChunk c; (c = run.next()) != null; ) chunks.add(c);
        return chunks;
    }

    static String characters(List<SpeechChunk> chunks) {
        StringBuilder b = new StringBuilder();
        for (SpeechChunk c : chunks) if (c.alignment() != null) c.alignment().characters().forEach(b::append);
        return b.toString();
    }

    @Test
    void chunks_come_in_order_with_every_character_and_exactly_one_last() throws Exception {
        String text = "one two three";
        try (SpeechRun run = speech.open(SpeechScript.of(spoken(text, "tone-a"), PCM, true), SpeechSynthesizer.Delivery.STREAMED)) {
            List<SpeechChunk> chunks = all(run);
            assertThat(chunks).filteredOn(SpeechChunk::last).hasSize(1);
            assertThat(chunks.get(chunks.size() - 1).last()).isTrue();
            assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.audio()).isNotEmpty());
            assertThat(characters(chunks)).isEqualTo(text);
            long bytes = chunks.stream().mapToLong(c -> c.audio().length).sum();
            assertThat(bytes).isEqualTo(3 * 2 * (long) (0.3 * 16000));
            assertThat(run.seconds()).isCloseTo(0.9, within(0.001));
            assertThat(run.keptAudio()).hasSize((int) bytes);
            double last = -1;
            for (SpeechChunk c : chunks) {
                if (c.alignment() == null) continue;
                for (double t : c.alignment().characterStartTimesSeconds()) {
                    assertThat(t).isGreaterThanOrEqualTo(last);
                    last = t;
                }
            }
            assertThat(run.next()).isNull();
        }
        assertThat(scheduler.waiting()).isZero();
    }

    @Test
    void segments_follow_each_other_after_their_pause_with_their_spans() throws Exception {
        SpeechScript script = new SpeechScript(List.of(spoken("one two", "tone-a"), spoken("three", "tone-b").afterPause(0.2),
                SpeechScript.Segment.silent("<end>")), null, false);
        try (SpeechRun run = speech.open(script, SpeechSynthesizer.Delivery.WHOLE)) {
            List<SpeechChunk> chunks = all(run);
            assertThat(run.pcmFormat().sampleRate()).isEqualTo(16000);
            List<SpeechChunk.SegmentSpan> spans = chunks.stream().flatMap(c -> c.finished().stream()).toList();
            assertThat(spans).containsExactly(new SpeechChunk.SegmentSpan(0, 0.0, 0.6), new SpeechChunk.SegmentSpan(1, 0.8, 1.1));
            assertThat(characters(chunks)).isEqualTo("one twothree<end>");
            SpeechChunk whole = SpeechChunk.join(chunks);
            assertThat(whole.alignment().characterStartTimesSeconds().get(7)).as("'three' starts after the pause").isEqualTo(0.8);
            assertThat(whole.alignment().characterStartTimesSeconds().get(12)).as("markup at the end, no duration").isEqualTo(1.1);
            assertThat(whole.audio()).hasSize(2 * (int) Math.round(1.1 * 16000));
            assertThat(run.keptAudio()).isEmpty();
        }
    }

    @Test
    void an_engine_refusal_is_a_domain_error_naming_its_segment_and_frees_the_slot() throws Exception {
        assertThatThrownBy(() -> speech.open(SpeechScript.of(spoken("hello", "no-such-voice"), PCM, false), SpeechSynthesizer.Delivery.STREAMED))
                .isInstanceOfSatisfying(SpeechException.Refused.class, e -> {
                    assertThat(e.segment()).isZero();
                    assertThat(e.getMessage()).contains("unknown voice");
                });
        SpeechScript second = new SpeechScript(List.of(spoken("hello", "tone-a"), spoken("there", "no-such-voice")), PCM, false);
        try (SpeechRun run = speech.open(second, SpeechSynthesizer.Delivery.STREAMED)) { // one slot, no queue: it was freed
            assertThatThrownBy(() -> all(run)).isInstanceOfSatisfying(SpeechException.Refused.class, e -> assertThat(e.segment()).isEqualTo(1));
        }
        speech.open(SpeechScript.of(spoken("again", "tone-a"), PCM, false), SpeechSynthesizer.Delivery.STREAMED).close();
    }

    @Test
    void closing_cancels_the_rest_gives_the_slot_back_and_is_idempotent() throws Exception {
        SpeechRun run = speech.open(SpeechScript.of(spoken("word ".repeat(200), "tone-a"), PCM, false), SpeechSynthesizer.Delivery.STREAMED);
        assertThat(run.next().audio()).isNotEmpty();
        assertThatThrownBy(() -> speech.open(SpeechScript.of(spoken("busy", "tone-a"), PCM, false), SpeechSynthesizer.Delivery.STREAMED))
                .isInstanceOf(SpeechException.Busy.class);
        run.close();
        run.close();
        assertThatThrownBy(run::next).isInstanceOf(CancellationException.class);
        try (SpeechRun next = speech.open(SpeechScript.of(spoken("free", "tone-a"), PCM, false), SpeechSynthesizer.Delivery.STREAMED)) {
            assertThat(characters(all(next))).isEqualTo("free");
        }
    }

    @Test
    void a_close_from_another_thread_ends_a_pull_that_waits_for_the_engine() throws Exception {
        SilentEngine silent = new SilentEngine();
        SpeechScript script = SpeechScript.of(SpeechScript.Segment.spoken(NormalizedText.identity("hi"), silent,
                new SpeechRequest("hi", "any", null, null, null)), PCM, false);
        SpeechRun run = speech.open(script, SpeechSynthesizer.Delivery.STREAMED);
        CompletableFuture<SpeechChunk> pull = CompletableFuture.supplyAsync(() -> {
            try {
                return run.next();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        silent.opened.get(10, TimeUnit.SECONDS);
        run.close();
        assertThatThrownBy(() -> pull.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
        assertThat(silent.closed.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(scheduler.waiting()).isZero();
    }

    /** An engine that accepts the text and then says nothing until it is closed. */
    static final class SilentEngine implements TextToSpeech {
        final CompletableFuture<Boolean> opened = new CompletableFuture<>(), closed = new CompletableFuture<>();

        @Override public EngineInfo info() { return TONE.info(); }

        @Override public List<VoiceDescriptor> voices() { return List.of(); }

        @Override
        public SpeechStream openStream(SpeechRequest request, AudioSink out) {
            opened.complete(true);
            return new SpeechStream() {
                @Override public void await() {}

                @Override public void close() { closed.complete(true); }
            };
        }
    }
}
