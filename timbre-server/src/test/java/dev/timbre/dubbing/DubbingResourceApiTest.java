package dev.timbre.dubbing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/dubbing/resource} against the fake engines (an en→en dub of {@link DubbingApiTest#wav} tones): every
 * endpoint's shape against the OpenAPI, the version counting, stale dubs after edits, transcribe/translate/dub and
 * render jobs to complete (edits of one dub in order), and the refusals (unknown dub, segment, speaker, language; edits before the dub finished).
 */
@Tag("integration")
class DubbingResourceApiTest {
    private static final String R = "/v1/dubbing/resource/";
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    private static String dubbed() throws InterruptedException {
        TestServer.Response r = server.postMultipart("/v1/dubbing", new Multipart().file("file", "words.wav", "audio/wav", DubbingApiTest.wav(6))
                .field("target_lang", "en").field("source_lang", "en").field("dubbing_studio", "true"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String id = r.json().get("dubbing_id").asText();
        for (int i = 0; i < 600; i++) {
            String status = server.get("/v1/dubbing/" + id).json().get("status").asText();
            if (status.equals("dubbed")) return id;
            assertThat(status).isEqualTo("dubbing");
            Thread.sleep(100);
        }
        throw new AssertionError("not dubbed");
    }

    private static JsonNode resource(String id) {
        TestServer.Response r = server.get(R + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/dubbing/resource/{dubbing_id}", r);
        return r.json();
    }

    private static int version(TestServer.Response r, String method, String template, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        OpenApiContract.assertConforms(method, template, r);
        return r.json().get("version").asInt();
    }

    @Test
    void edits_segments_redubs_and_renders() throws Exception {
        String id = dubbed();
        JsonNode res = resource(id);
        int v0 = res.get("version").asInt();
        assertThat(res.get("target_languages")).extracting(JsonNode::asText).containsExactly("en");
        assertThat(res.get("speaker_segments").size()).isGreaterThan(0);
        String speaker = res.get("speaker_tracks").fieldNames().next();
        String seg = res.get("speaker_tracks").get(speaker).get("segments").get(0).asText();
        JsonNode first = res.get("speaker_segments").get(seg);
        assertThat(first.get("dubs").get("en").get("audio_stale").asBoolean()).isFalse();
        assertThat(first.get("dubs").get("en").get("media_ref").isObject()).isTrue();
        assertThat(res.get("renders").get("en-mp3").get("status").asText()).isEqualTo("complete");

        // change the source text: the dub goes stale, the version counts up
        int v1 = version(server.patchJson(R + id + "/segment/" + seg + "/en", "{\"text\":\"hello there\"}"),
                "PATCH", "/v1/dubbing/resource/{dubbing_id}/segment/{segment_id}/{language}", 200);
        assertThat(v1).isEqualTo(v0 + 1);
        JsonNode d = resource(id).get("speaker_segments").get(seg).get("dubs").get("en");
        assertThat(d.get("text").asText()).isEqualTo("hello there");
        assertThat(d.get("audio_stale").asBoolean()).isTrue();

        // a new segment, translated and dubbed
        double end = res.get("input").get("duration_secs").asDouble();
        TestServer.Response created = server.postJson(R + id + "/speaker/" + speaker + "/segment",
                Map.of("start_time", end - 0.5, "end_time", end - 0.1, "text", "new words"));
        int v2 = version(created, "POST", "/v1/dubbing/resource/{dubbing_id}/speaker/{speaker_id}/segment", 201);
        assertThat(v2).isEqualTo(v1 + 1);
        String added = created.json().get("new_segment").asText();
        int v3 = version(server.postJson(R + id + "/translate", Map.of("segments", List.of(added), "languages", List.of("en"))),
                "POST", "/v1/dubbing/resource/{dubbing_id}/translate", 200);
        JsonNode translated = awaitEdit(id, v3);
        assertThat(translated.get("operation").asText()).isEqualTo("translate");
        assertThat(translated.get("done").asInt()).isEqualTo(translated.get("total").asInt()).isEqualTo(1);
        assertThat(resource(id).get("speaker_segments").get(added).get("dubs").get("en").get("text").asText()).isEqualTo("new words");
        int v4 = version(server.postJson(R + id + "/dub", "{\"segments\":[\"" + added + "\",\"" + seg + "\"],\"languages\":null}"),
                "POST", "/v1/dubbing/resource/{dubbing_id}/dub", 200);
        assertThat(v4).isEqualTo(v3 + 1);
        JsonNode dubbedEdit = awaitEdit(id, v4);
        assertThat(dubbedEdit.get("done").asInt()).isEqualTo(dubbedEdit.get("total").asInt()).isEqualTo(2);
        JsonNode after = resource(id).get("speaker_segments");
        assertThat(after.get(added).get("dubs").get("en").get("audio_stale").asBoolean()).isFalse();
        assertThat(after.get(seg).get("dubs").get("en").get("audio_stale").asBoolean()).isFalse();
        int v5 = version(server.postJson(R + id + "/transcribe", Map.of("segments", List.of(seg))), "POST",
                "/v1/dubbing/resource/{dubbing_id}/transcribe", 200);
        awaitEdit(id, v5);
        assertThat(resource(id).get("speaker_segments").get(seg).get("text").asText()).contains("word");

        // render wav as a job: processing → complete
        TestServer.Response render = server.postJson(R + id + "/render/en", Map.of("render_type", "wav"));
        int v6 = version(render, "POST", "/v1/dubbing/resource/{dubbing_id}/render/{language}", 200);
        assertThat(v6).isEqualTo(v5 + 1);
        String renderId = render.json().get("render_id").asText();
        JsonNode rendered = null;
        for (int i = 0; i < 300; i++) {
            rendered = resource(id).get("renders").get(renderId);
            if (!rendered.get("status").asText().equals("processing")) break;
            Thread.sleep(100);
        }
        assertThat(rendered.get("status").asText()).as(rendered.toString()).isEqualTo("complete");
        assertThat(rendered.get("type").asText()).isEqualTo("wav");
        assertThat(rendered.get("version").asInt()).isEqualTo(v6);

        // an mp3 render again: the audio endpoint serves the stored one meanwhile, never a 500
        version(server.postJson(R + id + "/render/en", Map.of("render_type", "mp3")), "POST", "/v1/dubbing/resource/{dubbing_id}/render/{language}", 200);
        TestServer.Response audio = server.get("/v1/dubbing/" + id + "/audio/en");
        assertThat(audio.status()).as(audio.toString()).isEqualTo(200);
        assertThat(audio.header("content-type")).startsWith("audio/mpeg");
        v6 = resource(id).get("version").asInt();

        // speakers
        TestServer.Response similar = server.get(R + id + "/speaker/" + speaker + "/similar-voices");
        assertThat(similar.status()).as(similar.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/dubbing/resource/{dubbing_id}/speaker/{speaker_id}/similar-voices", similar);
        String voice = similar.json().get("voices").get(0).get("voice_id").asText();
        int v7 = version(server.patchJson(R + id + "/speaker/" + speaker, "{\"voice_id\":\"" + voice + "\"}"), "PATCH",
                "/v1/dubbing/resource/{dubbing_id}/speaker/{speaker_id}", 200);
        JsonNode track = resource(id).get("speaker_tracks").get(speaker);
        assertThat(track.get("voices").get("en").asText()).isEqualTo(voice);
        assertThat(v7).isEqualTo(v6 + 1);
        assertError(server.patchJson(R + id + "/speaker/" + speaker, "{\"voice_id\":\"nope\"}"), 404, "voice_not_found");
        // a clone fitted to the speaker's speech again: an edit job (one item per language)
        int clone = version(server.patchJson(R + id + "/speaker/" + speaker, "{\"voice_id\":\"track-clone\"}"), "PATCH",
                "/v1/dubbing/resource/{dubbing_id}/speaker/{speaker_id}", 200);
        assertThat(clone).isEqualTo(v7 + 1);
        JsonNode cloned = awaitEdit(id, clone);
        assertThat(cloned.get("operation").asText()).isEqualTo("clone");
        assertThat(cloned.get("done").asInt()).isEqualTo(cloned.get("total").asInt()).isEqualTo(1);
        assertThat(resource(id).get("speaker_tracks").get(speaker).get("voices").has("en")).isTrue();

        // delete a segment
        int v8 = version(server.delete(R + id + "/segment/" + added), "DELETE", "/v1/dubbing/resource/{dubbing_id}/segment/{segment_id}", 200);
        assertThat(v8).isEqualTo(clone + 1);
        assertThat(resource(id).get("speaker_segments").has(added)).isFalse();
        assertError(server.delete(R + id + "/segment/" + added), 404, "segment_not_found");
    }

    /** Waits for the edit answered with {@code version} to end; asserts it completed and returns its entry in {@code edits}. */
    static JsonNode awaitEdit(String id, int version) throws InterruptedException {
        JsonNode edit = null;
        for (int i = 0; i < 600; i++) {
            for (JsonNode e : resource(id).get("edits")) if (e.get("version").asInt() == version) edit = e;
            assertThat(edit).as("edit " + version + " listed").isNotNull();
            if (!Set.of("queued", "processing").contains(edit.get("status").asText())) break;
            Thread.sleep(100);
        }
        assertThat(edit.get("status").asText()).as(edit.toString()).isEqualTo("complete");
        return edit;
    }

    @Test
    void edits_queued_together_run_in_order() throws Exception {
        String id = dubbed();
        JsonNode res = resource(id);
        String seg = res.get("speaker_segments").fieldNames().next();
        version(server.patchJson(R + id + "/segment/" + seg + "/en", "{\"text\":\"changed words\"}"),
                "PATCH", "/v1/dubbing/resource/{dubbing_id}/segment/{segment_id}/{language}", 200);
        // translate then dub at once: the dub waits for the translation (which makes the dub stale), so it ends fresh
        int translate = version(server.postJson(R + id + "/translate", Map.of("segments", List.of(seg))), "POST",
                "/v1/dubbing/resource/{dubbing_id}/translate", 200);
        int dub = version(server.postJson(R + id + "/dub", Map.of("segments", List.of())), "POST", "/v1/dubbing/resource/{dubbing_id}/dub", 200);
        assertThat(dub).isEqualTo(translate + 1);
        JsonNode queued = resource(id).get("edits");
        assertThat(queued).extracting(e -> e.get("operation").asText()).containsExactly("translate", "dub");
        awaitEdit(id, translate);
        JsonNode done = awaitEdit(id, dub);
        assertThat(done.get("total").asInt()).isEqualTo(res.get("speaker_segments").size());
        JsonNode after = resource(id).get("speaker_segments").get(seg).get("dubs").get("en");
        assertThat(after.get("text").asText()).isEqualTo(res.get("speaker_segments").get(seg).get("text").asText()); // en→en
        assertThat(after.get("audio_stale").asBoolean()).as("dubbed after the translation").isFalse();
    }

    @Test
    void refuses_bad_edits_with_elevenlabs_errors() throws Exception {
        assertError(server.get(R + "nope"), 404, "dubbing_not_found");
        assertError(server.postJson(R + "nope/dub", Map.of("segments", List.of())), 404, "dubbing_not_found");
        String id = dubbed();
        JsonNode res = resource(id);
        String speaker = res.get("speaker_tracks").fieldNames().next();
        String seg = res.get("speaker_segments").fieldNames().next();
        assertError(server.patchJson(R + id + "/segment/nope/en", "{\"text\":\"x\"}"), 404, "segment_not_found");
        assertError(server.patchJson(R + id + "/segment/" + seg + "/fr", "{\"text\":\"x\"}"), 404, "language_not_found");
        assertError(server.patchJson(R + id + "/segment/" + seg + "/en", "{\"start_time\":5,\"end_time\":2}"), 422, null);
        assertError(server.postJson(R + id + "/speaker/nope/segment", Map.of("start_time", 0, "end_time", 1)), 404, "speaker_not_found");
        assertError(server.postJson(R + id + "/speaker/" + speaker + "/segment", Map.of("end_time", 1)), 422, null);
        assertError(server.postJson(R + id + "/translate", Map.of("segments", List.of("nope"))), 404, "segment_not_found");
        assertError(server.postJson(R + id + "/dub", Map.of("segments", List.of(seg), "languages", List.of("fr"))), 404, "language_not_found");
        assertError(server.postJson(R + id + "/transcribe", "{}"), 422, null);
        assertError(server.postJson(R + id + "/render/en", Map.of("render_type", "gif")), 422, null);
        assertError(server.postJson(R + id + "/render/en", Map.of("render_type", "aaf")), 400, "unsupported_render_type");
        assertError(server.postJson(R + id + "/render/en", Map.of("render_type", "mp4")), 400, "unsupported_render_type");
        assertError(server.postJson(R + id + "/render/fr", Map.of("render_type", "mp3")), 404, "language_not_found");
        assertError(server.postJson(R + id + "/language", Map.of("language", "en")), 400, "language_exists");
        assertError(server.postJson(R + id + "/language", Map.of("language", "de")), 400, "unsupported_language"); // tone voice: English only
        assertError(server.postJson(R + id + "/language", Map.of("language", "xx")), 422, null);
        assertError(server.get(R + id + "/speaker/nope/similar-voices"), 404, "speaker_not_found");
        assertThat(resource(id).get("version").asInt()).isEqualTo(res.get("version").asInt()); // nothing refused counted

        // edits before the dub finished: 425
        TestServer.Response r = server.postMultipart("/v1/dubbing", new Multipart().file("file", "long.wav", "audio/wav", DubbingApiTest.wav(60))
                .field("target_lang", "en").field("source_lang", "en"));
        String running = r.json().get("dubbing_id").asText();
        TestServer.Response early = server.postJson(R + running + "/dub", Map.of("segments", List.of()));
        if (server.get("/v1/dubbing/" + running).json().get("status").asText().equals("dubbing")) assertError(early, 425, "dubbing_not_dubbed");
    }

    static void assertError(TestServer.Response r, int status, String code) {
        DubbingApiTest.assertError(r, status, code);
    }
}
