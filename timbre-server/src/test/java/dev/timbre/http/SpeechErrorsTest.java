package dev.timbre.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.fake.ToneTextToSpeech;
import dev.timbre.speech.SpeechException;
import dev.timbre.speech.SpeechRun;
import dev.timbre.speech.SpeechScheduler;
import dev.timbre.speech.SpeechScript;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.texttospeech.normalize.NormalizedText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The speech layer's errors as the API writes them: the shapes the endpoints have always had. */
class SpeechErrorsTest {
    final SpeechSynthesizer speech = new SpeechSynthesizer(new SpeechScheduler(1, 0));

    SpeechScript script(String voice) {
        return SpeechScript.of(SpeechScript.Segment.spoken(NormalizedText.identity("Hello."), new ToneTextToSpeech(),
                new SpeechRequest("Hello.", voice, null, null, null)), null, false);
    }

    SpeechException thrown(ThrowingCall call) {
        try {
            call.run();
        } catch (SpeechException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no speech error");
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void a_refused_text_is_a_422_on_the_field_that_holds_it() {
        SpeechException e = thrown(() -> speech.open(script("no-such-voice"), SpeechSynthesizer.Delivery.STREAMED));
        ApiException tts = SpeechErrors.of(e);
        assertThat(tts.status()).isEqualTo(422);
        assertThat(tts.violations()).containsExactly(new ApiException.Violation(List.of("body", "text"),
                "The engine cannot speak this text: unknown voice: no-such-voice", "value_error"));
        ApiException dialogue = SpeechErrors.of(e, "body", "inputs", 2, "text");
        assertThat(dialogue.violations().get(0).loc()).containsExactly("body", "inputs", 2, "text");
    }

    @Test
    void a_full_queue_is_429_with_retry_after() throws Exception {
        try (var held = speech.open(script("tone-a"), SpeechSynthesizer.Delivery.STREAMED)) {
            ApiException busy = SpeechErrors.of(thrown(() -> speech.open(script("tone-a"), SpeechSynthesizer.Delivery.STREAMED)));
            assertThat(busy.status()).isEqualTo(429);
            assertThat(busy.code()).isEqualTo("too_many_concurrent_requests");
            assertThat(busy.retryAfterSeconds()).isEqualTo(1);
            assertThat(busy.getMessage()).contains("0 requests are already waiting");
        }
    }

    @Test
    void an_engine_failure_is_a_500_an_unavailable_engine_and_an_interrupt_a_503() throws Exception {
        ApiException failed = failure(false);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.code()).isEqualTo("synthesis_failed");
        assertThat(failed.getMessage()).isEqualTo("The speech engine failed: boom");
        ApiException unavailable = failure(true); // e.g. a remote provider that is down
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.code()).isEqualTo("speech_engine_unavailable");
        assertThat(unavailable.getMessage()).isEqualTo("The speech engine is unavailable, try again later: boom");
        assertThat(SpeechErrors.interrupted().status()).isEqualTo(503);
    }

    ApiException failure(boolean retryable) throws Exception {
        TextToSpeech failing = new TextToSpeech() {
            @Override public dev.timbre.engine.EngineInfo info() { return new ToneTextToSpeech().info(); }

            @Override public List<dev.timbre.engine.VoiceDescriptor> voices() { return List.of(); }

            @Override
            public SpeechStream openStream(SpeechRequest request, AudioSink out) {
                out.error(new EngineException("boom", null, retryable));
                return new SpeechStream() {
                    @Override public void await() {}

                    @Override public void close() {}
                };
            }
        };
        SpeechScript script = SpeechScript.of(SpeechScript.Segment.spoken(NormalizedText.identity("Hi."), failing,
                new SpeechRequest("Hi.", "tone-a", null, null, null)), null, false);
        try (SpeechRun run = speech.open(script, SpeechSynthesizer.Delivery.STREAMED)) {
            return SpeechErrors.of(thrown(run::next));
        }
    }
}
