import dev.timbre.Timbre;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.config.TimbreConfig;
import dev.timbre.dubbing.SegmentRepository;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.process.EspeakTextToSpeech;
import dev.timbre.engine.process.FliteTextToSpeech;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dubbing benchmark (issue 19): a 60-second two-speaker English video (flite slt and espeak-ng en-us+m3 alternating
 * sentences of bench/stt-sentences.txt, 0.8 s apart, under a coloured MPEG-4 video) dubbed into Spanish by an
 * in-process server (MaryTTS + espeak-ng + flite, the installed recogniser, Apertium). Reports wall time, the stage
 * breakdown (the dub's stored stage polled every 50 ms), speakers found, segments fitted without overrun, and the
 * source-side WER (the segments' text against the sentences spoken). Run with bench/dubbing.sh.
 */
public class DubbingBench {
    static final String KEY = "bench-key";

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<String> sentences = Files.readAllLines(root.resolve("bench/stt-sentences.txt")).stream().filter(s -> !s.isBlank()).toList();
        int rate = 16000;
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        byte[] gap = new byte[(int) (0.8 * rate) * 2];
        List<String> spoken = new ArrayList<>();
        try (FliteTextToSpeech flite = new FliteTextToSpeech(); EspeakTextToSpeech espeak = new EspeakTextToSpeech()) {
            pcm.writeBytes(gap);
            for (int i = 0; pcm.size() < 58 * rate * 2 && i < sentences.size(); i++) {
                TextToSpeech e = i % 2 == 0 ? flite : espeak;
                TextToSpeech.Speech s = e.synthesize(new SpeechRequest(sentences.get(i), i % 2 == 0 ? "slt" : "en-us+m3", "en", null, 0L));
                byte[] x = Pcm.resample(s.pcm(), s.format().sampleRate(), rate);
                if (pcm.size() + x.length > 60 * rate * 2) break;
                pcm.writeBytes(x);
                pcm.writeBytes(gap);
                spoken.add(sentences.get(i));
            }
        }
        byte[] audio = pcm.toByteArray();
        if (audio.length < 60 * rate * 2) audio = java.util.Arrays.copyOf(audio, 60 * rate * 2);
        double seconds = audio.length / 2.0 / rate;
        Path wav = Files.createTempFile("bench", ".wav"), mp4 = Files.createTempFile("bench", ".mp4");
        Files.write(wav, Wav.wrap(audio, new PcmFormat(rate)));
        Process ff = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=blue:s=320x240:r=10:d=" + seconds,
                "-i", wav.toString(), "-c:v", "mpeg4", "-c:a", "aac", "-shortest", mp4.toString()).inheritIO().start();
        if (ff.waitFor() != 0) throw new IllegalStateException("ffmpeg failed");
        byte[] video = Files.readAllBytes(mp4);

        Path data = Files.createTempDirectory("timbre-dub-bench");
        TimbreConfig config = TimbreConfig.defaults().withPort(0).withDataDir(data).withApiKey(KEY)
                .withEngines(new TimbreConfig.Engines("marytts", List.of("espeak-ng", "flite"), "auto"));
        try (Timbre timbre = Timbre.start(config)) {
            HttpClient http = HttpClient.newHttpClient();
            String boundary = "b" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (String[] f : new String[][] {{"target_lang", "es"}, {"source_lang", "en"}, {"name", "bench"}}) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n" + f[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"talk.mp4\"\r\nContent-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(video);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            String base = "http://127.0.0.1:" + timbre.port();
            long t0 = System.nanoTime();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/dubbing")).header("xi-api-key", KEY)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 200) throw new IllegalStateException(created.body());
            String id = created.body().replaceAll(".*\"dubbing_id\":\"([^\"]+)\".*", "$1");
            var jdbi = timbre.database().jdbi();
            Map<String, Long> stageAt = new LinkedHashMap<>();
            String status = "dubbing", last = "";
            while (status.equals("dubbing")) {
                Thread.sleep(50);
                var row = jdbi.withHandle(h -> h.createQuery("SELECT stage, status FROM dubbings WHERE dubbing_id = :id").bind("id", id).mapToMap().one());
                String stage = String.valueOf(row.get("stage"));
                status = String.valueOf(row.get("status"));
                if (!stage.equals(last)) {
                    stageAt.put(stage, System.nanoTime());
                    last = stage;
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            SegmentRepository parts = new SegmentRepository(jdbi);
            List<SegmentRepository.Segment> segments = parts.segments(id);
            List<SegmentRepository.Dub> dubs = parts.dubs(id, "es");
            long fit = dubs.stream().filter(d -> !d.overrun()).count();
            String heard = String.join(" ", segments.stream().map(SegmentRepository.Segment::text).toList());
            double wer = wer(String.join(" ", spoken), heard);
            System.out.printf(Locale.ROOT, "| source | %.1f s video (MPEG-4 + AAC), %d sentences, 2 speakers (flite slt, espeak-ng en-us+m3) |%n", seconds, spoken.size());
            System.out.printf(Locale.ROOT, "| status | %s |%n| wall time | %.1f s (%.2f× real time) |%n", status, wall, wall / seconds);
            long prev = t0;
            StringBuilder stages = new StringBuilder();
            for (var e : stageAt.entrySet()) {
                stages.append(String.format(Locale.ROOT, "%s %.1f s, ", e.getKey(), (e.getValue() - prev) / 1e9));
                prev = e.getValue();
            }
            System.out.printf("| stages (time to reach each) | %s |%n", stages.toString().replaceAll(", $", ""));
            System.out.printf("| speakers found | %d |%n", parts.speakers(id).size());
            System.out.printf("| segments fitted without overrun | %d of %d |%n", fit, dubs.size());
            System.out.printf(Locale.ROOT, "| source-side WER | %.1f %% |%n", 100 * wer);
            System.out.println();
            System.out.println("Spanish: " + String.join(" / ", dubs.stream().limit(4).map(SegmentRepository.Dub::text).toList()));
        } finally {
            Files.deleteIfExists(wav);
            Files.deleteIfExists(mp4);
        }
    }

    static List<String> words(String s) {
        return List.of(s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").trim().split("\\s+"));
    }

    static double wer(String reference, String hypothesis) {
        List<String> r = words(reference), h = words(hypothesis);
        int[] prev = new int[h.size() + 1], cur = new int[h.size() + 1];
        for (int j = 0; j <= h.size(); j++) prev[j] = j;
        for (int i = 1; i <= r.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= h.size(); j++) {
                cur[j] = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (r.get(i - 1).equals(h.get(j - 1)) ? 0 : 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return (double) prev[h.size()] / r.size();
    }
}
