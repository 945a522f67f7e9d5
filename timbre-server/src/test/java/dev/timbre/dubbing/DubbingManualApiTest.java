package dev.timbre.dubbing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.storage.FileSystemBlobStore;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Manual dubbing ({@code csv_file}, {@code foreground_audio_file}, {@code background_audio_file}, {@code mode=manual},
 * {@code csv_fps}) against the fake engines, en→en over {@link DubbingApiTest#wav} tones (6.7 s): the CSV's speakers,
 * times and texts reach the resource and the transcripts, empty translations come from the translator, uploaded tracks
 * replace the separation, and each bad CSV is a 422 naming its row with nothing stored.
 */
@Tag("integration")
class DubbingManualApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    private static final String TWO_SPEAKERS = """
            speaker,start_time,end_time,transcription,translation
            Alice,"00:00:00,700","00:00:01,000","Hello, there","Hi, there"
            Bob,00:00:01.700,00:00:02.000,second line,Second translated
            
            Alice,3.7,4.0,"third ""quoted""
            line",Third translated
            Bob,00:00:05:17,00:00:06:00,fourth,Fourth translated
            """;

    private static Multipart manual(String csv) {
        return manual(csv, "en", "true");
    }

    private static Multipart manual(String csv, String source, String studio) {
        return new Multipart().file("file", "words.wav", "audio/wav", DubbingApiTest.wav(6)).field("target_lang", "en").field("source_lang", source)
                .field("mode", "manual").field("dubbing_studio", studio).file("csv_file", "dub.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static String dubbed(Multipart form) throws InterruptedException {
        TestServer.Response r = server.postMultipart("/v1/dubbing", form);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String id = r.json().get("dubbing_id").asText();
        for (int i = 0; i < 600; i++) {
            JsonNode d = server.get("/v1/dubbing/" + id).json();
            if (!d.get("status").asText().equals("dubbing")) {
                assertThat(d.get("status").asText()).as(d.toString()).isEqualTo("dubbed");
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("dub " + id + " did not finish");
    }

    @Test
    void profanity_filter_censors_the_transcripts_and_the_resource() throws Exception {
        String csv = "speaker,start_time,end_time,transcription,translation\nA,0.7,1.0,what the fuck,qué mierda\nA,3.7,4.0,fine words,Fine words\n";
        String censored = dubbed(manual(csv).field("use_profanity_filter", "true"));
        String srt = server.get("/v1/dubbing/" + censored + "/transcript/en").json().asText();
        assertThat(srt).contains("qué [censored]", "Fine words").doesNotContain("mierda");
        assertThat(server.get("/v1/dubbing/" + censored + "/transcript/en?format_type=webvtt").json().asText()).contains("qué [censored]");
        JsonNode seg = server.get("/v1/dubbing/resource/" + censored).json().get("speaker_segments").elements().next();
        assertThat(seg.get("text").asText()).isEqualTo("what the [censored]");
        assertThat(seg.get("subtitles").get(0).get("lines").get(0).asText()).isEqualTo("what the [censored]");
        assertThat(seg.get("dubs").get("en").get("text").asText()).isEqualTo("qué [censored]");

        String plain = dubbed(manual(csv));
        assertThat(server.get("/v1/dubbing/" + plain + "/transcript/en").json().asText()).contains("qué mierda");
    }

    private static FileSystemBlobStore blobs() throws java.io.IOException {
        return new FileSystemBlobStore(server.dataDir().resolve("blobs"));
    }

    private static long storedFiles() throws java.io.IOException {
        java.nio.file.Path dir = server.dataDir().resolve("blobs").resolve("dubbing");
        if (!java.nio.file.Files.isDirectory(dir)) return 0;
        try (var walk = java.nio.file.Files.walk(dir)) {
            return walk.filter(java.nio.file.Files::isRegularFile).count();
        }
    }

    @Test
    void dubs_from_a_csv_with_two_speakers_and_its_translations() throws Exception {
        String id = dubbed(manual(TWO_SPEAKERS));
        JsonNode res = server.get("/v1/dubbing/resource/" + id).json();
        JsonNode tracks = res.get("speaker_tracks");
        assertThat(tracks.get("speaker_0").get("speaker_name").asText()).isEqualTo("Alice");
        assertThat(tracks.get("speaker_1").get("speaker_name").asText()).isEqualTo("Bob");
        assertThat(tracks.get("speaker_0").get("segments")).extracting(JsonNode::asText).containsExactly("seg_0000", "seg_0002");
        assertThat(tracks.get("speaker_1").get("segments")).extracting(JsonNode::asText).containsExactly("seg_0001", "seg_0003");
        JsonNode segs = res.get("speaker_segments");
        assertThat(segs.get("seg_0000").get("start_time").asDouble()).isEqualTo(0.7);
        assertThat(segs.get("seg_0000").get("end_time").asDouble()).isEqualTo(1.0);
        assertThat(segs.get("seg_0000").get("text").asText()).isEqualTo("Hello, there");
        assertThat(segs.get("seg_0002").get("text").asText()).isEqualTo("third \"quoted\"\nline");
        assertThat(segs.get("seg_0003").get("start_time").asDouble()).isCloseTo(5 + 17 / 24.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(segs.get("seg_0003").get("end_time").asDouble()).isEqualTo(6.0);
        assertThat(segs.get("seg_0001").get("dubs").get("en").get("text").asText()).isEqualTo("Second translated");
        assertThat(segs.get("seg_0001").get("dubs").get("en").get("media_ref").isObject()).isTrue();

        String srt = server.get("/v1/dubbing/" + id + "/transcript/en").json().asText();
        assertThat(srt).contains("Hi, there", "Second translated", "Third translated", "Fourth translated").doesNotContain("Hello, there");
        assertThat(srt).contains("00:00:00,700 --> ");
        assertThat(server.get("/v1/dubbing/" + id + "/audio/en").status()).isEqualTo(200);
        assertThat(blobs().get(DubbingStages.key(id, DubbingStages.CSV))).isPresent();
        assertThat(server.delete("/v1/dubbing/" + id).status()).isEqualTo(200);
        assertThat(blobs().get(DubbingStages.key(id, DubbingStages.CSV))).isEmpty();
    }

    @Test
    void translates_rows_without_a_translation_and_takes_csv_fps() throws Exception {
        String csv = "Speaker,Start_Time,End_Time,Transcription\nA,00:00:01:10,00:00:02:00,one two\nA,00:00:03:00,00:00:04:05,three\n";
        String id = dubbed(manual(csv).field("csv_fps", "20"));
        JsonNode segs = server.get("/v1/dubbing/resource/" + id).json().get("speaker_segments");
        assertThat(segs.get("seg_0000").get("start_time").asDouble()).isEqualTo(1.5); // 10 frames at 20 fps
        assertThat(segs.get("seg_0001").get("end_time").asDouble()).isEqualTo(4.25);
        assertThat(segs.get("seg_0000").get("dubs").get("en").get("text").asText()).isEqualTo("one two"); // en→en: the identity
        assertThat(server.get("/v1/dubbing/" + id + "/transcript/en").json().asText()).contains("one two", "three");
    }

    @Test
    void uses_uploaded_tracks_instead_of_the_separation() throws Exception {
        // the source: the tones over a steady hum; foreground: the tones alone; background: silence
        short[] tones = samples(DubbingApiTest.wav(6));
        short[] hummed = new short[tones.length], silent = new short[tones.length];
        for (int i = 0; i < tones.length; i++) hummed[i] = (short) (tones[i] + 3000 * Math.sin(2 * Math.PI * 100 * i / 16000.0));
        String csv = "speaker,start_time,end_time,transcription,translation\nA,1.7,2.0,hello,hello\nA,3.7,4.0,world,world\n";
        Multipart form = new Multipart().file("file", "hum.wav", "audio/wav", Wav.wrap(Pcm.toBytes(hummed), new PcmFormat(16000)))
                .field("target_lang", "en").field("source_lang", "en").file("csv_file", "dub.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                .file("foreground_audio_file", "fg.wav", "audio/wav", DubbingApiTest.wav(6))
                .file("background_audio_file", "bg.wav", "audio/wav", Wav.wrap(Pcm.toBytes(silent), new PcmFormat(16000)));
        String id = dubbed(form);
        short[] out = samples(server.get("/v1/dubbing/" + id + "/audio/en").body());
        assertThat(rms(out, 0.1, 1.6)).as("before the first segment").isLessThan(30);

        // the same without tracks: the separation's background keeps the hum
        String auto = dubbed(new Multipart().file("file", "hum.wav", "audio/wav", Wav.wrap(Pcm.toBytes(hummed), new PcmFormat(16000)))
                .field("target_lang", "en").field("source_lang", "en").file("csv_file", "dub.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(rms(samples(server.get("/v1/dubbing/" + auto + "/audio/en").body()), 0.1, 1.6)).isGreaterThan(300);
    }

    @Test
    void refuses_bad_csvs_naming_the_row_and_stores_nothing() throws Exception {
        int before = server.get("/v1/dubbing?page_size=200").json().get("dubs").size();
        long files = storedFiles();
        String h = "speaker,start_time,end_time,transcription,translation\n";
        List<String[]> cases = new ArrayList<>(List.of(
                new String[] {"speaker,start_time,transcription\nA,1,x\n", "row 1"},
                new String[] {h + "A,1,2,x,y\nB,abc,2,x,y\n", "row 3"},
                new String[] {h + "A,2,1,x,y\n", "row 2"},
                new String[] {h + "A,1,2,x,y\nA,1.5,99,x,y\n", "row 3"},
                new String[] {h + "A,1,2,x,y\nA,3,4,x\n", "row 3"},
                new String[] {h + ",1,2,x,y\n", "row 2"},
                new String[] {h + "A,1,2,,y\n", "row 2"},
                new String[] {h + "A,00:00:01:30,00:00:02:00,x,y\n", "row 2"},
                new String[] {h + "A,1,2,\"open,y\n", "row 2"},
                new String[] {h, "no rows"},
                new String[] {h + "A,1,2,x,y\n".repeat(DubbingCsv.MAX_ROWS + 1), "row " + (DubbingCsv.MAX_ROWS + 2)}));
        for (String[] c : cases) {
            Multipart form = manual(c[0]);
            if (c[0].contains(":30,")) form.field("csv_fps", "25");
            TestServer.Response r = server.postMultipart("/v1/dubbing", form);
            assertThat(r.status()).as(c[0].substring(0, Math.min(80, c[0].length())) + " → " + r).isEqualTo(422);
            JsonNode v = r.json().get("detail").get(0);
            assertThat(v.get("loc")).extracting(JsonNode::asText).containsExactly("body", "csv_file");
            assertThat(v.get("type").asText()).isEqualTo("value_error");
            assertThat(v.get("msg").asText()).contains(c[1]);
        }
        DubbingApiTest.assertError(server.postMultipart("/v1/dubbing", manual(TWO_SPEAKERS, "en", "false")), 422, null);
        DubbingApiTest.assertError(server.postMultipart("/v1/dubbing", DubbingApiTest.form("en").field("mode", "manual").field("dubbing_studio", "true")),
                422, null);
        DubbingApiTest.assertError(server.postMultipart("/v1/dubbing", DubbingApiTest.form("en").file("background_audio_file", "b.wav", "audio/wav",
                DubbingApiTest.wav(1))), 422, null);
        DubbingApiTest.assertError(server.postMultipart("/v1/dubbing", manual(TWO_SPEAKERS, "auto", "true")), 422, null);
        DubbingApiTest.assertError(server.postMultipart("/v1/dubbing", manual(TWO_SPEAKERS).field("csv_fps", "0")), 422, null);
        DubbingApiTest.assertError(server.postMultipart("/v1/dubbing", manual(TWO_SPEAKERS).file("foreground_audio_file", "f.txt", "text/plain",
                "not audio".getBytes())), 422, null);
        assertThat(server.get("/v1/dubbing?page_size=200").json().get("dubs").size()).isEqualTo(before);
        assertThat(storedFiles()).isEqualTo(files);
    }

    private static short[] samples(byte[] media) throws Exception {
        byte[] pcm = new UploadDecoder().decode(media, 16000).pcm();
        return Pcm.toSamples(pcm, 0, pcm.length & ~1);
    }

    /** RMS of {@code x} (16 kHz) between {@code from} and {@code to} seconds. */
    private static double rms(short[] x, double from, double to) {
        double sum = 0;
        int a = (int) (from * 16000), b = Math.min(x.length, (int) (to * 16000));
        for (int i = a; i < b; i++) sum += (double) x[i] * x[i];
        return Math.sqrt(sum / Math.max(1, b - a));
    }
}
