package dev.timbre.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code multipart/form-data} request: text fields and uploaded files, read fully into memory. A request
 * that is not multipart or cannot be parsed is a 400; one whose files together exceed {@code maxBytes} is a 413.
 */
public final class MultipartForm {
    /** One uploaded file part. */
    public record File(String field, String filename, String contentType, byte[] data) {}

    private final Map<String, List<String>> fields;
    private final List<File> files;

    private MultipartForm(Map<String, List<String>> fields, List<File> files) {
        this.fields = fields;
        this.files = files;
    }

    public static MultipartForm read(Context ctx, long maxBytes) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            throw ApiException.badRequest("invalid_content_type", "Expected a multipart/form-data body, got " + (type == null ? "none" : type));
        }
        Map<String, List<String>> fields;
        Map<String, List<UploadedFile>> uploads;
        try {
            fields = ctx.formParamMap();
            uploads = ctx.uploadedFileMap();
        } catch (Exception e) {
            throw tooLarge(e) ? ApiException.tooLarge("Upload exceeds the limit of " + maxBytes + " bytes")
                    : ApiException.badRequest("invalid_multipart", "Malformed multipart/form-data body");
        }
        List<File> files = new ArrayList<>();
        long total = 0;
        for (var entry : uploads.entrySet()) {
            for (UploadedFile u : entry.getValue()) {
                total += Math.max(0, u.size());
                if (total > maxBytes) throw ApiException.tooLarge("Upload exceeds the limit of " + maxBytes + " bytes");
                try (InputStream in = u.content()) {
                    files.add(new File(entry.getKey(), u.filename(), u.contentType(), in.readAllBytes()));
                } catch (IOException e) {
                    throw ApiException.badRequest("invalid_multipart", "Could not read the uploaded file '" + u.filename() + "'");
                }
            }
        }
        return new MultipartForm(fields, List.copyOf(files));
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase();
            if (m.contains("exceed") || m.contains("too large") || m.contains("413")) return true;
        }
        return false;
    }

    /** The first non-empty value of a text field. */
    public Optional<String> field(String name) {
        return fields.getOrDefault(name, List.of()).stream().filter(s -> !s.isEmpty()).findFirst();
    }

    /** Every non-empty value of the text fields {@code names} (e.g. {@code tags} and {@code tags[]}), in that order. */
    public List<String> values(String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) fields.getOrDefault(n, List.of()).stream().filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    /** A required text field; missing or empty is a 422 at {@code ["body", name]}. */
    public String required(String name) {
        return field(name).orElseThrow(() -> ApiException.invalid("Field required", "missing", "body", name));
    }

    /** The first file sent under {@code name}; none is a 422 at {@code ["body", name]}. */
    public File requiredFile(String name) {
        return files(name).stream().findFirst().orElseThrow(() -> ApiException.invalid("Field required", "missing", "body", name));
    }

    public boolean bool(String name, boolean dflt) {
        return field(name).map(v -> Params.parseBool(v, "body", name)).orElse(dflt);
    }

    /** Files sent under any of {@code names} (e.g. {@code files} and {@code files[]}), each field's files in request order. */
    public List<File> files(String... names) {
        List<String> wanted = List.of(names);
        return files.stream().filter(f -> wanted.contains(f.field())).toList();
    }
}
