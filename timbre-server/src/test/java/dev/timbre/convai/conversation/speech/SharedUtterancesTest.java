package dev.timbre.convai.conversation.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceDescriptor;
import dev.timbre.engine.fake.ToneTextToSpeech;
import dev.timbre.speech.SpeechChunk;
import dev.timbre.speech.SpeechScheduler;
import dev.timbre.speech.SpeechScript;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.texttospeech.normalize.NormalizedText;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One synthesis for many readers of the same script, on the fake tone engine (0.3 s per word). */
class SharedUtterancesTest {
    /** The tone engine, counting the syntheses it starts. */
    static final class CountingTone implements TextToSpeech {
        final TextToSpeech tone = new ToneTextToSpeech();
        final AtomicInteger opened = new AtomicInteger();

        @Override public EngineInfo info() { return tone.info(); }

        @Override public List<VoiceDescriptor> voices() { return tone.voices(); }

        @Override
        public SpeechStream openStream(SpeechRequest request, AudioSink out) throws dev.timbre.engine.EngineException {
            opened.incrementAndGet();
            return tone.openStream(request, out);
        }
    }

    final CountingTone engine = new CountingTone();
    final SpeechSynthesizer speech = new SpeechSynthesizer(new SpeechScheduler(8, 8));
    final SharedUtterances shared = new SharedUtterances(1 << 20);

    SpeechScript script(String text) {
        return SpeechScript.of(SpeechScript.Segment.spoken(NormalizedText.identity(text), engine, new SpeechRequest(text, "tone-a", null, null, null)),
                null, false);
    }

    UtteranceSource open(String text) throws InterruptedException {
        SpeechScript s = script(text);
        return shared.open(s, () -> speech.open(s, SpeechSynthesizer.Delivery.STREAMED));
    }

    /** Every chunk's audio, joined, and the characters; closes the source. */
    static String[] readAll(UtteranceSource source) throws Exception {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        StringBuilder chars = new StringBuilder();
        try (source) {
            for (SpeechChunk c; (c = source.next()) != null; ) {
                audio.writeBytes(c.audio());
                if (c.alignment() != null) c.alignment().characters().forEach(chars::append);
            }
        }
        return new String[] {java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(audio.toByteArray())),
                chars.toString(), String.valueOf(audio.size())};
    }

    static String[] unchecked(UtteranceSource s) {
        try {
            return readAll(s);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    @Test
    void readersAtOnceShareOneSynthesisAndHearTheSameAudio() throws Exception {
        String text = "Hello and thank you for calling.";
        UtteranceSource first = open(text), second = open(text), third = open(text);
        var a = CompletableFuture.supplyAsync(() -> unchecked(first));
        var b = CompletableFuture.supplyAsync(() -> unchecked(second));
        String[] c = readAll(third);
        assertThat(engine.opened).hasValue(1);
        assertThat(a.get(30, TimeUnit.SECONDS)).containsExactly(c);
        assertThat(b.get(30, TimeUnit.SECONDS)).containsExactly(c);
        assertThat(c[1]).isEqualTo(text);
        assertThat(Integer.parseInt(c[2])).isGreaterThan(16_000 * 2); // six words of tone at 16 kHz
        assertThat(shared.keptCount()).isOne(); // shared while it ran: kept
        readAll(open(text));
        assertThat(engine.opened).as("replayed").hasValue(1);
    }

    @Test
    void aScriptIsKeptTheSecondTimeItIsSynthesisedAlone() throws Exception {
        readAll(open("Only once."));
        assertThat(shared.keptCount()).isZero();
        String[] second = readAll(open("Only once."));
        assertThat(shared.keptCount()).isOne();
        assertThat(readAll(open("Only once."))).containsExactly(second);
        assertThat(engine.opened).hasValue(2);
        readAll(open("Something else."));
        assertThat(engine.opened).hasValue(3);
    }

    @Test
    void aCancelledLeaderGoesOnForItsFollowers() throws Exception {
        String text = "one two three four five six seven eight";
        UtteranceSource leader = open(text), follower = open(text);
        assertThat(leader.next()).isNotNull();
        leader.cancel();
        assertThatThrownBy(leader::next).isInstanceOf(CancellationException.class);
        var rest = CompletableFuture.supplyAsync(() -> unchecked(follower));
        leader.close(); // pulls the rest for the follower
        String[] heard = rest.get(30, TimeUnit.SECONDS);
        assertThat(heard[1]).isEqualTo(text);
        assertThat(engine.opened).hasValue(1);
    }

    @Test
    void aCancelledLeaderAloneStopsTheSynthesisAndNothingIsKept() throws Exception {
        String text = "one two three four five six seven eight nine ten";
        UtteranceSource leader = open(text);
        assertThat(leader.next()).isNotNull();
        leader.cancel();
        leader.close();
        assertThat(shared.keptCount()).isZero();
        assertThat(readAll(open(text))[1]).isEqualTo(text); // a new synthesis, from the start
        assertThat(engine.opened).hasValue(2);
    }

    @Test
    void aCancelledFollowerStopsReadingAtOnce() throws Exception {
        String text = "one two three four five six seven eight nine ten";
        UtteranceSource leader = open(text), follower = open(text);
        var waiting = CompletableFuture.runAsync(() -> {
            try {
                while (follower.next() != null) { /* reads until cancelled */ }
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        follower.cancel();
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
        follower.close();
        assertThat(readAll(leader)[1]).isEqualTo(text);
    }

    @Test
    void longScriptsAreNotShared() throws Exception {
        String text = "word ".repeat(SharedUtterances.MAX_CHARS / 5 + 1).trim();
        UtteranceSource a = open(text), b = open(text);
        a.close();
        b.close();
        assertThat(engine.opened).hasValue(2);
    }
}
