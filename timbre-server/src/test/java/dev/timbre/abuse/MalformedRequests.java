package dev.timbre.abuse;

import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds one malformed request for a route: a kind of abuse (bad ids, broken or deeply nested JSON, wrong field
 * types, corrupt multipart audio, bad query values, weird headers, oversized bodies) applied to the route's path,
 * query and body as the OpenAPI document describes them. Deterministic for a given {@link Random}. Not thread-safe
 * (one per generating thread).
 */
final class MalformedRequests {
    /** One request to send and what it abuses (for the status table). */
    record Probe(String route, String kind, HttpRequest request) {}

    static final List<String> KINDS = List.of("ids", "broken-json", "nested-json", "wrong-types", "oversized", "multipart",
            "audio", "query", "headers", "content-type", "top-level");

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final List<String> BAD_IDS = List.of("x", "0", "-1", "%00", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "null", "undefined",
            "%F0%9F%92%A5", "%E2%80%AE", "'%20OR%201=1--", "%25s%25n", "a%20b", "9223372036854775808", "%C0%AF");
    private static final List<String> BAD_VALUES = List.of("", "abc", "-1", "0", "1e309", "NaN", "true", "null", "[]", "{}",
            "99999999999999999999", "-0.0", "%00", "%FF%FE", "mp3_44100_999999", "pcm_-1", "../../x", "2147483648");
    private static final List<String> BAD_CONTENT_TYPES = List.of("text/plain", "application/xml", "application/json; charset=utf-7",
            "multipart/form-data", "multipart/form-data; boundary=", "application/x-www-form-urlencoded", "audio/wav", "*/*", "application/json;;;=x");

    private final String base;
    private final Map<String, String> knownIds;
    private final Random random;
    private final Map<String, SpecOperation> specs = new ConcurrentHashMap<>();

    MalformedRequests(String base, Map<String, String> knownIds, Random random) {
        this.base = base;
        this.knownIds = knownIds;
        this.random = random;
    }

    /** {@code route} is {@code "METHOD /path/{param}"}; {@code kind} one of {@link #KINDS}. */
    Probe probe(String route, String kind) {
        String method = route.substring(0, route.indexOf(' ')), template = route.substring(route.indexOf(' ') + 1);
        SpecOperation op = specs.computeIfAbsent(route, r -> SpecOperation.of(method, template));
        String path = fillPath(template, kind.equals("ids"));
        String query = kind.equals("query") ? badQuery(op) : "";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + query)).timeout(Duration.ofSeconds(20));
        if (!kind.equals("headers") || random.nextInt(3) > 0) b.header("xi-api-key", TestServer.KEY);
        Body body = switch (kind) {
            case "broken-json" -> new Body("application/json", JsonAbuse.broken(random, op));
            case "nested-json" -> new Body("application/json", JsonAbuse.nested(random));
            case "wrong-types" -> new Body("application/json", JsonAbuse.wrongTypes(random, op));
            case "oversized" -> new Body("application/json", JsonAbuse.oversized(random, op));
            case "multipart" -> multipart(op, false);
            case "audio" -> multipart(op, true);
            case "content-type" -> new Body(pick(BAD_CONTENT_TYPES), JsonAbuse.wrongTypes(random, op));
            case "top-level" -> new Body("application/json", pick(List.of("null", "[]", "\"\"", "0", "true", "{}", "[{}]", "\"\\ud800\"")).getBytes(StandardCharsets.UTF_8));
            default -> op.bodyType() == null ? null : new Body("application/json", "{}".getBytes(StandardCharsets.UTF_8));
        };
        if (kind.equals("headers")) weirdHeaders(b);
        if (body != null && !body.contentType().isEmpty()) b.header("Content-Type", body.contentType());
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes());
        b.method(method, method.equals("GET") && body == null ? HttpRequest.BodyPublishers.noBody() : publisher);
        return new Probe(route, kind, b.build());
    }

    private record Body(String contentType, byte[] bytes) {}

    private String fillPath(String template, boolean bad) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String known = knownIds.get(m.group(1));
            String id = !bad && known != null && random.nextBoolean() ? known : badId();
            m.appendReplacement(out, Matcher.quoteReplacement(id));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String badId() {
        return switch (random.nextInt(4)) {
            case 0 -> "a".repeat(1 + random.nextInt(3000));
            case 1 -> Long.toString(random.nextLong(), 36);
            default -> pick(BAD_IDS);
        };
    }

    private String badQuery(SpecOperation op) {
        List<String> names = op.queryParams().isEmpty() ? List.of("page_size", "output_format", "cursor") : op.queryParams();
        StringBuilder q = new StringBuilder("?");
        int n = 1 + random.nextInt(Math.min(4, names.size()) + 1);
        for (int i = 0; i < n; i++) {
            String value = random.nextInt(6) == 0 ? "9".repeat(1 + random.nextInt(2000)) : pick(BAD_VALUES);
            q.append(pick(names)).append('=').append(value.contains("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
        if (random.nextBoolean()) q.append("page_size=").append(pick(List.of("-5", "0", "1001", "x")));
        return q.toString();
    }

    private Body multipart(SpecOperation op, boolean audio) {
        Multipart form = new Multipart();
        for (Map.Entry<String, String> f : op.bodyFields().entrySet()) {
            if (random.nextInt(3) == 0) continue;
            if (audio || f.getValue().equals("string") && f.getKey().contains("file")) {
                CorruptAudio.File file = CorruptAudio.pick(random);
                form.file(f.getKey(), file.name(), random.nextInt(4) == 0 ? pick(CorruptAudio.CONTENT_TYPES) : file.contentType(), file.bytes());
            } else {
                form.field(f.getKey(), random.nextBoolean() ? pick(BAD_VALUES) : new String(JsonAbuse.wrongTypes(random, op), StandardCharsets.UTF_8));
            }
        }
        if (audio || op.bodyFields().isEmpty()) {
            CorruptAudio.File file = CorruptAudio.pick(random);
            form.file(pick(List.of("file", "audio", "files", "audio_file", "files[]")), file.name(), file.contentType(), file.bytes());
        }
        byte[] bytes = form.bytes();
        if (!audio && random.nextInt(3) == 0) bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)); // no closing boundary
        String type = random.nextInt(5) == 0 ? "multipart/form-data; boundary=wrong" : form.contentType();
        return new Body(type, bytes);
    }

    private void weirdHeaders(HttpRequest.Builder b) {
        switch (random.nextInt(7)) {
            case 0 -> b.header("xi-api-key", "x".repeat(random.nextInt(6000)));
            case 1 -> b.header("Authorization", pick(List.of("Bearer", "Bearer ", "Basic %%%", "Bearer " + "z".repeat(4000))));
            case 2 -> b.header("Accept", pick(List.of("application/xml", "*/*;q=abc", "", "text/event-stream")));
            case 3 -> b.header("Range", pick(List.of("bytes=-1", "bytes=999999999-", "bytes=a-b", "bytes=0-0,0-0,0-0")));
            case 4 -> b.header("X-Forwarded-For", "999.1.1.1, ::ffff:garbage");
            case 5 -> b.header("Accept-Encoding", "gzip;q=2, br, zstd, " + "x".repeat(1000));
            default -> b.header("xi-api-key", "%00\\\"';");
        }
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
