package dev.timbre.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.http.Json;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every {@code /v1/studio/projects} route on the fake engine (0.3 s of tone per word): shapes, conversion, bad input. */
@Tag("integration")
class StudioApiTest {
    static final String BASE = "/v1/studio/projects";
    static TestServer server;
    static String voice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        voice = server.firstVoiceId();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String contentJson(String... chapters) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < chapters.length; i++) {
            List<Map<String, Object>> blocks = new ArrayList<>();
            for (String p : chapters[i].split("\\|")) {
                blocks.add(Map.of("sub_type", "p", "nodes", List.of(Map.of("type", "tts_node", "voice_id", voice, "text", p))));
            }
            out.add(Map.of("name", "Chapter " + (char) ('A' + i), "blocks", blocks));
        }
        return Json.write(out);
    }

    static JsonNode create(Multipart form) {
        var r = server.postMultipart(BASE, form);
        OpenApiContract.assertConforms("POST", BASE, r);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("project");
    }

    static JsonNode project(String id) {
        var r = server.get(BASE + "/" + id);
        OpenApiContract.assertConforms("GET", BASE + "/{project_id}", r);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static double seconds(byte[] mp3) {
        Wav.Decoded d = new UploadDecoder().decode(mp3, 16000);
        return d.pcm().length / 2.0 / d.format().sampleRate();
    }

    static JsonNode awaitChapter(String project, String chapter) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = server.get(BASE + "/" + project + "/chapters/" + chapter).json();
            return last[0].get("state").asText().equals("default") && (last[0].get("can_be_downloaded").asBoolean()
                    || !last[0].get("last_conversion_error").isNull());
        });
        return last[0];
    }

    @Test
    void a_project_from_content_json_has_its_chapters_and_converts_chapter_by_chapter() throws Exception {
        JsonNode p = create(new Multipart().field("name", "Two chapters").field("default_title_voice_id", voice)
                .field("default_paragraph_voice_id", voice).field("from_content_json",
                        contentJson("One two three four.|Five six.", "Seven eight nine ten eleven twelve thirteen fourteen.|A b c d e f g h."))
                .field("quality_preset", "standard").field("author", "Ann Author").field("genres", "fiction").field("genres", "mystery"));
        String id = p.get("project_id").asText();
        assertThat(p.get("state").asText()).isEqualTo("default");
        assertThat(p.get("can_be_downloaded").asBoolean()).isFalse();
        JsonNode full = project(id);
        assertThat(full.get("author").asText()).isEqualTo("Ann Author");
        assertThat(full.get("genres")).hasSize(2);
        assertThat(full.get("quality_preset").asText()).isEqualTo("standard");
        assertThat(full.get("chapters")).hasSize(2);
        assertThat(full.get("chapters").get(0).get("statistics").get("paragraphs_unconverted").asInt()).isEqualTo(2);

        var list = server.get(BASE);
        OpenApiContract.assertConforms("GET", BASE, list);
        assertThat(list.json().get("projects").findValuesAsText("project_id")).contains(id);

        var chapters = server.get(BASE + "/" + id + "/chapters");
        OpenApiContract.assertConforms("GET", BASE + "/{project_id}/chapters", chapters);
        String first = chapters.json().get("chapters").get(0).get("chapter_id").asText();
        String second = chapters.json().get("chapters").get(1).get("chapter_id").asText();
        var one = server.get(BASE + "/" + id + "/chapters/" + first);
        OpenApiContract.assertConforms("GET", BASE + "/{project_id}/chapters/{chapter_id}", one);
        assertThat(one.json().get("content").get("blocks")).hasSize(2);
        assertThat(one.json().at("/content/blocks/0/nodes/0/text").asText()).isEqualTo("One two three four.");

        // the whole project: both chapters, then a project snapshot
        var convert = server.postJson(BASE + "/" + id + "/convert", Map.of());
        OpenApiContract.assertConforms("POST", BASE + "/{project_id}/convert", convert);
        assertThat(convert.json().get("status").asText()).isEqualTo("ok");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> project(id).get("state").asText().equals("default") && project(id).get("can_be_downloaded").asBoolean());
        JsonNode done = project(id);
        for (JsonNode c : done.get("chapters")) {
            assertThat(c.get("conversion_progress").asDouble()).isEqualTo(1.0);
            assertThat(c.get("statistics").get("paragraphs_unconverted").asInt()).isZero();
        }

        // chapter snapshots: the second chapter (16 words) is about twice as long as the first (6 words)
        double[] lengths = new double[2];
        int i = 0;
        for (String chapter : List.of(first, second)) {
            var snaps = server.get(BASE + "/" + id + "/chapters/" + chapter + "/snapshots");
            OpenApiContract.assertConforms("GET", BASE + "/{project_id}/chapters/{chapter_id}/snapshots", snaps);
            assertThat(snaps.json().get("snapshots")).hasSize(1);
            String snap = snaps.json().at("/snapshots/0/chapter_snapshot_id").asText();
            var got = server.get(BASE + "/" + id + "/chapters/" + chapter + "/snapshots/" + snap);
            OpenApiContract.assertConforms("GET", BASE + "/{project_id}/chapters/{chapter_id}/snapshots/{chapter_snapshot_id}", got);
            assertThat(got.json().get("character_alignments")).hasSize(2);
            var audio = server.postJson(BASE + "/" + id + "/chapters/" + chapter + "/snapshots/" + snap + "/stream", Map.of("convert_to_mpeg", true));
            assertThat(audio.status()).isEqualTo(200);
            assertThat(audio.header("content-type")).startsWith("audio/mpeg");
            lengths[i++] = seconds(audio.body());
        }
        // words × 0.3 s plus 0.4 s after each block
        assertThat(lengths[0]).isBetween(6 * 0.3 + 0.8 - 0.3, 6 * 0.3 + 0.8 + 0.3);
        assertThat(lengths[1]).isBetween(16 * 0.3 + 0.8 - 0.3, 16 * 0.3 + 0.8 + 0.3);

        var snaps = server.get(BASE + "/" + id + "/snapshots");
        OpenApiContract.assertConforms("GET", BASE + "/{project_id}/snapshots", snaps);
        String snap = snaps.json().at("/snapshots/0/project_snapshot_id").asText();
        var got = server.get(BASE + "/" + id + "/snapshots/" + snap);
        OpenApiContract.assertConforms("GET", BASE + "/{project_id}/snapshots/{project_snapshot_id}", got);
        assertThat(got.json().get("character_alignments")).hasSize(4);
        JsonNode last = got.json().get("character_alignments").get(3);
        assertThat(last.get("character_start_times_seconds").get(0).asDouble()).isGreaterThan(lengths[0]);
        var audio = server.postJson(BASE + "/" + id + "/snapshots/" + snap + "/stream", Map.of());
        assertThat(audio.status()).isEqualTo(200);
        assertThat(seconds(audio.body())).isBetween(lengths[0] + lengths[1] - 0.2, lengths[0] + lengths[1] + 0.2);
        var zip = server.post(BASE + "/" + id + "/snapshots/" + snap + "/archive", "application/json", new byte[0]);
        OpenApiContract.assertConforms("POST", BASE + "/{project_id}/snapshots/{project_snapshot_id}/archive", zip);
        assertThat(zip.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertThat(seconds(in.readAllBytes())).isGreaterThan(1);
            }
        }
        assertThat(names).containsExactly("01 - Chapter A.mp3", "02 - Chapter B.mp3");
    }

    @Test
    void chapters_are_added_edited_converted_alone_and_deleted() {
        String id = create(new Multipart().field("name", "Blank")).get("project_id").asText();
        var added = server.postJson(BASE + "/" + id + "/chapters", Map.of("name", "Fresh"));
        OpenApiContract.assertConforms("POST", BASE + "/{project_id}/chapters", added);
        String chapter = added.json().at("/chapter/chapter_id").asText();
        assertThat(added.json().at("/chapter/content/blocks")).isEmpty();

        var edited = server.postJson(BASE + "/" + id + "/chapters/" + chapter, Map.of("name", "Renamed", "content", Map.of("blocks", List.of(
                Map.of("sub_type", "h1", "nodes", List.of(Map.of("type", "tts_node", "voice_id", voice, "text", "Title words"))),
                Map.of("nodes", List.of(Map.of("type", "tts_node", "voice_id", voice, "text", "Body text here.")))))));
        OpenApiContract.assertConforms("POST", BASE + "/{project_id}/chapters/{chapter_id}", edited);
        assertThat(edited.json().at("/chapter/name").asText()).isEqualTo("Renamed");
        assertThat(edited.json().at("/chapter/content/blocks")).hasSize(2);
        assertThat(edited.json().at("/chapter/statistics/characters_unconverted").asInt()).isEqualTo("Title words".length() + "Body text here.".length());

        var convert = server.postJson(BASE + "/" + id + "/chapters/" + chapter + "/convert", Map.of());
        OpenApiContract.assertConforms("POST", BASE + "/{project_id}/chapters/{chapter_id}/convert", convert);
        JsonNode done = awaitChapter(id, chapter);
        assertThat(done.get("last_conversion_error").isNull()).isTrue();
        assertThat(done.at("/statistics/paragraphs_converted").asInt()).isEqualTo(2);

        // an edit of one block leaves the other converted
        server.postJson(BASE + "/" + id + "/chapters/" + chapter, Map.of("content", Map.of("blocks", List.of(
                Map.of("sub_type", "h1", "nodes", List.of(Map.of("type", "tts_node", "voice_id", voice, "text", "Title words"))),
                Map.of("nodes", List.of(Map.of("type", "tts_node", "voice_id", voice, "text", "Other body text.")))))));
        JsonNode stats = server.get(BASE + "/" + id + "/chapters/" + chapter).json().get("statistics");
        assertThat(stats.get("paragraphs_converted").asInt()).isEqualTo(1);
        assertThat(stats.get("paragraphs_unconverted").asInt()).isEqualTo(1);

        var deleted = server.delete(BASE + "/" + id + "/chapters/" + chapter);
        OpenApiContract.assertConforms("DELETE", BASE + "/{project_id}/chapters/{chapter_id}", deleted);
        assertThat(server.get(BASE + "/" + id + "/chapters/" + chapter).status()).isEqualTo(404);
    }

    @Test
    void a_project_is_updated_given_dictionaries_new_content_and_deleted() {
        String id = create(new Multipart().field("name", "Edit me").field("from_content_json", "Plain text.\n\nSecond paragraph."))
                .get("project_id").asText();
        assertThat(project(id).at("/chapters/0/statistics/paragraphs_unconverted").asInt()).isEqualTo(2);
        var updated = server.postJson(BASE + "/" + id, Map.of("name", "Edited", "default_title_voice_id", voice,
                "default_paragraph_voice_id", voice, "author", "Someone", "volume_normalization", true));
        OpenApiContract.assertConforms("POST", BASE + "/{project_id}", updated);
        assertThat(updated.json().at("/project/name").asText()).isEqualTo("Edited");
        assertThat(updated.json().at("/project/volume_normalization").asBoolean()).isTrue();

        var dict = server.postJson("/v1/pronunciation-dictionaries/add-from-rules", Map.of("name", "d", "rules",
                List.of(Map.of("string_to_replace", "TTS", "type", "alias", "alias", "text to speech"))));
        String dictId = dict.json().get("id").asText();
        var set = server.postJson(BASE + "/" + id + "/pronunciation-dictionaries", Map.of("pronunciation_dictionary_locators",
                List.of(Map.of("pronunciation_dictionary_id", dictId))));
        OpenApiContract.assertConforms("POST", BASE + "/{project_id}/pronunciation-dictionaries", set);
        JsonNode full = project(id);
        assertThat(full.at("/pronunciation_dictionary_locators/0/version_id").asText()).isEqualTo(dict.json().get("version_id").asText());
        assertThat(full.at("/pronunciation_dictionary_versions/0/dictionary_name").asText()).isEqualTo("d");

        var content = server.postMultipart(BASE + "/" + id + "/content", new Multipart()
                .file("from_document", "book.txt", "text/plain", "Chapter 1\n\nIt began.\n\nChapter 2\n\nIt ended.".getBytes(StandardCharsets.UTF_8)));
        OpenApiContract.assertConforms("POST", BASE + "/{project_id}/content", content);
        assertThat(content.status()).as(content.toString()).isEqualTo(200);
        JsonNode chapters = project(id).get("chapters");
        assertThat(chapters.findValuesAsText("name")).containsExactly("Chapter 1", "Chapter 2");

        var deleted = server.delete(BASE + "/" + id);
        OpenApiContract.assertConforms("DELETE", BASE + "/{project_id}", deleted);
        assertThat(deleted.json().get("status").asText()).isEqualTo("ok");
        assertThat(server.get(BASE + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void documents_become_chapters_and_bad_documents_are_refused() {
        String html = "<html><head><title>Web book</title></head><body><h1>Chapter One</h1><p>First words here.</p>"
                + "<h1>Chapter Two</h1><p>Second words here.</p></body></html>";
        JsonNode p = create(new Multipart().field("name", "From HTML")
                .file("from_document", "book.html", "text/html", html.getBytes(StandardCharsets.UTF_8)));
        JsonNode chapters = project(p.get("project_id").asText()).get("chapters");
        assertThat(chapters.findValuesAsText("name")).containsExactly("Chapter One", "Chapter Two");

        var garbage = server.postMultipart(BASE, new Multipart().field("name", "Bad")
                .file("from_document", "book.pdf", "application/pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8)));
        assertThat(garbage.status()).as(garbage.toString()).isEqualTo(400);
        assertThat(garbage.json().at("/detail/status").asText()).isEqualTo("document_unreadable");
        var unsupported = server.postMultipart(BASE, new Multipart().field("name", "Bad")
                .file("from_document", "song.mp3", "audio/mpeg", new byte[] {1, 2, 3}));
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.json().at("/detail/status").asText()).isEqualTo("unsupported_file_type");
    }

    @Test
    void bad_input_gets_elevenlabs_errors() {
        var missing = server.get(BASE + "/nosuchproject");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/detail/status").asText()).isEqualTo("project_not_found");
        String id = create(new Multipart().field("name", "Errors")).get("project_id").asText();
        var chapter = server.get(BASE + "/" + id + "/chapters/nosuchchapter");
        assertThat(chapter.status()).isEqualTo(404);
        assertThat(chapter.json().at("/detail/status").asText()).isEqualTo("chapter_not_found");
        assertThat(server.postJson(BASE + "/" + id + "/chapters/nosuchchapter/convert", Map.of()).status()).isEqualTo(404);
        assertThat(server.get(BASE + "/" + id + "/snapshots/nosnapshot").json().at("/detail/status").asText()).isEqualTo("snapshot_not_found");
        assertThat(server.postJson(BASE + "/nosuchproject/convert", Map.of()).status()).isEqualTo(404);

        var noName = server.postMultipart(BASE, new Multipart().field("from_content_json", "[]"));
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.json().at("/detail/0/loc/1").asText()).isEqualTo("name");
        var badJson = server.postMultipart(BASE, new Multipart().field("name", "x").field("from_content_json", "[{\"blocks\": 3}]"));
        assertThat(badJson.status()).isEqualTo(422);
        var badPreset = server.postMultipart(BASE, new Multipart().field("name", "x").field("quality_preset", "superb"));
        assertThat(badPreset.status()).isEqualTo(422);
        var badVoice = server.postMultipart(BASE, new Multipart().field("name", "x").field("default_paragraph_voice_id", "novoicehere"));
        assertThat(badVoice.status()).isEqualTo(404);
        var twoSources = server.postMultipart(BASE, new Multipart().field("name", "x").field("from_url", "https://example.com/")
                .field("from_content_json", "Text."));
        assertThat(twoSources.status()).isEqualTo(400);
        // the outbound policy: an internal address is never fetched
        var internal = server.postMultipart(BASE, new Multipart().field("name", "x").field("from_url", "http://169.254.169.254/latest/meta-data"));
        assertThat(internal.status()).as(internal.toString()).isEqualTo(400);
        assertThat(internal.json().at("/detail/status").asText()).isEqualTo("url_not_allowed");
        var chapterUrl = server.postJson(BASE + "/" + id + "/chapters", Map.of("name", "c", "from_url", "http://10.1.2.3/page"));
        assertThat(chapterUrl.status()).isEqualTo(400);
        var badUpdate = server.postJson(BASE + "/" + id, Map.of("name", "only name"));
        assertThat(badUpdate.status()).isEqualTo(422);
    }
}
