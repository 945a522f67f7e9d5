package dev.timbre.music;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.AudioDecoder;
import dev.timbre.http.Json;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class MusicApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    static Map<String, Object> section(String name, int ms, List<String> lines, String... styles) {
        return Map.of("section_name", name, "positive_local_styles", List.of(styles), "negative_local_styles", List.of(),
                "duration_ms", ms, "lines", lines);
    }

    static Map<String, Object> plan(Map<String, Object>... sections) {
        return Map.of("positive_global_styles", List.of("rock", "120 bpm"), "negative_global_styles", List.of(), "sections", List.of(sections));
    }

    static Map<String, Object> with(Map<String, Object> body, Object... kv) {
        Map<String, Object> m = new HashMap<>(body);
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static List<String> loc(TestServer.Response r) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : r.json().get("detail")) out.add(d.get("loc").toString());
        return out;
    }

    @Test
    void plan_from_a_prompt_conforms_and_its_sections_add_up_to_the_length() {
        var r = server.postJson("/v1/music/plan", Map.of("prompt", "Smooth jazz with saxophone, no drums", "music_length_ms", 37_770));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/music/plan", r);
        JsonNode p = r.json();
        int sum = 0;
        for (JsonNode s : p.get("sections")) sum += s.get("duration_ms").asInt();
        assertThat(sum).isEqualTo(37_770);
        assertThat(p.get("positive_global_styles").toString()).contains("jazz", "saxophone");
        assertThat(p.get("negative_global_styles").toString()).contains("drums");
    }

    @Test
    void plan_edits_a_source_plan() {
        var source = plan(section("Verse", 10_000, List.of()), section("Outro", 5_000, List.of()));
        var r = server.postJson("/v1/music/plan", Map.of("prompt", "add a chorus", "source_composition_plan", source, "music_length_ms", 20_000));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/music/plan", r);
        JsonNode sections = r.json().get("sections");
        assertThat(sections).hasSize(3);
        assertThat(sections.get(1).get("section_name").asText()).isEqualTo("Chorus");
        assertThat(sections.get(0).get("duration_ms").asInt() + sections.get(1).get("duration_ms").asInt() + sections.get(2).get("duration_ms").asInt()).isEqualTo(20_000);
        assertThat(r.json().get("positive_global_styles").toString()).contains("rock");
    }

    @Test
    void bad_plans_and_bounds_are_422s_naming_the_field() {
        var r = server.postJson("/v1/music/plan", Map.of("prompt", "x", "source_composition_plan", plan(section("Verse", 1_000, List.of()))));
        assertThat(r.status()).isEqualTo(422);
        OpenApiContract.assertConforms("POST", "/v1/music/plan", r);
        assertThat(loc(r)).containsExactly("[\"body\",\"source_composition_plan\",\"sections\",0,\"duration_ms\"]");
        assertThat(loc(server.postJson("/v1/music/plan", Map.of("music_length_ms", 20_000)))).containsExactly("[\"body\",\"prompt\"]");
        assertThat(loc(server.postJson("/v1/music/plan", Map.of("prompt", "x", "music_length_ms", 5_000)))).containsExactly("[\"body\",\"music_length_ms\"]");
        assertThat(loc(server.postJson("/v1/music", Map.of("prompt", "x", "music_length_ms", 300_001)))).containsExactly("[\"body\",\"music_length_ms\"]");
        assertThat(loc(server.postJson("/v1/music", Map.of("prompt", "x", "model_id", "music_v9")))).containsExactly("[\"body\",\"model_id\"]");
        assertThat(loc(server.postJson("/v1/music", Map.of("prompt", "x", "composition_plan", plan(section("A", 5_000, List.of()))))))
                .containsExactly("[\"body\",\"composition_plan\"]");
        Map<String, Object>[] many = new Map[3];
        Arrays.fill(many, section("Long", 120_000, List.of()));
        assertThat(loc(server.postJson("/v1/music", Map.of("composition_plan", plan(many))))).containsExactly("[\"body\",\"composition_plan\",\"sections\"]");
        var noSections = Map.of("positive_global_styles", List.of(), "negative_global_styles", List.of(), "sections", List.of());
        assertThat(loc(server.postJson("/v1/music/detailed", Map.of("composition_plan", noSections)))).containsExactly("[\"body\",\"composition_plan\",\"sections\"]");
        assertThat(server.postJson("/v1/music?output_format=wav_7", Map.of("prompt", "x")).status()).isEqualTo(422);
    }

    @Test
    void compose_renders_a_plan_exactly_as_long_as_its_sections() {
        var r = server.postJson("/v1/music?output_format=pcm_16000", Map.of("composition_plan",
                plan(section("Intro", 3_005, List.of()), section("Chorus", 4_333, List.of(), "energetic")), "respect_sections_durations", true, "seed", 3));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/music", r);
        assertThat(r.header("song-id")).isNotBlank();
        assertThat(Math.abs(r.body().length / 2 - 16 * 7_338)).isLessThanOrEqualTo(160); // within 10 ms
        assertThat(rms(r.body(), 0, r.body().length / 2 / 2)).isGreaterThan(200);
    }

    @Test
    void compose_from_a_prompt_is_an_mp3_of_the_requested_length_and_the_seed_repeats_it() {
        var body = Map.<String, Object>of("prompt", "lofi hip hop beat with electric piano", "music_length_ms", 10_000, "seed", 11);
        var r = server.postJson("/v1/music", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("audio/mpeg");
        var decoded = AudioDecoder.decode(r.body());
        assertThat(decoded.format().sampleRate()).isEqualTo(44100);
        assertThat(decoded.format().seconds(decoded.pcm().length)).isBetween(9.99, 10.08); // mp3 frames pad the end
        var a = server.postJson("/v1/music?output_format=pcm_22050", body);
        var b = server.postJson("/v1/music?output_format=pcm_22050", body);
        assertThat(a.body()).isEqualTo(b.body());
        assertThat(a.body().length / 2).isEqualTo(220_500);
    }

    @Test
    void an_empty_request_is_a_song_of_the_default_length() {
        var r = server.postJson("/v1/music?output_format=pcm_8000", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().length / 2).isEqualTo(8 * PromptPlanner.DEFAULT_MS);
    }

    @Test
    void lyrics_are_mixed_in_unless_force_instrumental() {
        var vocal = plan(section("Verse", 6_000, List.of("hello there my friend", "how are you")));
        var plain = plan(section("Verse", 6_000, List.of()));
        byte[] sung = server.postJson("/v1/music?output_format=pcm_16000", Map.of("composition_plan", vocal, "seed", 9)).body();
        byte[] forced = server.postJson("/v1/music?output_format=pcm_16000", Map.of("composition_plan", vocal, "seed", 9, "force_instrumental", true)).body();
        byte[] none = server.postJson("/v1/music?output_format=pcm_16000", Map.of("composition_plan", plain, "seed", 9)).body();
        assertThat(forced).isEqualTo(none);
        assertThat(sung).hasSameSizeAs(none).isNotEqualTo(none);
    }

    @Test
    void detailed_is_multipart_with_the_plan_metadata_and_the_audio() throws Exception {
        var r = server.postJson("/v1/music/detailed?output_format=pcm_16000", Map.of("prompt", "epic orchestral strings in C minor", "music_length_ms", 12_000));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/music/detailed", r);
        String type = r.header("content-type");
        assertThat(type).startsWith("multipart/mixed; boundary=");
        String boundary = "--" + type.substring(type.indexOf("boundary=") + 9);
        String text = new String(r.body(), StandardCharsets.ISO_8859_1);
        String[] parts = text.split(java.util.regex.Pattern.quote(boundary));
        assertThat(parts).hasSize(4); // "", json, audio, "--\r\n"
        assertThat(parts[1]).startsWith("\r\nContent-Type: application/json\r\n\r\n");
        JsonNode meta = Json.MAPPER.readTree(parts[1].substring(parts[1].indexOf("\r\n\r\n") + 4).strip());
        assertThat(OpenApiContract.validate("DetailedMusicResponse", meta)).isEmpty();
        assertThat(meta.at("/song_metadata/genres").toString()).contains("classical");
        assertThat(parts[2]).contains("Content-Type: audio/pcm").contains("Content-Disposition: attachment; filename=\"" + r.header("song-id"));
        int audio = parts[2].length() - parts[2].indexOf("\r\n\r\n") - 4 - 2; // minus the CRLF before the closing boundary
        assertThat(audio / 2).isEqualTo(16 * 12_000);
        assertThat(parts[3]).isEqualTo("--\r\n");
    }

    @Test
    void stream_delivers_the_first_section_well_before_the_song_is_rendered() throws Exception {
        var body = Map.of("composition_plan", plan(section("Intro", 4_000, List.of()), section("Verse", 30_000, List.of()),
                section("Chorus", 30_000, List.of()), section("Outro", 20_000, List.of())), "seed", 1);
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.url("/v1/music/stream?output_format=pcm_16000")))
                .header("xi-api-key", TestServer.KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("song-id")).isPresent();
        long first = -1, total = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = r.body()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (first < 0) first = System.nanoTime() - t0;
                total += n;
            }
        }
        long all = System.nanoTime() - t0;
        assertThat(total / 2).isEqualTo(16 * 84_000);
        assertThat(first).as("first audio after %d ms of %d ms", first / 1_000_000, all / 1_000_000).isLessThan(all / 2);
    }

    static double rms(byte[] pcm, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            int s = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            sum += (double) s * s;
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
