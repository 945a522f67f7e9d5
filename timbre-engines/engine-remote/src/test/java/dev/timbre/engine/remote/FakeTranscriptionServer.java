package dev.timbre.engine.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenAI-compatible {@code POST /v1/audio/transcriptions} on a random local port for tests: records each request
 * (headers and multipart parts) and answers with the configured status, body and delay.
 */
public final class FakeTranscriptionServer implements AutoCloseable {
    /** One multipart part: its content and, for files, the file name and content type. */
    public record Part(byte[] content, String filename, String contentType) {
        public String text() { return new String(content, StandardCharsets.UTF_8); }
    }

    /** One request as the server saw it. */
    public record Request(String method, String path, String authorization, String contentType, Map<String, Part> parts) {}

    private final HttpServer server;
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile long delayMs;

    public FakeTranscriptionServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-transcription-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    public FakeTranscriptionServer answer(int status, String body) {
        this.status = status;
        this.body = body;
        return this;
    }

    public FakeTranscriptionServer delay(long ms) {
        this.delayMs = ms;
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] in = ex.getRequestBody().readAllBytes();
        String ct = ex.getRequestHeaders().getFirst("Content-Type");
        requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                ex.getRequestHeaders().getFirst("Authorization"), ct, parse(ct, in)));
        try {
            if (delayMs > 0) Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        try {
            ex.sendResponseHeaders(status, out.length);
            try (OutputStream o = ex.getResponseBody()) { o.write(out); }
        } catch (IOException ignored) {
            // the client gave up (timeout test)
        }
    }

    /** The parts of a multipart/form-data body by name (empty when the body is not multipart). */
    static Map<String, Part> parse(String contentType, byte[] body) {
        Map<String, Part> parts = new LinkedHashMap<>();
        if (contentType == null || !contentType.startsWith("multipart/form-data")) return parts;
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') break;
            start += 2; // CRLF
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            int next = indexOf(body, delimiter, headersEnd + 4);
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next - 2);
            String name = attribute(headers, "name"), filename = attribute(headers, "filename"), type = null;
            for (String h : headers.split("\r\n")) {
                if (h.toLowerCase().startsWith("content-type:")) type = h.substring(13).strip();
            }
            parts.put(name, new Part(content, filename, type));
            pos = next;
        }
        return parts;
    }

    private static String attribute(String headers, String name) {
        String key = " " + name + "=\"";
        int i = headers.indexOf(key);
        if (i < 0) key = ";" + name + "=\"";
        i = headers.indexOf(key);
        if (i < 0) return null;
        int end = headers.indexOf('"', i + key.length());
        return headers.substring(i + key.length(), end);
    }

    private static int indexOf(byte[] a, byte[] b, int from) {
        outer:
        for (int i = from; i <= a.length - b.length; i++) {
            for (int j = 0; j < b.length; j++) if (a[i + j] != b[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
