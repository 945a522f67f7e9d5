import dev.timbre.Timbre;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.WordTiming;
import dev.timbre.audio.OutputFormat;
import dev.timbre.audio.PcmFormat;
import dev.timbre.speech.SpeechChunk;
import dev.timbre.speech.SpeechRun;
import dev.timbre.speech.SpeechScript;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.texttospeech.normalize.NormalizedText;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Text-to-speech latency benchmark (issue 4). Run with bench/tts-latency.sh. Measures, in one process:
 * the bare MaryTTS engine's time to its first audio chunk; the server's time to first audio byte on
 * POST /v1/text-to-speech/{voice_id}/stream for pcm_16000 and mp3_44100_128 at 1, 4, 16 and 32 concurrent streams
 * (p50, p95 over all requests); the same through the speech layer alone ({@code SpeechSynthesizer}, no HTTP), which
 * splits the server's overhead into synthesis scheduling and the HTTP path; and the real-time factor of a whole
 * synthesis. At each level the rounds alternate between the bare engine, the speech layer and the server in each
 * format, so that all see the same load from other processes.
 * Prints a Markdown report with each server p95 over the bare engine's p95 at the same level.
 * Arguments: [rounds per concurrency level] [formats, comma-separated] [concurrency levels, comma-separated].
 */
