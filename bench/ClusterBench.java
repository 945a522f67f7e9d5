import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scale-out figures on this machine: TTS requests and text conversations per second on one node vs two nodes (separate
 * JVMs on one PostgreSQL database and one S3-compatible store, requests alternating between them), and the time to
 * first byte of history audio from the file store vs the S3 store (S3Proxy). Engines: MaryTTS and the rule LLM.
 * Args: ROOT. Needs PostgreSQL at 127.0.0.1:5432 (trust) and timbre-server/target/s3proxy/s3proxy.jar (mvn test-compile).
 */
public class ClusterBench {
    static final String KEY = "cluster-bench-key";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final int REQUESTS = 48, CONCURRENCY = 4;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]), tmp = Files.createTempDirectory("cluster-bench");
        List<Process> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(Process::destroyForcibly)));
        int s3port = freePort();
        Files.writeString(tmp.resolve("s3.conf"), "s3proxy.endpoint=http://127.0.0.1:" + s3port + "\ns3proxy.authorization=aws-v2-or-v4\n"
                + "s3proxy.identity=bench\ns3proxy.credential=bench-secret\njclouds.provider=transient\njclouds.identity=x\njclouds.credential=x\n");
        started.add(new ProcessBuilder(java(), "-Xmx256m", "-jar", root.resolve("timbre-server/target/s3proxy/s3proxy.jar").toString(),
                "--properties", tmp.resolve("s3.conf").toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("s3.log").toFile()).start());
        String db = "bench_" + Long.toHexString(System.nanoTime());
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null)) {
            c.createStatement().execute("CREATE DATABASE " + db);
        }
        Map<String, String> env = new HashMap<>(Map.of("TIMBRE_API_KEY", KEY, "TIMBRE_SIP_PORT", "off", "TIMBRE_EXTRA_TTS_ENGINES", "none",
                "TIMBRE_SECRET_KEY", "YmVuY2gtYmVuY2gtYmVuY2gtYmVuY2gtYmVuY2ghISE=", "OPT_OUT_TRACKING", "true",
                "TIMBRE_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + db, "TIMBRE_DATABASE_USER", "postgres"));
        Map<String, String> s3 = Map.of("TIMBRE_BLOB_STORE", "s3", "TIMBRE_S3_ENDPOINT", "http://127.0.0.1:" + s3port, "TIMBRE_S3_BUCKET", "bench",
                "TIMBRE_S3_ACCESS_KEY", "bench", "TIMBRE_S3_SECRET_KEY", "bench-secret", "TIMBRE_S3_PATH_STYLE", "true");
        Map<String, String> clusterEnv = new HashMap<>(env);
        clusterEnv.putAll(s3);

        int a = start(root, tmp.resolve("a"), clusterEnv, started), b = start(root, tmp.resolve("b"), clusterEnv, started);
        String voice = firstVoice(a), agent = agent(a);
        warm(a, voice, agent);
        warm(b, voice, agent);
        System.out.println("| workload | 1 node (req/s) | 2 nodes (req/s) |");
        System.out.println("|---|---|---|");
        System.out.printf("| TTS, %d requests, %d at once | %.2f | %.2f |%n", REQUESTS, CONCURRENCY,
                rate(List.of(a), p -> tts(p, voice)), rate(List.of(a, b), p -> tts(p, voice)));
        System.out.printf("| text conversations (connect, one exchange, close), %d, %d at once | %.2f | %.2f |%n", REQUESTS, CONCURRENCY,
                rate(List.of(a), p -> conversation(p, agent)), rate(List.of(a, b), p -> conversation(p, agent)));

        int f = start(root, tmp.resolve("f"), Map.of("TIMBRE_API_KEY", KEY, "TIMBRE_SIP_PORT", "off", "TIMBRE_EXTRA_TTS_ENGINES", "none",
                "OPT_OUT_TRACKING", "true"), started);
        System.out.println();
        System.out.println("| history audio, time to first byte (50 requests) | p50 | p95 |");
        System.out.println("|---|---|---|");
        for (var store : List.of(Map.entry("file store", f), Map.entry("S3 store (S3Proxy)", a))) {
            String item = HTTP.send(post(store.getValue(), "/v1/text-to-speech/" + firstVoice(store.getValue()),
                    "{\"text\":\"The history audio of this benchmark, about four seconds long when spoken.\"}"),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("history-item-id").orElseThrow();
            List<Double> ttfb = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                long t0 = System.nanoTime();
                var r = HTTP.send(get(store.getValue(), "/v1/history/" + item + "/audio"), HttpResponse.BodyHandlers.ofInputStream());
                try (var in = r.body()) {
                    in.read();
                    if (i >= 10) ttfb.add((System.nanoTime() - t0) / 1e6);
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            Collections.sort(ttfb);
            System.out.printf("| %s | %.1f ms | %.1f ms |%n", store.getKey(), ttfb.get(ttfb.size() / 2), ttfb.get((int) (ttfb.size() * 0.95)));
        }
        started.forEach(Process::destroy);
    }

    interface Call { void run(int port) throws Exception; }

    static double rate(List<Integer> nodes, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) all.add(pool.submit(() -> { call.run(nodes.get(next.getAndIncrement() % nodes.size())); return null; }));
        for (Future<?> x : all) x.get(10, TimeUnit.MINUTES);
        pool.shutdown();
        return REQUESTS / ((System.nanoTime() - t0) / 1e9);
    }

    static void tts(int port, String voice) throws Exception {
        var r = HTTP.send(post(port, "/v1/text-to-speech/" + voice + "?output_format=mp3_44100_128",
                "{\"text\":\"Scaling out means more nodes share the same work and the same state.\"}"), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IllegalStateException("tts " + r.statusCode());
    }

    static void conversation(int port, String agent) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        StringBuilder buf = new StringBuilder();
        WebSocket ws = HTTP.newWebSocketBuilder().header("xi-api-key", KEY).buildAsync(URI.create("ws://127.0.0.1:" + port
                + "/v1/convai/conversation?agent_id=" + agent), new WebSocket.Listener() {
            int responses;
            @Override public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                buf.append(data);
                if (last) {
                    String m = buf.toString();
                    buf.setLength(0);
                    if (m.contains("\"agent_response\"") && ++responses == 2) done.complete(null);
                }
                w.request(1);
                return null;
            }
        }).join();
        ws.sendText("{\"type\":\"conversation_initiation_client_data\",\"conversation_config_override\":{\"conversation\":{\"text_only\":true}}}", true).join();
        ws.sendText("{\"type\":\"user_message\",\"text\":\"What are your opening hours?\"}", true).join();
        done.get(60, TimeUnit.SECONDS);
        ws.sendClose(1000, "done").join();
    }

    static void warm(int port, String voice, String agent) throws Exception {
        for (int i = 0; i < 3; i++) { tts(port, voice); conversation(port, agent); }
    }

    static String agent(int port) throws Exception {
        String body = "{\"name\":\"Bench\",\"conversation_config\":{\"agent\":{\"first_message\":\"Hello, how can I help?\","
                + "\"prompt\":{\"prompt\":\"When the user says opening hours, reply We are open nine to five.\"}},"
                + "\"conversation\":{\"text_only\":true}}}";
        String json = HTTP.send(post(port, "/v1/convai/agents/create", body), HttpResponse.BodyHandlers.ofString()).body();
        return json.replaceAll(".*\"agent_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    static String firstVoice(int port) throws Exception {
        String json = HTTP.send(get(port, "/v1/voices"), HttpResponse.BodyHandlers.ofString()).body();
        return json.replaceAll("(?s).*?\"voice_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("xi-api-key", KEY).build();
    }

    static HttpRequest post(int port, String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("xi-api-key", KEY)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static int start(Path root, Path data, Map<String, String> env, List<Process> started) throws Exception {
        int port = freePort();
        String jar = Files.list(root.resolve("timbre-server/target")).map(Path::toString)
                .filter(p -> p.matches(".*timbre-server-[^/]*\\.jar") && !p.endsWith("-tests.jar")).findFirst().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(java(), "-XX:+UseZGC", "-Dai.djl.offline=true", "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-cp", jar + ":" + root.resolve("timbre-server/target/lib") + "/*", "dev.timbre.Main", "serve", "--port", String.valueOf(port),
                "--data", data.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("TIMBRE_"));
        env.forEach((k, v) -> { if (!v.isEmpty()) pb.environment().put(k, v); });
        Process p = pb.redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile()).start();
        started.add(p);
        for (int i = 0; i < 600; i++) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return port;
            } catch (java.io.IOException notYet) { /* starting */ }
            if (!p.isAlive()) throw new IllegalStateException("node exited; see " + data + ".log");
            Thread.sleep(200);
        }
        throw new IllegalStateException("node not ready in 120 s");
    }

    static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); }
    }
}
