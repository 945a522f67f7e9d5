import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.Timbre;
import dev.timbre.config.TimbreConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Remote TTS provider overhead (issue 14): time to the first audio byte of a fake OpenAI-style speech server called
 * directly ({@code POST /v1/audio/speech}, {@code response_format=pcm}) against the same server reached through Timbre
 * ({@code POST /v1/text-to-speech/{voice_id}/stream?output_format=pcm_24000}, the {@code openai} provider as the main
 * engine, no STT engine so no alignment), and, for scale, Timbre's own floor: the same request to the in-process tone
 * engine ({@code fake}). The fake server answers at once and streams 24 kHz PCM in 50 ms pieces, so
 * the difference is Timbre's own overhead (HTTP in, speech layer, outbound client, HTTP out). Calls alternate
 * direct / through Timbre; one client, sequential. Arguments: [rounds=200] [first-byte delay of the fake in ms=0].
 * Run with bench/remote-tts-latency.sh; prints a Markdown table.
 */
public class RemoteTtsLatency {
    static final String TEXT = "The first move is what sets everything in motion.";
    static final String KEY = "bench-key";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long delayMs = args.length > 1 ? Long.parseLong(args[1]) : 0;
        HttpServer fake = fakeServer(delayMs);
        String fakeUrl = "http://127.0.0.1:" + fake.getAddress().getPort();
        var dir = Files.createTempDirectory("timbre-bench");
        TimbreConfig config = TimbreConfig.defaults().withPort(0).withDataDir(dir).withApiKey(KEY)
                .withEngines(new TimbreConfig.Engines("openai", List.of("fake"), "none", null,
                        dev.timbre.config.RemoteTextToSpeech.none().withUrl(fakeUrl).withVoices(List.of("af_bella"))));
        try (Timbre timbre = Timbre.start(config)) {
            timbre.engines().awaitReady(60_000);
            String voiceId = timbre.services().voices().list().get(0).voiceId();
            String toneVoiceId = timbre.services().voices().list().stream().filter(v -> v.name().startsWith("Tone")).findFirst().orElseThrow().voiceId();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest direct = HttpRequest.newBuilder(URI.create(fakeUrl + "/v1/audio/speech"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"tts-1\",\"voice\":\"af_bella\",\"response_format\":\"pcm\",\"input\":\""
                            + TEXT + "\"}")).build();
            HttpRequest through = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + timbre.port() + "/v1/text-to-speech/"
                            + voiceId + "/stream?output_format=pcm_24000"))
                    .header("Content-Type", "application/json").header("xi-api-key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + TEXT + "\",\"model_id\":\"eleven_flash_v2_5\"}")).build();
            HttpRequest local = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + timbre.port() + "/v1/text-to-speech/"
                            + toneVoiceId + "/stream?output_format=pcm_24000"))
                    .header("Content-Type", "application/json").header("xi-api-key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + TEXT + "\",\"model_id\":\"eleven_flash_v2_5\"}")).build();
            for (int i = 0; i < 20; i++) { ttfb(http, direct); ttfb(http, through); ttfb(http, local); } // warm-up
            List<Double> d = new ArrayList<>(), t = new ArrayList<>(), l = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                d.add(ttfb(http, direct));
                t.add(ttfb(http, through));
                l.add(ttfb(http, local));
            }
            System.out.printf("Remote TTS time to first byte, %d rounds each, fake first-byte delay %d ms, %d CPUs, load average %.2f, %s%n%n",
                    rounds, delayMs, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), java.time.Instant.now());
            System.out.println("| path | p50 ms | p95 ms |");
            System.out.println("|---|---|---|");
            System.out.printf("| fake server directly | %.1f | %.1f |%n", pct(d, 50), pct(d, 95));
            System.out.printf("| through Timbre (`openai` provider) | %.1f | %.1f |%n", pct(t, 50), pct(t, 95));
            System.out.printf("| overhead (through Timbre − directly) | %.1f | %.1f |%n", pct(t, 50) - pct(d, 50), pct(t, 95) - pct(d, 95));
            System.out.printf("| for scale: Timbre with its in-process tone engine (`fake`) | %.1f | %.1f |%n", pct(l, 50), pct(l, 95));
        } finally {
            fake.stop(0);
        }
        System.exit(0);
    }

    /** Milliseconds from sending to the first body byte; the rest of the body is read and dropped. */
    static double ttfb(HttpClient http, HttpRequest request) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) throw new IllegalStateException("status " + r.statusCode() + ": " + new String(in.readAllBytes()));
            if (in.read() < 0) throw new IllegalStateException("empty body");
            double ms = (System.nanoTime() - t0) / 1e6;
            in.transferTo(OutputStream.nullOutputStream());
            return ms;
        }
    }

    static double pct(List<Double> xs, int p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }

    /** {@code POST /v1/audio/speech}: 0.3 s of 24 kHz tone per word, streamed in 50 ms pieces after {@code delayMs}. */
    static HttpServer fakeServer(long delayMs) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", (HttpExchange x) -> {
            try (x) {
                String body = new String(x.getRequestBody().readAllBytes());
                if (!x.getRequestURI().getPath().equals("/v1/audio/speech")) {
                    x.sendResponseHeaders(404, -1);
                    return;
                }
                int words = body.replaceAll(".*\"input\":\"([^\"]*)\".*", "$1").split("\\s+").length;
                if (delayMs > 0) Thread.sleep(delayMs);
                x.getResponseHeaders().add("Content-Type", "audio/pcm");
                x.sendResponseHeaders(200, 0);
                OutputStream out = x.getResponseBody();
                byte[] piece = new byte[2400];
                for (int i = 0; i < 1200; i++) {
                    short v = (short) (8000 * Math.sin(2 * Math.PI * 220 * i / 24000.0));
                    piece[2 * i] = (byte) v;
                    piece[2 * i + 1] = (byte) (v >> 8);
                }
                for (int i = 0; i < words * 6; i++) {
                    out.write(piece);
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        s.setExecutor(Executors.newCachedThreadPool());
        s.start();
        return s;
    }
}