public class TtsLatency {
    static final String SENTENCE = "The first move is what sets everything in motion.";
    static final String KEY = "bench-key";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        String[] formats = args.length > 1 ? args[1].split(",") : new String[] {"pcm_16000", "mp3_44100_128"};
        int[] concurrency = args.length > 2 ? java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 4, 16, 32};
        var dir = Files.createTempDirectory("timbre-bench");
        TimbreConfig config = TimbreConfig.defaults().withPort(0).withDataDir(dir).withApiKey(KEY)
                .withEngines(new TimbreConfig.Engines("marytts"));
        try (Timbre timbre = Timbre.start(config)) {
            timbre.engines().awaitReady(120_000);
            TextToSpeech engine = timbre.engines().textToSpeech().get("marytts");
            String engineVoice = engine.voices().get(0).id();
            String voiceId = timbre.services().voices().list().get(0).voiceId();
            String base = "http://127.0.0.1:" + timbre.port();
            HttpClient http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();

            for (int i = 0; i < 5; i++) firstChunkSeconds(engine, engineVoice); // warm-up
            for (int i = 0; i < 5; i++) ttfb(http, base, voiceId, "pcm_16000"); // warm-up
            List<Double> bare = new ArrayList<>();
            for (int i = 0; i < rounds * 4; i++) bare.add(firstChunkSeconds(engine, engineVoice));
            System.out.println("## Text to speech latency (" + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " CPUs, load average " + String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + ")\n");
            System.out.printf("Bare engine, time to first chunk (%d runs): p50 %.1f ms, p95 %.1f ms%n%n", bare.size(), pct(bare, 50), pct(bare, 95));
            System.out.printf("Real-time factor (whole text, 3 sentences): %.3f%n%n", rtf(engine, engineVoice));

            // Per level, the rounds alternate: bare engine, then the server in each format. Load from other processes
            // then weighs on the engine and the server alike, and each server figure has its reference next to it.
            List<List<Double>> bareByLevel = new ArrayList<>();
            List<List<List<Double>>> serverByLevel = new ArrayList<>();
            List<List<List<Double>>> layerByLevel = new ArrayList<>();
            for (String format : formats) layer(timbre.services().speech(), engine, engineVoice, format); // warm-up
            for (int streams : concurrency) {
                List<Double> b = new ArrayList<>();
                List<List<Double>> byFormat = new ArrayList<>();
                List<List<Double>> layerByFormat = new ArrayList<>();
                for (String format : formats) {
                    byFormat.add(new ArrayList<>());
                    layerByFormat.add(new ArrayList<>());
                }
                for (int round = 0; round < Math.max(rounds, 2); round++) {
                    b.addAll(together(streams, () -> firstChunkSeconds(engine, engineVoice)));
                    for (int f = 0; f < formats.length; f++) {
                        String format = formats[f];
                        layerByFormat.get(f).addAll(together(streams, () -> layer(timbre.services().speech(), engine, engineVoice, format)));
                        byFormat.get(f).addAll(together(streams, () -> ttfb(http, base, voiceId, format)));
                    }
                }
                bareByLevel.add(b);
                serverByLevel.add(byFormat);
                layerByLevel.add(layerByFormat);
            }
            System.out.println("| bare engine | concurrent streams | runs | first chunk p50 (ms) | first chunk p95 (ms) |");
            System.out.println("|---|---|---|---|---|");
            for (int l = 0; l < concurrency.length; l++) {
                List<Double> t = bareByLevel.get(l);
                System.out.printf("| MaryTTS | %d | %d | %.1f | %.1f |%n", concurrency[l], t.size(), pct(t, 50), pct(t, 95));
            }
            System.out.println();
            printAgainstBare("| speech layer, no HTTP | concurrent streams | runs | first chunk p50 (ms) | first chunk p95 (ms) | p95 / bare p95 |",
                    formats, concurrency, layerByLevel, bareByLevel);
            System.out.println();
            printAgainstBare("| server /stream format | concurrent streams | requests | TTFB p50 (ms) | TTFB p95 (ms) | p95 / bare p95 |",
                    formats, concurrency, serverByLevel, bareByLevel);
        }
        System.exit(0);
    }

    /** A Markdown table: per format and level, p50 and p95 of {@code byLevel} and its p95 over the bare engine's. */
    static void printAgainstBare(String header, String[] formats, int[] levels, List<List<List<Double>>> byLevel, List<List<Double>> bare) {
        System.out.println(header);
        System.out.println("|---|---|---|---|---|---|");
        for (int f = 0; f < formats.length; f++) {
            for (int l = 0; l < levels.length; l++) {
                List<Double> t = byLevel.get(l).get(f);
                System.out.printf("| %s | %d | %d | %.1f | %.1f | %.2f |%n", formats[f], levels[l], t.size(), pct(t, 50), pct(t, 95),
                        pct(t, 95) / pct(bare.get(l), 95));
            }
        }
    }

    /** Milliseconds from opening a stream to its first audio callback; the rest of the audio is produced too. */
    static double firstChunkSeconds(TextToSpeech engine, String voice) throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        long t0 = System.nanoTime();
        long[] at = new long[1];
        try (SpeechStream s = engine.openStream(new SpeechRequest(SENTENCE, voice, "en", null, null), new AudioSink() {
            @Override public void start(PcmFormat f) {}
            @Override public void audio(byte[] b, int o, int l) { if (first.getCount() > 0) { at[0] = System.nanoTime(); first.countDown(); } }
            @Override public void words(List<WordTiming> w) {}
            @Override public void end() { first.countDown(); }
            @Override public void error(EngineException e) { first.countDown(); }
        })) {
            first.await();
            s.await();
        }
        return (at[0] - t0) / 1e6;
    }

    /**
     * Milliseconds from opening a streamed run on the server's {@link SpeechSynthesizer} (as the TTS routes do, without
     * HTTP, charging or history) to its first chunk with audio; the rest is pulled too.
     */
    static double layer(SpeechSynthesizer speech, TextToSpeech engine, String voice, String format) throws Exception {
        OutputFormat out = OutputFormat.parse(format).orElseThrow();
        var segment = SpeechScript.Segment.spoken(NormalizedText.identity(SENTENCE), engine, new SpeechRequest(SENTENCE, voice, "en", null, null));
        long t0 = System.nanoTime();
        double ms = -1;
        try (SpeechRun run = speech.open(SpeechScript.of(segment, out, false), SpeechSynthesizer.Delivery.STREAMED)) {
            for (SpeechChunk c; (c = run.next()) != null; ) {
                if (ms < 0 && c.audio().length > 0) ms = (System.nanoTime() - t0) / 1e6;
            }
        }
        return ms;
    }

    /** {@code streams} calls of {@code task} started together; their results. */
    static List<Double> together(int streams, java.util.concurrent.Callable<Double> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            List<Future<Double>> f = new ArrayList<>();
            for (int i = 0; i < streams; i++) f.add(pool.submit(task));
            List<Double> all = new ArrayList<>();
            for (Future<Double> x : f) all.add(x.get());
            return all;
        } finally {
            pool.shutdown();
        }
    }

    static double rtf(TextToSpeech engine, String voice) throws Exception {
        String text = SENTENCE + " " + SENTENCE + " " + SENTENCE;
        long t0 = System.nanoTime();
        TextToSpeech.Speech speech = engine.synthesize(new SpeechRequest(text, voice, "en", null, null));
        return (System.nanoTime() - t0) / 1e9 / speech.seconds();
    }

    /** Milliseconds from sending the request to reading the first audio byte; the rest is read to the end. */
    static double ttfb(HttpClient http, String base, String voiceId, String format) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/text-to-speech/" + voiceId + "/stream?output_format=" + format))
                .header("xi-api-key", KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + SENTENCE + "\",\"model_id\":\"eleven_flash_v2_5\"}")).build();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200 || in.read() < 0) throw new IllegalStateException("status " + r.statusCode());
            double ms = (System.nanoTime() - t0) / 1e6;
            in.readAllBytes();
            return ms;
        }
    }

    static double pct(List<Double> values, int p) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }
}
