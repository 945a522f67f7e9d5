package dev.timbre.similarvoices;

import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.ApiException;
import dev.timbre.http.MultipartForm;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;

/** {@code POST /v1/similar-voices} (multipart: {@code audio_file}, {@code similarity_threshold} 0..2, {@code top_k} 1..100). */
public final class SimilarVoicesRoutes implements EndpointGroup {
    private final SimilarVoicesService service;
    private final long maxUploadBytes;

    public SimilarVoicesRoutes(SimilarVoicesService service, long maxUploadBytes) {
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void addEndpoints() {
        post(ctx -> {
            MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
            MultipartForm.File audio = form.requiredFile("audio_file");
            Double threshold = form.field("similarity_threshold").map(v -> number(v, 0, 2, "similarity_threshold")).orElse(null);
            Integer topK = form.field("top_k").map(v -> (int) integer(v)).orElse(null);
            String base = baseUrl(ctx);
            List<LibraryVoice> voices = service.similar(audio.data(), threshold, topK).stream()
                    .map(s -> LibraryVoice.of(s.voice().withBaseUrl(base))).toList();
            ctx.json(new LibraryVoice.Page(voices, false, null));
        });
    }

    private static double number(String v, double min, double max, String name) {
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("Input should be a valid number", "float_parsing", "body", name);
        }
        if (!(d >= min && d <= max)) {
            throw ApiException.invalid("Input should be between " + min + " and " + max, "value_error", "body", name);
        }
        return d;
    }

    private static long integer(String v) {
        try {
            long k = Long.parseLong(v.trim());
            if (k >= 1 && k <= 100) return k;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("Input should be a valid integer", "int_parsing", "body", "top_k");
        }
        throw ApiException.invalid("Input should be between 1 and 100", "value_error", "body", "top_k");
    }

    private static String baseUrl(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        return (proto != null && proto.matches("https?") ? proto : ctx.scheme()) + "://" + ctx.host();
    }
}
