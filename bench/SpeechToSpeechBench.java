import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timbre.Timbre;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PitchTracker;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.audio.PcmFormat;
import dev.timbre.config.TimbreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Voice changer benchmark (issue 18), run by bench/speech-to-speech.sh: flite voices speak 10 sentences, an in-process
 * Timbre (MaryTTS + pocketsphinx) converts each to its first premade voice; each source and each conversion is
 * transcribed through the same API; then all ten joined into one recording go through {@code /stream}. Prints a
 * Markdown report. Launched from bench/ (the JDK 22+ source launcher finds SttBench there).
 */
public class SpeechToSpeechBench {
    static final String KEY = "bench-key";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<String> sentences = Files.readAllLines(root.resolve("bench/stt-sentences.txt")).stream().filter(s -> !s.isBlank()).limit(10).toList();
        Path data = Files.createTempDirectory("timbre-sts-bench");
        TimbreConfig config = TimbreConfig.defaults().withPort(0).withDataDir(data).withApiKey(KEY)
                .withEngines(new TimbreConfig.Engines("marytts", List.of(), "pocketsphinx"));
        try (Timbre timbre = Timbre.start(config)) {
            timbre.engines().awaitReady(60_000);
            base = "http://127.0.0.1:" + timbre.port();
            String voice = JSON.readTree(send(get("/v1/voices"))).at("/voices/0/voice_id").asText();
            String[] flite = {"rms", "slt", "awb"};
            int srcErrors = 0, outErrors = 0, words = 0, matched = 0;
            double startDiff = 0, audio = 0, spent = 0;
            List<Double> outPitch = new ArrayList<>(), targetPitch = new ArrayList<>(), srcPitch = new ArrayList<>();
            convert(voice, flite("rms", "Hello there.")); // warm-up
            System.out.println("## Voice changer (" + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs)\n");
            System.out.println("| # | source voice | source WER | converted WER | words paired | mean start diff (ms) | RTF |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int i = 0; i < sentences.size(); i++) {
                String text = sentences.get(i);
                byte[] src = flite(flite[i % flite.length], text);
                short[] srcPcm = samples16k(src);
                long t0 = System.nanoTime();
                byte[] out = convert(voice, src);
                double took = (System.nanoTime() - t0) / 1e9, seconds = srcPcm.length / 16000.0;
                spent += took;
                audio += seconds;
                JsonNode a = transcribe(src), b = transcribe(Wav.wrap(out, new PcmFormat(16000)));
                int e1 = SttBench.errors(text, a.get("text").asText()), e2 = SttBench.errors(text, b.get("text").asText()), n = SttBench.words(text).size();
                double[] d = paired(a.get("words"), b.get("words"));
                srcErrors += e1; outErrors += e2; words += n;
                if (d[1] > 0) { startDiff += d[0] * d[1]; matched += (int) d[1]; }
                outPitch.addAll(voiced(Pcm.toSamples(out, 0, out.length)));
                srcPitch.addAll(voiced(srcPcm));
                targetPitch.addAll(voiced(samples16k(Wav.wrap(tts(voice, text), new PcmFormat(16000)))));
                System.out.printf("| %d | flite %s | %.0f %% | %.0f %% | %d | %.0f | %.2f |%n", i + 1, flite[i % flite.length], 100.0 * e1 / n,
                        100.0 * e2 / n, (int) d[1], 1000 * d[0], took / seconds);
            }
            double out = median(outPitch), target = median(targetPitch), src = median(srcPitch);
            System.out.printf("%nAll: source WER %.1f %%, converted WER %.1f %% (%+.1f points) over %d words; mean |word start difference| "
                            + "%.0f ms over %d paired words; pitch median: output %.1f Hz, target voice %.1f Hz (%+.1f %%), sources %.1f Hz; "
                            + "RTF %.2f (%.1f s of audio in %.1f s, recognition + alignment + synthesis)%n",
                    100.0 * srcErrors / words, 100.0 * outErrors / words, 100.0 * (outErrors - srcErrors) / words, words,
                    1000 * startDiff / matched, matched, out, target, 100 * (out / target - 1), src, spent / audio, audio, spent);
            longSource(voice, sentences, flite);
        }
    }

    /**
     * The ten sources joined into one recording (0.8 s between them) through {@code /stream}: when the first audio
     * arrives and when the last does, against how long recognising the whole recording takes alone (what the stream
     * waited for before it was heard piece by piece); and the round trip on the joined audio.
     */
    static void longSource(String voice, List<String> sentences, String[] flite) throws Exception {
        var joined = new java.io.ByteArrayOutputStream();
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>(); // byte offset of each sentence
        for (int i = 0; i < sentences.size(); i++) {
            starts.add(joined.size());
            joined.writeBytes(Pcm.toBytes(samples16k(flite(flite[i % flite.length], sentences.get(i)))));
            joined.writeBytes(new byte[25_600]); // 0.8 s
            text.append(sentences.get(i)).append(' ');
        }
        byte[] wav = Wav.wrap(joined.toByteArray(), new PcmFormat(16000));
        double seconds = joined.size() / 32000.0;
        long t0 = System.nanoTime();
        JsonNode a = transcribe(wav);
        double recognition = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        HttpResponse<java.io.InputStream> res = HTTP.send(multipartRequest("/v1/speech-to-speech/" + voice + "/stream?output_format=pcm_16000&enable_logging=false",
                Map.of("model_id", "eleven_english_sts_v2"), "audio", wav).build(), HttpResponse.BodyHandlers.ofInputStream());
        var out = new java.io.ByteArrayOutputStream();
        double first = -1;
        try (java.io.InputStream in = res.body()) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) >= 0; ) {
                if (n > 0 && first < 0) first = (System.nanoTime() - t0) / 1e9;
                out.write(buf, 0, n);
            }
        }
        double total = (System.nanoTime() - t0) / 1e9;
        JsonNode b = transcribe(Wav.wrap(out.toByteArray(), new PcmFormat(16000)));
        int n = SttBench.words(text.toString()).size();
        double[] d = paired(a.get("words"), b.get("words"));
        // the same word starts measured sentence by sentence: both recordings cut at the sentences' starts, each part
        // transcribed alone (as the single-sentence table is), times shifted back by the part's offset
        byte[] src = joined.toByteArray(), conv = out.toByteArray();
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i), to = i + 1 < starts.size() ? starts.get(i + 1) : src.length;
            double[] p = paired(transcribe(Wav.wrap(Arrays.copyOfRange(src, from, to), new PcmFormat(16000))).get("words"),
                    transcribe(Wav.wrap(Arrays.copyOfRange(conv, from, Math.min(to, conv.length)), new PcmFormat(16000))).get("words"));
            sum += p[0] * p[1];
            pairs += (int) p[1];
        }
        System.out.printf("%nOne recording of all ten (%.1f s, 0.8 s between sentences) through `/stream`: first audio after %.2f s, last after "
                        + "%.2f s (RTF %.2f); recognising the whole recording alone takes %.2f s. Source WER %.1f %%, converted WER %.1f %%; mean "
                        + "|word start difference| %.0f ms over %d paired words transcribing each recording whole, %.0f ms over %d transcribing "
                        + "them sentence by sentence; output %.1f s.%n", seconds, first, total, total / seconds, recognition,
                100.0 * SttBench.errors(text.toString(), a.get("text").asText()) / n, 100.0 * SttBench.errors(text.toString(), b.get("text").asText()) / n,
                1000 * d[0], (int) d[1], 1000 * sum / pairs, pairs, out.size() / 32000.0);
    }

    static byte[] flite(String voice, String text) throws Exception {
        Path out = Files.createTempFile("flite", ".wav");
        Process p = new ProcessBuilder("flite", "-voice", voice, "-t", text, "-o", out.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        byte[] wav = Files.readAllBytes(out);
        Files.delete(out);
        return wav;
    }

    static short[] samples16k(byte[] wav) {
        byte[] pcm = new UploadDecoder().decode16k(wav).pcm();
        return Pcm.toSamples(pcm, 0, pcm.length);
    }

    static List<Double> voiced(short[] s) {
        return Arrays.stream(PitchTracker.track(s)).filter(v -> !Double.isNaN(v)).boxed().toList();
    }

    static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s[s.length / 2];
    }

    static byte[] convert(String voice, byte[] wav) throws Exception {
        return multipart("/v1/speech-to-speech/" + voice + "?output_format=pcm_16000&enable_logging=false", Map.of("model_id", "eleven_english_sts_v2"), "audio", wav);
    }

    static JsonNode transcribe(byte[] wav) throws Exception {
        return JSON.readTree(multipart("/v1/speech-to-text", Map.of("model_id", "scribe_v1"), "file", wav));
    }

    static byte[] tts(String voice, String text) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/v1/text-to-speech/" + voice + "?output_format=pcm_16000")).header("xi-api-key", KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", text)))));
    }

    static byte[] multipart(String path, Map<String, String> fields, String fileField, byte[] file) throws Exception {
        return send(multipartRequest(path, fields, fileField, file));
    }

    static HttpRequest.Builder multipartRequest(String path, Map<String, String> fields, String fileField, byte[] file) {
        String b = "bench" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        for (var f : fields.entrySet()) {
            out.writeBytes(("--" + b + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + b + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + b + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path)).header("xi-api-key", KEY).header("Content-Type", "multipart/form-data; boundary=" + b)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    }

    static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("xi-api-key", KEY).GET();
    }

    static byte[] send(HttpRequest.Builder r) throws Exception {
        HttpResponse<byte[]> res = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() != 200) throw new IllegalStateException(res.statusCode() + " " + new String(res.body(), StandardCharsets.UTF_8));
        return res.body();
    }

    /** {mean |start difference| in s, pairs}: equal words in order, each looked for up to 4 words ahead. */
    static double[] paired(JsonNode a, JsonNode b) {
        List<JsonNode> x = new ArrayList<>(), y = new ArrayList<>();
        a.forEach(w -> { if (w.get("type").asText().equals("word")) x.add(w); });
        b.forEach(w -> { if (w.get("type").asText().equals("word")) y.add(w); });
        double sum = 0;
        int n = 0, j = 0;
        for (JsonNode w : x) {
            for (int k = j; k < Math.min(y.size(), j + 4); k++) {
                if (y.get(k).get("text").asText().equalsIgnoreCase(w.get("text").asText())) {
                    sum += Math.abs(w.get("start").asDouble() - y.get(k).get("start").asDouble());
                    n++;
                    j = k + 1;
                    break;
                }
            }
        }
        return new double[] {n == 0 ? 0 : sum / n, n};
    }
}
