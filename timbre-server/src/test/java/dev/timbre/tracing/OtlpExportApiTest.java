package dev.timbre.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.timbre.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A whole server's spans exported by OTLP/HTTP to a collector stand-in (protobuf POSTs to /v1/traces). */
@Tag("integration")
class OtlpExportApiTest {
    @Test
    void a_tts_request_reaches_the_collector_as_protobuf() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        ByteArrayOutputStream bodies = new ByteArrayOutputStream();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", ex -> {
            if ("application/x-protobuf".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
                posts.incrementAndGet();
                byte[] b = ex.getRequestBody().readAllBytes();
                synchronized (bodies) { bodies.writeBytes(b); }
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        collector.start();
        try {
            Tracing tracing = Tracing.start(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort(),
                    "OTEL_SERVICE_NAME", "timbre-node-a"));
            try (tracing; TestServer server = TestServer.start()) {
                var r = server.postJson("/v1/text-to-speech/" + server.firstVoiceId(), Map.of("text", "Exported."));
                assertThat(r.status()).isEqualTo(200);
            } // server closed first, then the tracer flushes its batch
            assertThat(posts.get()).isGreaterThanOrEqualTo(1);
            String text;
            synchronized (bodies) { text = bodies.toString(StandardCharsets.ISO_8859_1); }
            assertThat(text).contains("timbre-node-a").contains("POST /v1/text-to-speech/{voice_id}").contains("speech.synthesize");
        } finally {
            collector.stop(0);
        }
    }
}
