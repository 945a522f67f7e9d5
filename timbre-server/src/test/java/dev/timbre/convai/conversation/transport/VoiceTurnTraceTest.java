package dev.timbre.convai.conversation.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.timbre.agent.session.ExecutorSessionLoop;
import dev.timbre.agent.voice.TurnLatency;
import dev.timbre.audio.OutputFormat;
import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.HttpTransport;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TokenUsage;
import dev.timbre.engine.openai.OpenAiChatLanguageModel;
import dev.timbre.engine.remote.ElevenLabsTextToSpeech;
import dev.timbre.engine.remote.FakeSpeechServer;
import dev.timbre.engine.remote.RemoteSpeechSettings;
import dev.timbre.speech.SpeechRun;
import dev.timbre.speech.SpeechScheduler;
import dev.timbre.speech.SpeechScript;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.texttospeech.normalize.NormalizedText;
import dev.timbre.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VoiceTurnTraceTest {
    @Test
    void a_measured_turn_is_one_span_from_end_of_speech_to_first_audio_with_a_event_per_stage() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (Tracing t = Tracing.exportingTo(spans)) {
            new VoiceTurnTrace("conv_1").measured(new TurnLatency(7, 120L, 300L, 650L, 900L, 940L));
            assertThat(spans.getFinishedSpanItems()).hasSize(1);
            SpanData turn = spans.getFinishedSpanItems().get(0);
            assertThat(turn.getName()).isEqualTo("voice.turn");
            assertThat(TimeUnit.NANOSECONDS.toMillis(turn.getEndEpochNanos() - turn.getStartEpochNanos())).isEqualTo(940);
            assertThat(turn.getAttributes().get(AttributeKey.stringKey("timbre.conversation_id"))).isEqualTo("conv_1");
            assertThat(turn.getAttributes().get(AttributeKey.longKey("timbre.voice.llm_first_token_ms"))).isEqualTo(650L);
            assertThat(turn.getEvents()).extracting(EventData::getName)
                    .containsExactly("vad_end", "transcript_final", "llm_first_token", "tts_first_audio", "first_audio_sent");
            assertThat(TimeUnit.NANOSECONDS.toMillis(turn.getEvents().get(3).getEpochNanos() - turn.getStartEpochNanos())).isEqualTo(900);
        }
    }

    /**
     * The turn opened at the end of the user's speech is the parent of what the session loop starts for it: the LLM
     * request (its client span, from the chat stream's own thread) and the synthesis ({@code speech.synthesize}, on a
     * speech thread as the conversation's speech runs it), under which the engine node's HTTP call is made with the
     * turn's trace in {@code traceparent}.
     */
    @Test
    void a_turn_is_the_parent_of_its_llm_request_and_its_synthesis_and_the_engine_node_call_carries_its_trace() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        List<String> traceparents = new CopyOnWriteArrayList<>();
        HttpServer node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        node.createContext("/", x -> {
            traceparents.add(x.getRequestURI().getPath() + " " + x.getRequestHeaders().getFirst("traceparent"));
            x.getRequestBody().readAllBytes();
            byte[] body = x.getRequestURI().getPath().endsWith("/chat/completions")
                    ? "data: {\"choices\":[{\"delta\":{\"content\":\"Sunny.\"}}]}\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8)
                    : x.getRequestURI().getPath().endsWith("/stream") ? FakeSpeechServer.speak("sunny", 16_000)
                    : "{\"voices\":[]}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) { o.write(body); }
        });
        node.start();
        String url = "http://127.0.0.1:" + node.getAddress().getPort();
        HttpTransport http = HttpTransport.of(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        SpeechSynthesizer speech = new SpeechSynthesizer(new SpeechScheduler(2, 2));
        try (Tracing t = Tracing.exportingTo(spans);
             OpenAiChatLanguageModel llm = new OpenAiChatLanguageModel(url + "/v1", null, "m", Map.of(), Duration.ofSeconds(10), http)) {
            ElevenLabsTextToSpeech tts = new ElevenLabsTextToSpeech(new RemoteSpeechSettings(url, null, null, List.of("v1"),
                    Duration.ofSeconds(10), 16_000, 0), http, null, false);
            VoiceTurnTrace turns = new VoiceTurnTrace("conv_2");
            ExecutorSessionLoop loop = new ExecutorSessionLoop("conv_2", Clock.systemUTC(), e -> {}, turns::around);
            CountDownLatch done = new CountDownLatch(2);
            loop.execute(() -> turns.started(80));
            loop.execute(() -> {
                llm.open(ChatRequest.of(List.of(ChatMessage.user("weather?"))), new ChatListener() {
                    @Override public void text(String delta) {}
                    @Override public void end(FinishReason reason, TokenUsage usage) { done.countDown(); }
                    @Override public void error(EngineException e) { done.countDown(); }
                });
                new Thread(Tracing.carrying(() -> { // a speech thread, as the conversation's speech runs it
                    try (SpeechRun run = speech.open(SpeechScript.of(SpeechScript.Segment.spoken(NormalizedText.identity("sunny"), tts,
                            new SpeechRequest("sunny", "v1", null, null, null)), OutputFormat.parse("pcm_16000").orElseThrow(), false),
                            SpeechSynthesizer.Delivery.WHOLE)) {
                        while (run.next() != null) { /* drain */ }
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    } finally {
                        done.countDown();
                    }
                })).start();
            });
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
            CountDownLatch measured = new CountDownLatch(1);
            loop.execute(() -> {
                turns.measured(new TurnLatency(1, 80L, 200L, 400L, 500L, 520L));
                measured.countDown();
            });
            assertThat(measured.await(5, TimeUnit.SECONDS)).isTrue();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().size() >= 5);

            List<SpanData> all = spans.getFinishedSpanItems().stream().filter(s -> !s.getName().equals("GET")).toList(); // not the voice listing
            SpanData turn = all.stream().filter(s -> s.getName().equals("voice.turn")).findFirst().orElseThrow();
            SpanData synthesis = all.stream().filter(s -> s.getName().equals("speech.synthesize")).findFirst().orElseThrow();
            List<SpanData> clients = all.stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
            assertThat(all).allSatisfy(s -> assertThat(s.getTraceId()).as(s.getName()).isEqualTo(turn.getTraceId()));
            assertThat(turn.getParentSpanContext().isValid()).isFalse();
            assertThat(synthesis.getParentSpanId()).isEqualTo(turn.getSpanId());
            assertThat(clients).hasSize(2).anySatisfy(c -> assertThat(c.getParentSpanId()).as("the LLM request").isEqualTo(turn.getSpanId()))
                    .anySatisfy(c -> assertThat(c.getParentSpanId()).as("the engine node's synthesis").isEqualTo(synthesis.getSpanId()));
            assertThat(traceparents).filteredOn(p -> !p.startsWith("/v2/voices"))
                    .hasSize(2).allSatisfy(p -> assertThat(p).contains("00-" + turn.getTraceId() + "-"));
        } finally {
            node.stop(0);
        }
    }

    @Test
    void nothing_is_recorded_while_tracing_is_off() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        Tracing.start(java.util.Map.of()).close(); // nothing configured: nothing installed
        assertThat(Tracing.enabled()).isFalse();
        VoiceTurnTrace turns = new VoiceTurnTrace("conv_1");
        turns.started(10);
        Runnable task = () -> {};
        assertThat(turns.around(task)).isSameAs(task);
        turns.measured(new TurnLatency(1, 10L, null, null, null, null));
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }
}
