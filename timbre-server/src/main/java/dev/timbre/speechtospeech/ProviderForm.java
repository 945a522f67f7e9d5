package dev.timbre.speechtospeech;

import dev.timbre.http.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The multipart body a request is forwarded with: the upload and the fields the client set. Immutable. */
record ProviderForm(String boundary, byte[] body) {
    static ProviderForm of(SpeechToSpeechRequest r) {
        String boundary = "timbre-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, boundary, "model_id", r.modelId());
        if (r.settings() != null) field(out, boundary, "voice_settings", Json.write(r.settings()));
        if (r.seed() != null) field(out, boundary, "seed", r.seed().toString());
        field(out, boundary, "remove_background_noise", Boolean.toString(r.removeBackgroundNoise()));
        field(out, boundary, "file_format", r.pcm16() ? "pcm_s16le_16" : "other");
        String name = r.filename() == null ? "audio" : r.filename().replaceAll("[\"\\r\\n]", "_");
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"" + name + "\"\r\nContent-Type: "
                + (r.contentType() == null ? "application/octet-stream" : r.contentType().replaceAll("[\\r\\n]", "")) + "\r\n\r\n");
        out.writeBytes(r.audio());
        write(out, "\r\n--" + boundary + "--\r\n");
        return new ProviderForm(boundary, out.toByteArray());
    }

    private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
