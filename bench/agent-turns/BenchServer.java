import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Timbre server in its own JVM, started as {@code ./timbre serve} starts it (same java, same class path as this
 * benchmark), on a fresh data dir and a free port, with extra environment (the LLM settings). Its log goes to
 * {@code <data>/server.log}. {@link #liveHeapBytes} reads the live heap through {@code jcmd GC.class_histogram}
 * (which runs a full GC first). {@link #close} stops the process and waits for it.
 */
final class BenchServer implements AutoCloseable {
    static final String KEY = "bench-key";

    final Process process;
    final int port;
    final Path data;
    private final HttpClient http = HttpClient.newHttpClient();

    BenchServer(Map<String, String> env) throws IOException, InterruptedException {
        data = Files.createTempDirectory("timbre-agent-bench");
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseZGC", "-XX:ThreadPriorityPolicy=1", "-Dai.djl.offline=true", // as ./timbre serve runs it (JDK 23+, root)
                "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.timbre.Main", "serve",
                "--port", String.valueOf(port), "--data", data.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile());
        pb.environment().put("TIMBRE_API_KEY", KEY);
        pb.environment().putAll(env);
        process = pb.start();
        awaitHealthy();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("server exited; see " + data.resolve("server.log"));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("server not healthy in 120 s; see " + data.resolve("server.log"));
    }

    /** POST a JSON body with the bench key; returns the response body, or throws on a non-2xx status. */
    String post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("xi-api-key", KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
        return r.body();
    }

    /** GET with the bench key; returns the response body, or throws on a non-2xx status. */
    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("xi-api-key", KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
        return r.body();
    }

    /** POST a JSON body with the bench key; returns the binary response (audio), or throws on a non-2xx status. */
    byte[] postForBytes(String path, String json) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("xi-api-key", KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() / 100 != 2) throw new IllegalStateException(path + " → " + r.statusCode() + " " + new String(r.body()));
        return r.body();
    }

    /** Bytes of live objects in the server's heap, after the full GC that the class histogram runs. */
    long liveHeapBytes() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher m = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)").matcher(out);
        if (!m.find()) throw new IllegalStateException("no Total line from jcmd: " + out.lines().limit(5).toList());
        return Long.parseLong(m.group(2));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
