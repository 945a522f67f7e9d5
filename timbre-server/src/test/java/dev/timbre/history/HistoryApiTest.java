package dev.timbre.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.http.Json;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class HistoryApiTest {
    static TestServer server;
    static byte[] mp3;
    static byte[] wav;
    static final List<HistoryItem> seeded = new ArrayList<>(); // oldest first

    @BeforeAll
    static void start() {
        server = TestServer.start();
        byte[] pcm = tone(16000, 0.3);
        mp3 = AudioEncoder.encodeAll(pcm, 16000, OutputFormat.DEFAULT);
        wav = Wav.wrap(pcm, new PcmFormat(16000));
        seeded.add(record("voiceA", "eleven_multilingual_v2", "The first alpha sentence.", "TTS", mp3));
        seeded.add(record("voiceA", "eleven_flash_v2_5", "A second ALPHA line, 100% true_ish.", "TTS", mp3));
        seeded.add(record("voiceB", "eleven_multilingual_v2", "Third line from voice b.", "TTS", wav));
        seeded.add(record("voiceB", "eleven_english_sts_v2", "Fourth, converted speech.", "STS", mp3));
        seeded.add(record("voiceC", "eleven_multilingual_v2", "Fifth and newest alpha.", "TTS", mp3));
    }

    @AfterAll
    static void stop() { server.close(); }

    static HistoryItem record(String voiceId, String modelId, String text, String source, byte[] audio) {
        boolean isWav = audio[0] == 'R';
        var settings = Json.MAPPER.createObjectNode().put("stability", 0.5).put("similarity_boost", 0.75);
        return server.timbre().services().history().record(new NewHistoryItem("req-" + text.length(), voiceId, "Voice " + voiceId, "premade",
                modelId, text, 10, 10 + text.length(), settings, source, isWav ? "wav_16000" : "mp3_44100_128",
                isWav ? "audio/wav" : "audio/mpeg", audio));
    }

    static byte[] tone(int rate, double seconds) {
        int n = (int) (rate * seconds);
        ByteBuffer b = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        return b.array();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("history").forEach(h -> ids.add(h.get("history_item_id").asText()));
        return ids;
    }

    static List<String> seededIdsNewestFirst() {
        List<String> ids = new ArrayList<>(seeded.stream().map(HistoryItem::historyItemId).toList());
        java.util.Collections.reverse(ids);
        return ids;
    }

    @Test
    void lists_items_newest_first_with_every_field() {
        var r = server.get("/v1/history");
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/history", r);
        assertThat(ids(r.json())).containsSubsequence(seededIdsNewestFirst());
        assertThat(r.json().get("has_more").asBoolean()).isFalse();
        JsonNode first = r.json().get("history").get(0);
        for (String field : List.of("history_item_id", "request_id", "voice_id", "model_id", "voice_name", "voice_category", "text",
                "date_unix", "character_count_change_from", "character_count_change_to", "content_type", "state", "settings",
                "feedback", "share_link_id", "source", "alignments", "dialogue", "output_format")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        JsonNode newest = r.json().get("history").get(0);
        assertThat(newest.get("state").asText()).isEqualTo("created");
        assertThat(newest.get("settings").get("stability").asDouble()).isEqualTo(0.5);
        assertThat(Math.abs(newest.get("date_unix").asLong() - System.currentTimeMillis() / 1000)).isLessThan(3600);
        assertThat(newest.get("character_count_change_to").asLong()).isGreaterThan(newest.get("character_count_change_from").asLong());
        assertThat(r.json().get("last_history_item_id").asText()).isEqualTo(ids(r.json()).get(ids(r.json()).size() - 1));
    }

    @Test
    void paging_with_start_after_visits_every_item_once() {
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 100; pages++) {
            var r = server.get("/v1/history?page_size=2" + (after == null ? "" : "&start_after_history_item_id=" + after));
            assertThat(r.status()).isEqualTo(200);
            OpenApiContract.assertConforms("GET", "/v1/history", r);
            List<String> page = ids(r.json());
            assertThat(page.size()).isLessThanOrEqualTo(2);
            seen.addAll(page);
            if (!r.json().get("has_more").asBoolean()) break;
            after = r.json().get("last_history_item_id").asText();
            assertThat(after).isEqualTo(page.get(page.size() - 1));
        }
        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        assertThat(seen).containsSubsequence(seededIdsNewestFirst());
        assertThat(seen).isEqualTo(ids(server.get("/v1/history?page_size=1000").json()));
    }

    @Test
    void paging_ascending_visits_every_item_once_oldest_first() {
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 100; pages++) {
            var r = server.get("/v1/history?sort_direction=asc&page_size=3" + (after == null ? "" : "&start_after_history_item_id=" + after));
            seen.addAll(ids(r.json()));
            if (!r.json().get("has_more").asBoolean()) break;
            after = r.json().get("last_history_item_id").asText();
        }
        List<String> desc = new ArrayList<>(ids(server.get("/v1/history").json()));
        java.util.Collections.reverse(desc);
        assertThat(seen).isEqualTo(desc);
    }

    @Test
    void filters_by_voice_model_source_and_date() {
        assertThat(ids(server.get("/v1/history?voice_id=voiceB").json()))
                .containsExactly(seeded.get(3).historyItemId(), seeded.get(2).historyItemId());
        assertThat(ids(server.get("/v1/history?model_id=eleven_flash_v2_5").json())).containsExactly(seeded.get(1).historyItemId());
        assertThat(ids(server.get("/v1/history?source=STS").json())).containsExactly(seeded.get(3).historyItemId());
        long now = System.currentTimeMillis() / 1000;
        assertThat(ids(server.get("/v1/history?date_before_unix=" + (now - 86400)).json())).isEmpty();
        assertThat(ids(server.get("/v1/history?date_after_unix=" + (now - 86400)).json())).containsAll(seededIdsNewestFirst());
        assertThat(ids(server.get("/v1/history?date_after_unix=" + (now + 86400)).json())).isEmpty();
    }

    @Test
    void search_matches_text_ignoring_case_and_treats_wildcards_literally() {
        assertThat(ids(server.get("/v1/history?search=alpha").json()))
                .containsExactly(seeded.get(4).historyItemId(), seeded.get(1).historyItemId(), seeded.get(0).historyItemId());
        assertThat(ids(server.get("/v1/history?search=100%25").json())).containsExactly(seeded.get(1).historyItemId());
        assertThat(ids(server.get("/v1/history?search=e_ish").json())).containsExactly(seeded.get(1).historyItemId());
        assertThat(ids(server.get("/v1/history?search=_").json())).containsExactly(seeded.get(1).historyItemId());
        assertThat(ids(server.get("/v1/history?search=nothing-matches-this").json())).isEmpty();
    }

    @Test
    void gets_one_item() {
        HistoryItem item = seeded.get(2);
        var r = server.get("/v1/history/" + item.historyItemId());
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/history/{history_item_id}", r);
        assertThat(r.json().get("text").asText()).isEqualTo(item.text());
        assertThat(r.json().get("voice_id").asText()).isEqualTo("voiceB");
        assertThat(r.json().get("content_type").asText()).isEqualTo("audio/wav");
        assertThat(r.json().get("output_format").asText()).isEqualTo("wav_16000");
    }

    @Test
    void audio_is_the_stored_bytes_with_the_stored_content_type() {
        var r = server.get("/v1/history/" + seeded.get(0).historyItemId() + "/audio");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("audio/mpeg");
        assertThat(r.body()).isEqualTo(mp3);
        var w = server.get("/v1/history/" + seeded.get(2).historyItemId() + "/audio");
        assertThat(w.header("content-type")).isEqualTo("audio/wav");
        assertThat(w.body()).isEqualTo(wav);
    }

    @Test
    void download_of_one_item_is_its_audio() {
        var r = server.postJson("/v1/history/download", Map.of("history_item_ids", List.of(seeded.get(0).historyItemId())));
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/history/download", r);
        assertThat(r.header("content-type")).isEqualTo("audio/mpeg");
        assertThat(r.body()).isEqualTo(mp3);
    }

    @Test
    void download_of_several_items_is_a_zip_with_one_entry_each() throws IOException {
        List<String> want = List.of(seeded.get(0).historyItemId(), seeded.get(2).historyItemId(), seeded.get(0).historyItemId());
        var r = server.postJson("/v1/history/download", Map.of("history_item_ids", want));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("application/zip");
        Map<String, byte[]> entries = unzip(r.body());
        assertThat(entries).containsOnlyKeys(want.get(0) + ".mp3", want.get(1) + ".wav");
        assertThat(entries.get(want.get(0) + ".mp3")).isEqualTo(mp3);
        assertThat(entries.get(want.get(1) + ".wav")).isEqualTo(wav);
    }

    @Test
    void download_as_wav_transcodes_mp3() throws IOException {
        var one = server.postJson("/v1/history/download", Map.of("history_item_ids", List.of(seeded.get(0).historyItemId()), "output_format", "wav"));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("content-type")).isEqualTo("audio/wav");
        assertThat(Wav.read(one.body()).pcm().length).isGreaterThan(0);
        var zip = server.postJson("/v1/history/download", Map.of("history_item_ids",
                List.of(seeded.get(0).historyItemId(), seeded.get(1).historyItemId()), "output_format", "wav"));
        assertThat(unzip(zip.body()).keySet()).allMatch(n -> n.endsWith(".wav")).hasSize(2);
        var bad = server.postJson("/v1/history/download", Map.of("history_item_ids", List.of(seeded.get(0).historyItemId()), "output_format", "flac"));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void download_rejects_bad_bodies_and_unknown_ids() {
        assertThat(server.postJson("/v1/history/download", Map.of()).status()).isEqualTo(422);
        assertThat(server.postJson("/v1/history/download", Map.of("history_item_ids", List.of())).status()).isEqualTo(422);
        assertThat(server.postJson("/v1/history/download", "{\"history_item_ids\": \"abc\"}").status()).isEqualTo(422);
        assertThat(server.postJson("/v1/history/download", "not json").status()).isEqualTo(422);
        var r = server.postJson("/v1/history/download", Map.of("history_item_ids", List.of(seeded.get(0).historyItemId(), "noSuchItem")));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").get("status").asText()).isEqualTo("history_item_not_found");
        assertThat(server.postJson("/v1/history/download", Map.of("history_item_ids", List.of("../../etc/passwd"))).status()).isEqualTo(404);
        List<String> tooMany = java.util.stream.IntStream.rangeClosed(0, HistoryService.MAX_DOWNLOAD_ITEMS).mapToObj(i -> "item" + i).toList();
        var many = server.postJson("/v1/history/download", Map.of("history_item_ids", tooMany));
        assertThat(many.status()).isEqualTo(422);
        assertThat(many.json().at("/detail/0/type").asText()).isEqualTo("too_long");
        assertThat(many.json().at("/detail/0/loc/1").asText()).isEqualTo("history_item_ids");
    }

    @Test
    void delete_removes_the_item_and_its_audio() throws IOException {
        HistoryItem item = record("voiceD", "eleven_multilingual_v2", "Short-lived item.", "TTS", mp3);
        Path blob = server.dataDir().resolve("blobs/history/" + item.historyItemId() + ".mp3");
        assertThat(blob).exists();
        var r = server.delete("/v1/history/" + item.historyItemId());
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("DELETE", "/v1/history/{history_item_id}", r);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
        assertThat(blob).doesNotExist();
        assertThat(server.get("/v1/history/" + item.historyItemId()).status()).isEqualTo(404);
        assertThat(server.get("/v1/history/" + item.historyItemId() + "/audio").status()).isEqualTo(404);
        assertThat(server.delete("/v1/history/" + item.historyItemId()).status()).isEqualTo(404);
        assertThat(ids(server.get("/v1/history?voice_id=voiceD").json())).isEmpty();
    }

    @Test
    void unknown_items_are_404_with_an_error_body() {
        var r = server.get("/v1/history/noSuchItem123");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").get("status").asText()).isEqualTo("history_item_not_found");
        assertThat(server.get("/v1/history/noSuchItem123/audio").status()).isEqualTo(404);
    }

    @Test
    void odd_path_ids_never_reach_storage() throws IOException {
        Path secret = Files.writeString(server.dataDir().resolve("secret.mp3"), "secret");
        for (String path : List.of("/v1/history/..%2Fsecret/audio", "/v1/history/%2E%2E/audio", "/v1/history/a%20b",
                "/v1/history/a.b/audio", "/v1/history/" + "x".repeat(300), "/v1/history/%00/audio", "/v1/history/..%5Csecret")) {
            var r = server.send(server.builder("/").uri(URI.create(server.url(path))).GET());
            assertThat(r.status()).as(path).isIn(400, 404, 422);
            assertThat(r.text()).as(path).doesNotContain("secret\"").isNotEqualTo("secret");
        }
        var r = server.delete("/v1/history/..%2F..%2Fsecret.mp3");
        assertThat(r.status()).isIn(400, 404, 422);
        assertThat(secret).exists();
    }

    @Test
    void bad_query_values_are_422() {
        for (String q : List.of("page_size=0", "page_size=1001", "page_size=abc", "sort_direction=up", "source=XYZ",
                "date_before_unix=yesterday", "start_after_history_item_id=noSuchItem")) {
            var r = server.get("/v1/history?" + q);
            assertThat(r.status()).as(q).isEqualTo(422);
            OpenApiContract.assertConforms("GET", "/v1/history", r);
            assertThat(r.json().get("detail").get(0).get("loc").get(0).asText()).isEqualTo("query");
        }
        assertThat(server.get("/v1/history?page_size=1000").status()).isEqualTo(200);
    }

    @Test
    void requests_without_a_valid_key_are_401() {
        for (String path : List.of("/v1/history", "/v1/history/" + seeded.get(0).historyItemId(), "/v1/history/" + seeded.get(0).historyItemId() + "/audio")) {
            var r = server.send(HttpRequest.newBuilder(URI.create(server.url(path))).GET());
            assertThat(r.status()).as(path).isEqualTo(401);
            var wrong = server.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("xi-api-key", "wrong").GET());
            assertThat(wrong.status()).isEqualTo(401);
        }
        var post = server.send(HttpRequest.newBuilder(URI.create(server.url("/v1/history/download")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"history_item_ids\":[\"x\"]}")));
        assertThat(post.status()).isEqualTo(401);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }
}
