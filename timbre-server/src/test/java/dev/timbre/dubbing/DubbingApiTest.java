package dev.timbre.dubbing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/dubbing} against the fake engines (the recogniser hears a word per voiced 0.3 s; the tone voice speaks
 * English only): shapes against the OpenAPI, the refusals, listing and paging, delete, and an en→en dub run whole.
 */
@Tag("integration")
public class DubbingApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    /** Words of 0.3 s (tones of alternating pitch), 0.7 s apart. */
    public static byte[] wav(int words) {
        int rate = 16000, word = (int) (0.3 * rate), gap = (int) (0.7 * rate);
        short[] x = new short[gap + words * (word + gap)];
        for (int w = 0; w < words; w++) {
            double f = w % 2 == 0 ? 220 : 330;
            int at = gap + w * (word + gap);
            for (int i = 0; i < word; i++) x[at + i] = (short) (9000 * Math.sin(2 * Math.PI * f * i / rate) * (1 + 0.5 * Math.sin(2 * Math.PI * 4 * i / rate)) / 1.5);
        }
        return Wav.wrap(Pcm.toBytes(x), new PcmFormat(rate));
    }

    static TestServer.Response create(Multipart form) {
        return server.postMultipart("/v1/dubbing", form);
    }

    static Multipart form(String target) {
        return new Multipart().file("file", "words.wav", "audio/wav", wav(6)).field("target_lang", target);
    }

    static void assertError(TestServer.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        if (code != null) assertThat(r.json().at("/detail/status").asText()).as(r.text()).isEqualTo(code);
        else assertThat(r.json().get("detail").isArray()).as(r.text()).isTrue();
    }

    static JsonNode finished(String id) throws InterruptedException {
        return finishedOn(server, id);
    }

    /** Polls {@code server} until dub {@code id} is no longer {@code dubbing}; its metadata (checked against the OpenAPI). */
    static JsonNode finishedOn(TestServer server, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            TestServer.Response r = server.get("/v1/dubbing/" + id);
            assertThat(r.status()).isEqualTo(200);
            OpenApiContract.assertConforms("GET", "/v1/dubbing/{dubbing_id}", r);
            if (!r.json().get("status").asText().equals("dubbing")) return r.json();
            Thread.sleep(100);
        }
        throw new AssertionError("dub " + id + " did not finish");
    }

    @Test
    void dubs_a_file_and_serves_its_audio_and_transcripts() throws Exception {
        TestServer.Response r = create(form("en").field("source_lang", "en").field("name", "Tones"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/dubbing", r);
        String id = r.json().get("dubbing_id").asText();
        JsonNode d = finished(id);
        assertThat(d.get("status").asText()).as(d.toString()).isEqualTo("dubbed");
        assertThat(d.get("name").asText()).isEqualTo("Tones");
        assertThat(d.get("target_languages")).extracting(JsonNode::asText).containsExactly("en");
        assertThat(d.get("media_metadata").get("content_type").asText()).isEqualTo("audio/wav");
        assertThat(d.get("error").isNull()).isTrue();

        TestServer.Response audio = server.get("/v1/dubbing/" + id + "/audio/en");
        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.header("content-type")).startsWith("audio/mpeg");
        assertThat(audio.body().length).isGreaterThan(1000);
        TestServer.Response srt = server.get("/v1/dubbing/" + id + "/transcript/en");
        assertThat(srt.status()).isEqualTo(200);
        assertThat(srt.header("content-type")).startsWith("application/json");
        assertThat(srt.json().asText()).startsWith("1\n00:00:0").contains(" --> ").contains("word");
        TestServer.Response vtt = server.get("/v1/dubbing/" + id + "/transcript/en?format_type=webvtt");
        assertThat(vtt.json().asText()).startsWith("WEBVTT\n\n00:00:0");
        assertError(server.get("/v1/dubbing/" + id + "/transcript/en?format_type=docx"), 422, null);
        assertError(server.get("/v1/dubbing/" + id + "/audio/fr"), 404, "dubbing_not_found");
        assertError(server.get("/v1/dubbing/" + id + "/transcript/fr"), 404, "transcript_not_found");

        TestServer.Response deleted = server.delete("/v1/dubbing/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        OpenApiContract.assertConforms("DELETE", "/v1/dubbing/{dubbing_id}", deleted);
        assertThat(deleted.json().get("status").asText()).isEqualTo("ok");
        assertError(server.get("/v1/dubbing/" + id), 404, "dubbing_not_found");
        assertError(server.delete("/v1/dubbing/" + id), 404, "dubbing_not_found");
        assertError(server.get("/v1/dubbing/" + id + "/audio/en"), 404, "dubbing_not_found");
    }

    @Test
    void lists_newest_first_with_filters_and_a_cursor() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestServer.Response r = create(form("en").field("name", "list " + i));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            ids.add(r.json().get("dubbing_id").asText());
            Thread.sleep(5);
        }
        for (String id : ids) finished(id);
        TestServer.Response page = server.get("/v1/dubbing?page_size=2");
        assertThat(page.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/dubbing", page);
        assertThat(page.json().get("dubs")).hasSize(2);
        assertThat(page.json().get("has_more").asBoolean()).isTrue();
        assertThat(page.json().get("dubs").get(0).get("dubbing_id").asText()).isEqualTo(ids.get(2));
        TestServer.Response next = server.get("/v1/dubbing?page_size=2&cursor=" + page.json().get("next_cursor").asText());
        assertThat(next.json().get("dubs").get(0).get("dubbing_id").asText()).isEqualTo(ids.get(0));
        TestServer.Response oldest = server.get("/v1/dubbing?page_size=1&order_by=created_at&order_direction=ASCENDING&dubbing_status=dubbed");
        assertThat(oldest.json().get("dubs").get(0).get("status").asText()).isEqualTo("dubbed");
        assertThat(server.get("/v1/dubbing?dubbing_status=failed").json().get("dubs")).allSatisfy(d -> assertThat(d.get("status").asText()).isEqualTo("failed"));
        assertThat(server.get("/v1/dubbing?filter_by_creator=others").json().get("dubs")).isEmpty();
        assertError(server.get("/v1/dubbing?page_size=201"), 422, null);
        assertError(server.get("/v1/dubbing?dubbing_status=done"), 422, null);
        assertError(server.get("/v1/dubbing?cursor=not-a-cursor"), 422, null);
        for (String id : ids) assertThat(server.delete("/v1/dubbing/" + id).status()).isEqualTo(200);
    }

    @Test
    void refuses_bad_requests_with_elevenlabs_errors() {
        assertError(create(new Multipart().field("target_lang", "en")), 422, null);
        assertError(create(new Multipart().file("file", "a.wav", "audio/wav", wav(2))), 422, null);
        assertError(create(form("xx")), 422, null);
        assertError(create(form("es")), 400, "unsupported_language"); // no engine here speaks Spanish
        assertError(create(form("en").field("source_lang", "zh")), 400, "unsupported_language");
        assertError(create(form("en").field("source_lang", "de")), 400, "unsupported_language_pair");
        assertError(create(form("en").field("num_speakers", "40")), 422, null);
        assertError(create(form("en").field("start_time", "5").field("end_time", "2")), 422, null);
        assertError(create(form("en").field("start_time", "500")), 400, "invalid_time_range");
        assertError(create(form("en").field("mode", "studio")), 422, null);
        assertError(create(form("en").field("mode", "manual")), 422, null); // manual needs a csv_file and dubbing_studio
        assertError(create(form("en").field("source_lang", "en").file("csv_file", "a.csv", "text/csv", "a,b".getBytes())), 422, null);
        assertError(create(new Multipart().file("file", "a.txt", "text/plain", "not media at all".getBytes()).field("target_lang", "en")), 400, "invalid_media");
        assertError(create(form("en").field("source_url", "http://127.0.0.1:1/a.wav")), 422, null);
        TestServer.Response url = create(new Multipart().field("source_url", "http://127.0.0.1:1/a.wav").field("target_lang", "en"));
        assertError(url, 400, "source_url_unreadable");
        assertError(server.get("/v1/dubbing/nope"), 404, "dubbing_not_found");
        assertError(server.get("/v1/dubbing/bad%20id"), 404, "dubbing_not_found");
        assertError(server.get("/v1/dubbing/nope/transcript/en"), 404, "dubbing_not_found");
    }
}
