package dev.timbre.convai.conversation.speech;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timbre.agent.session.SpokenChars;
import dev.timbre.agent.voice.AgentSpeech;
import dev.timbre.agent.voice.VoiceEngines;
import dev.timbre.audio.PcmFormat;
import dev.timbre.testing.TestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The agent's voice on the server's TTS (the fake tone engine: 0.3 s per word, word timings). */
@Tag("integration")
class ConversationSpeechTest {
    static TestServer server;
    static AgentSpeech speech;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        var none = new ObjectMapper().createObjectNode();
        VoiceEngines engines = server.timbre().services().conversationVoices().engines(VoiceConfig.read(none, none, "en"), "conv_test");
        speech = engines.speech();
        assertThat(engines.vad().get().frameSamples()).isEqualTo(512);
    }

    @AfterAll
    static void stop() { server.close(); }

    /** Records one utterance's callbacks. */
    static final class Heard implements AgentSpeech.Listener {
        final List<byte[]> chunks = new CopyOnWriteArrayList<>();
        final List<SpokenChars> alignments = new CopyOnWriteArrayList<>();
        final AtomicInteger done = new AtomicInteger(), failed = new AtomicInteger();
        final CountDownLatch finished = new CountDownLatch(1), firstAudio = new CountDownLatch(1);
        volatile PcmFormat format;

        @Override public void audio(PcmFormat f, byte[] pcm, SpokenChars chars) {
            format = f;
            chunks.add(pcm);
            alignments.add(chars);
            firstAudio.countDown();
        }
        @Override public void done() { done.incrementAndGet(); finished.countDown(); }
        @Override public void failed(Exception e) { failed.incrementAndGet(); finished.countDown(); }
    }

    @Test
    void speaksPcmWithEveryCharacterAlignedWithinItsChunk() throws Exception {
        Heard h = new Heard();
        speech.speak("Hello there, how are you?", h);
        assertThat(h.finished.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(h.done).hasValue(1);
        assertThat(h.failed).hasValue(0);
        StringBuilder text = new StringBuilder();
        long bytes = 0;
        for (int i = 0; i < h.chunks.size(); i++) {
            byte[] pcm = h.chunks.get(i);
            assertThat(pcm.length % 2).isZero();
            bytes += pcm.length;
            SpokenChars c = h.alignments.get(i);
            long chunkMs = Math.round(h.format.seconds(pcm.length) * 1000);
            for (int k = 0; k < c.chars().size(); k++) {
                assertThat(c.startMs().get(k)).isBetween(0, (int) chunkMs + 1);
                assertThat(c.durationMs().get(k)).isNotNegative();
            }
            c.chars().forEach(text::append);
        }
        assertThat(text.toString()).isEqualTo("Hello there, how are you?");
        assertThat(h.format.seconds(bytes)).isGreaterThan(1.0); // five words of tone
    }

    @Test
    void cancelStopsTheCallbacks() throws Exception {
        Heard h = new Heard();
        AgentSpeech.Utterance u = speech.speak("one two three four five six seven eight nine ten ".repeat(20), h);
        assertThat(h.firstAudio.await(30, TimeUnit.SECONDS)).isTrue();
        u.cancel();
        int after = h.chunks.size();
        Heard next = new Heard(); // the speech threads go on with other work
        speech.speak("Still here.", next);
        assertThat(next.finished.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(next.done).hasValue(1);
        assertThat(h.chunks.size()).isLessThanOrEqualTo(after + 1); // at most the call in progress finishes
        assertThat(h.done).hasValue(0);
        assertThat(h.failed).hasValue(0);
        u.cancel(); // idempotent
    }

    @Test
    void unspeakableTextFailsOnce() throws Exception {
        Heard h = new Heard();
        speech.speak("", h);
        assertThat(h.finished.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(h.failed).hasValue(1);
        assertThat(h.done).hasValue(0);
    }

    @Test
    void supportedVoicesSpeakTheirTaggedTextAndTagsTakeNoTime() throws Exception {
        var voices = server.get("/v1/voices").json().path("voices");
        String low = voices.get(0).path("voice_id").asText(), high = voices.get(1).path("voice_id").asText();
        var tts = new ObjectMapper().readTree(("{'tts':{'voice_id':'" + low + "','supported_voices':[{'label':'High','voice_id':'" + high
                + "','description':'a high voice'},{'label':'Ghost','voice_id':'no_such_voice','description':'?'}]}}").replace('\'', '"'));
        AgentSpeech multi = server.timbre().services().conversationVoices()
                .engines(VoiceConfig.read(tts, new ObjectMapper().createObjectNode(), "en"), "conv_multi").speech();
        String text = "<High>one two three</High> four five";
        Heard h = new Heard();
        multi.speak(text, h);
        assertThat(h.finished.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(h.done).hasValue(1);
        StringBuilder chars = new StringBuilder();
        h.alignments.forEach(a -> a.chars().forEach(chars::append));
        assertThat(chars.toString()).isEqualTo(text);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        h.chunks.forEach(all::writeBytes);
        byte[] pcm = all.toByteArray();
        assertThat(h.format.seconds(pcm.length)).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.1)); // five words, tags silent
        assertThat(crossingsPerSecond(pcm, h.format, 0.05, 0.2)).as("first word, high voice").isGreaterThan(850);
        assertThat(crossingsPerSecond(pcm, h.format, 1.25, 1.4)).as("last word, agent voice").isLessThan(750);
    }

    static double crossingsPerSecond(byte[] pcm, PcmFormat f, double from, double to) {
        int a = (int) (from * f.sampleRate()), b = (int) (to * f.sampleRate()), n = 0;
        for (int i = a + 1; i < b; i++) {
            short s0 = (short) ((pcm[2 * i - 2] & 0xff) | (pcm[2 * i - 1] << 8)), s1 = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            if ((s0 < 0) != (s1 < 0)) n++;
        }
        return n / (to - from);
    }

    @Test
    void manyConversationsSpeakAtOnce() throws Exception {
        List<Heard> all = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Heard h = new Heard();
            all.add(h);
            speech.speak("Conversation number " + i + " speaks.", h);
        }
        for (Heard h : all) {
            assertThat(h.finished.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(h.done).hasValue(1);
        }
    }
}
