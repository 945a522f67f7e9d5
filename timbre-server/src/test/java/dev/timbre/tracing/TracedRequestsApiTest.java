package dev.timbre.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.timbre.testing.TestServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A server with tracing on (the SDK's in-memory exporter): requests as server spans, synthesis runs as children. */
@Tag("integration")
class TracedRequestsApiTest {
    static final InMemorySpanExporter spans = InMemorySpanExporter.create();
    static Tracing tracing;
    static TestServer server;
    static String voiceId;

    @BeforeAll
    static void start() {
        tracing = Tracing.exportingTo(spans);
        server = TestServer.start();
        voiceId = server.firstVoiceId();
    }

    @AfterAll
    static void stop() {
        server.close();
        tracing.close();
    }

    @BeforeEach
    void clear() {
        spans.reset();
    }

    static SpanData serverSpan(String route) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && route.equals(s.getAttributes().get(
                        io.opentelemetry.api.common.AttributeKey.stringKey("http.route"))))
                .findFirst().orElse(null), s -> s != null);
    }

    @Test
    void a_tts_request_is_a_server_span_with_its_route_and_a_child_synthesis_span() {
        var r = server.postJson("/v1/text-to-speech/" + voiceId + "?output_format=mp3_44100_128", Map.of("text", "Hello there, tracing."));
        assertThat(r.status()).isEqualTo(200);
        SpanData request = serverSpan("/v1/text-to-speech/{voice_id}");
        assertThat(request.getName()).isEqualTo("POST /v1/text-to-speech/{voice_id}");
        assertThat(request.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        List<SpanData> synth = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("speech.synthesize")).toList();
        assertThat(synth).hasSize(1);
        SpanData run = synth.get(0);
        assertThat(run.getTraceId()).isEqualTo(request.getTraceId());
        assertThat(run.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(run.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey("timbre.speech.characters"))).isEqualTo(21L);
        assertThat(run.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey("timbre.speech.first_audio_ms"))).isNotNull();
        assertThat(run.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("timbre.speech.engine"))).isNotBlank();
    }

    @Test
    void the_access_log_line_carries_the_trace_id_in_the_mdc() {
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("timbre.access");
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            assertThat(server.get("/v1/models").status()).isEqualTo(200);
            SpanData request = serverSpan("/v1/models");
            assertThat(appender.list).anySatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("trace_id", request.getTraceId()));
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void an_incoming_traceparent_is_continued() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parentId = "00f067aa0ba902b7";
        var r = server.send(server.builder("/v1/models").header("traceparent", "00-" + traceId + "-" + parentId + "-01").GET());
        assertThat(r.status()).isEqualTo(200);
        SpanData request = serverSpan("/v1/models");
        assertThat(request.getTraceId()).isEqualTo(traceId);
        assertThat(request.getParentSpanId()).isEqualTo(parentId);
        assertThat(request.getParentSpanContext().isRemote()).isTrue();
    }

    @Test
    void requests_without_traceparent_start_their_own_trace_and_errors_are_spans_too() {
        var r = server.get("/v1/voices/no-such-voice");
        assertThat(r.status()).isEqualTo(404);
        SpanData request = serverSpan("/v1/voices/{voice_id}");
        assertThat(request.getParentSpanContext().isValid()).isFalse();
        assertThat(request.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey("http.response.status_code"))).isEqualTo(404L);
    }
}
