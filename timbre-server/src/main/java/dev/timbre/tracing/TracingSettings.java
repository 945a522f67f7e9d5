package dev.timbre.tracing;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The standard OpenTelemetry variables Timbre reads. Traces are exported when {@code OTEL_TRACES_EXPORTER=otlp}, or
 * when it is unset and {@code OTEL_EXPORTER_OTLP_ENDPOINT} / {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} is set;
 * {@code none} (or nothing set) turns tracing off. Only OTLP over HTTP with protobuf is spoken
 * ({@code OTEL_EXPORTER_OTLP_PROTOCOL} {@code http/protobuf}, the default; {@code grpc} is refused at start).
 * {@code OTEL_SERVICE_NAME} defaults to {@code timbre}; {@code OTEL_EXPORTER_OTLP_HEADERS} ({@code k=v,k=v}) and
 * {@code OTEL_EXPORTER_OTLP_TIMEOUT} (ms) are honoured.
 */
record TracingSettings(String serviceName, SpanExporter exporter) {
    static final String DEFAULT_ENDPOINT = "http://localhost:4318";

    /** The settings, or null when tracing is off. @throws IllegalArgumentException for an unsupported value */
    static TracingSettings fromEnv(Map<String, String> env) {
        String base = blank(env.get("OTEL_EXPORTER_OTLP_ENDPOINT"));
        String traces = blank(env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
        String kind = blank(env.get("OTEL_TRACES_EXPORTER"));
        kind = kind == null ? (base != null || traces != null ? "otlp" : "none") : kind.toLowerCase(Locale.ROOT);
        if (kind.equals("none")) return null;
        if (!kind.equals("otlp")) {
            throw new IllegalArgumentException("OTEL_TRACES_EXPORTER=" + kind + " is not supported (otlp or none)");
        }
        String protocol = blank(env.getOrDefault("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", env.get("OTEL_EXPORTER_OTLP_PROTOCOL")));
        if (protocol != null && !protocol.equals("http/protobuf")) {
            throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_PROTOCOL=" + protocol + " is not supported (http/protobuf)");
        }
        String endpoint = traces != null ? traces : strip(base == null ? DEFAULT_ENDPOINT : base) + "/v1/traces";
        OtlpHttpSpanExporterBuilder b = OtlpHttpSpanExporter.builder().setEndpoint(endpoint);
        String headers = blank(env.get("OTEL_EXPORTER_OTLP_HEADERS"));
        if (headers != null) {
            for (String pair : headers.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) b.addHeader(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        String timeout = blank(env.get("OTEL_EXPORTER_OTLP_TIMEOUT"));
        if (timeout != null) b.setTimeout(Duration.ofMillis(Long.parseLong(timeout)));
        String service = blank(env.get("OTEL_SERVICE_NAME"));
        return new TracingSettings(service == null ? "timbre" : service, b.build());
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
