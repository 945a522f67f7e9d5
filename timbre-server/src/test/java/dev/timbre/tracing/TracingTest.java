package dev.timbre.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.timbre.config.TimbreConfig;
import dev.timbre.outbound.OutboundAllowList;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.outbound.OutboundPolicy;
import dev.timbre.outbound.OutboundRequest;
import dev.timbre.webhooks.WebhookSender;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TracingTest {
    HttpServer peer;
    final List<String> traceparents = new CopyOnWriteArrayList<>();
    final AtomicInteger tracePosts = new AtomicInteger();
    final List<byte[]> traceBodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void peer() throws Exception {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/hook", ex -> {
            traceparents.add(String.valueOf(ex.getRequestHeaders().getFirst("traceparent")));
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        peer.createContext("/v1/traces", ex -> {
            if (ex.getRequestMethod().equals("POST")
                    && "application/x-protobuf".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
                tracePosts.incrementAndGet();
                traceBodies.add(ex.getRequestBody().readAllBytes());
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        peer.start();
    }

    @AfterEach
    void stop() {
        peer.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + peer.getAddress().getPort() + path;
    }

    @Test
    void without_otel_variables_nothing_is_installed_recorded_or_sent() {
        try (Tracing t = Tracing.start(Map.of("PATH", "/bin"))) {
            assertThat(Tracing.enabled()).isFalse();
            Span span = Tracing.span("x", SpanKind.INTERNAL);
            assertThat(span.isRecording()).isFalse();
            span.end();
        }
        try (Tracing t = Tracing.start(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", url(""), "OTEL_TRACES_EXPORTER", "none"))) {
            assertThat(Tracing.enabled()).isFalse();
            Tracing.span("x", SpanKind.INTERNAL).end();
        }
        assertThat(tracePosts).hasValue(0);
    }

    @Test
    void unsupported_exporters_are_refused_at_start() {
        assertThatThrownBy(() -> Tracing.start(Map.of("OTEL_TRACES_EXPORTER", "zipkin"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tracing.start(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", url(""), "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otlp_http_exports_protobuf_posts_to_v1_traces() {
        Tracing t = Tracing.start(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", url("/"), "OTEL_SERVICE_NAME", "timbre-otlp-test"));
        try (t) {
            assertThat(Tracing.enabled()).isTrue();
            for (int i = 0; i < 3; i++) Tracing.span("work-" + i, SpanKind.INTERNAL).end();
        } // close flushes the batch
        assertThat(Tracing.enabled()).isFalse();
        assertThat(tracePosts.get()).isGreaterThanOrEqualTo(1);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        traceBodies.forEach(all::writeBytes);
        String text = all.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).contains("timbre-otlp-test").contains("work-0").contains("work-2");
    }

    @Test
    void engines_own_http_clients_carry_traceparent_through_the_core_hook() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        var transport = dev.timbre.engine.HttpTransport.of(java.net.http.HttpClient.newHttpClient());
        var request = java.net.http.HttpRequest.newBuilder(URI.create(url("/hook"))).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        try (Tracing t = Tracing.exportingTo(spans)) {
            Span parent = Tracing.span("llm-turn", SpanKind.INTERNAL);
            try (Scope s = parent.makeCurrent()) {
                transport.send(request, null).body().close();
            } finally {
                parent.end();
            }
            SpanData client = spans.getFinishedSpanItems().stream().filter(d -> d.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
            assertThat(client.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
            assertThat(traceparents).singleElement().asString().startsWith("00-" + client.getTraceId() + "-" + client.getSpanId() + "-");
        }
        transport.send(request, null).body().close(); // off again: sent unchanged
        assertThat(traceparents).hasSize(2).last().isEqualTo("null");
    }

    @Test
    void outbound_http_and_webhooks_carry_traceparent_as_client_spans() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (Tracing t = Tracing.exportingTo(spans);
             OutboundHttp outbound = new OutboundHttp(new OutboundPolicy(OutboundAllowList.parse("127.0.0.0/8")))) {
            Span parent = Tracing.span("turn", SpanKind.INTERNAL);
            try (Scope s = parent.makeCurrent()) {
                outbound.fetch(OutboundRequest.get(URI.create(url("/hook")), Duration.ofSeconds(5)), 1000);
                assertThat(new WebhookSender(Clock.systemUTC(), Duration.ofSeconds(5))
                        .send(new TimbreConfig.Webhook(url("/hook"), null, "w1"), "{}")).isNull();
            } finally {
                parent.end();
            }
            String traceId = parent.getSpanContext().getTraceId();
            assertThat(traceparents).hasSize(2).allSatisfy(tp -> assertThat(tp).startsWith("00-" + traceId + "-"));
            List<SpanData> clients = spans.getFinishedSpanItems().stream().filter(d -> d.getKind() == SpanKind.CLIENT).toList();
            assertThat(clients).hasSize(2).allSatisfy(d -> {
                assertThat(d.getTraceId()).isEqualTo(traceId);
                assertThat(d.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
                assertThat(traceparents).anySatisfy(tp -> assertThat(tp).contains(d.getSpanId()));
            });
        }
    }
}
