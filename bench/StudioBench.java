import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.Timbre;
import dev.timbre.http.Json;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.config.TimbreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Studio: a 20-page document (TXT, about 300 words a page, a "Chapter N" heading every 4 pages) uploaded as a project
 * with auto_convert, on the configured TTS engine (MaryTTS unless TIMBRE_TTS_ENGINE says otherwise), in process:
 * wall time from the upload to the project snapshot, audio length, real-time factor (wall / audio), and how long the
 * chapter conversions took on average per block. Usage: bench/studio.sh [pages=20 [wordsPerPage=300]]
 */
public class StudioBench {
    static final String[] WORDS = ("the a of and to in is was that it he she for on with as his her they at by this had not are but "
            + "from or have an one were all we when there can been has more if will would who so said time about after into "
            + "some could them other than then now only its over also new first two people way made may like back years just "
            + "house river garden morning evening letter window village road water light winter summer friend story market "
            + "walked looked found asked turned thought opened waited followed carried remembered quietly slowly again").split(" ");
    static final String KEY = "studio-bench-key";

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int perPage = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        String document = document(pages, perPage, new Random(7));
        Path dir = Files.createTempDirectory("timbre-studio-bench");
        String engine = System.getenv().getOrDefault("TIMBRE_TTS_ENGINE", "marytts");
        TimbreConfig config = TimbreConfig.defaults().withPort(0).withDataDir(dir).withApiKey(KEY)
                .withEngines(new TimbreConfig.Engines(engine, List.of(), "fake"));
        try (Timbre timbre = Timbre.start(config)) {
            timbre.engines().awaitReady(120_000);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + timbre.port() + "/v1/studio/projects";
            String boundary = "bench" + System.nanoTime();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nBench book\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"auto_convert\"\r\n\r\ntrue\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"from_document\"; filename=\"book.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\n" + document + "\r\n--" + boundary + "--\r\n";
            long start = System.nanoTime();
            var created = http.send(HttpRequest.newBuilder(URI.create(base)).header("xi-api-key", KEY)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 200) throw new IllegalStateException(created.body());
            String id = Json.MAPPER.readTree(created.body()).at("/project/project_id").asText();
            JsonNode project;
            while (true) {
                Thread.sleep(500);
                project = Json.MAPPER.readTree(get(http, base + "/" + id));
                if (project.get("can_be_downloaded").asBoolean() && project.get("state").asText().equals("default")) break;
            }
            double wall = (System.nanoTime() - start) / 1e9;
            String snap = Json.MAPPER.readTree(get(http, base + "/" + id + "/snapshots")).at("/snapshots/0/project_snapshot_id").asText();
            byte[] mp3 = http.send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/snapshots/" + snap + "/stream"))
                    .header("xi-api-key", KEY).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            Wav.Decoded d = new UploadDecoder(Long.MAX_VALUE, 24 * 3600, java.util.Optional.empty()).decode(mp3, 16000);
            double audio = d.pcm().length / 2.0 / d.format().sampleRate();
            int chapters = project.get("chapters").size();
            int blocks = 0;
            for (JsonNode c : project.get("chapters")) blocks += c.at("/statistics/paragraphs_converted").asInt();
            int words = document.split("\\s+").length;
            System.out.println("| engine | pages | words | characters | chapters | blocks | audio | wall time | real-time factor | per block |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            System.out.printf("| %s | %d | %d | %d | %d | %d | %.1f min | %.1f s | %.3f (%.1f× faster than real time) | %.0f ms |%n", engine, pages,
                    words, document.length(), chapters, blocks, audio / 60, wall, wall / audio, audio / wall, 1000 * wall / Math.max(1, blocks));
            System.out.printf("MP3: %.1f MB; cores: %d%n", mp3.length / 1e6, Runtime.getRuntime().availableProcessors());
        }
    }

    static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("xi-api-key", KEY).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Pages of sentences (6–18 words) in paragraphs of 3–6 sentences, a chapter heading every 4 pages. */
    static String document(int pages, int perPage, Random random) {
        StringBuilder out = new StringBuilder();
        for (int page = 0; page < pages; page++) {
            if (page % 4 == 0) out.append("Chapter ").append(page / 4 + 1).append("\n\n");
            int words = 0;
            while (words < perPage) {
                int sentences = 3 + random.nextInt(4);
                for (int s = 0; s < sentences; s++) {
                    int n = 6 + random.nextInt(13);
                    for (int w = 0; w < n; w++) {
                        String word = WORDS[random.nextInt(WORDS.length)];
                        out.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(w == n - 1 ? ". " : " ");
                    }
                    words += n;
                }
                out.append("\n\n");
            }
        }
        return out.toString();
    }
}
