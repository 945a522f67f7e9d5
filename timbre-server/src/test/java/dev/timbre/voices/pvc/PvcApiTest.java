package dev.timbre.voices.pvc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.Wav;
import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The 14 PVC endpoints on the fake engines: shapes against the OpenAPI, the refusals, separation and training jobs. */
@Tag("integration")
class PvcApiTest {
    static final String PVC = "/v1/voices/pvc";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withLimits(new TimbreConfig.Limits(4L * 1024 * 1024, 400_000)));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static String create(String name) {
        var r = server.postJson(PVC, Map.of("name", name, "language", "en", "labels", Map.of("accent", "british")));
        OpenApiContract.assertConforms("POST", PVC, r);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("voice_id").asText();
    }

    static List<String> addSamples(String voiceId, byte[]... wavs) {
        Multipart form = new Multipart();
        for (int i = 0; i < wavs.length; i++) form.file("files", "take-" + i + ".wav", "audio/wav", wavs[i]);
        var r = server.postMultipart(PVC + "/" + voiceId + "/samples", form);
        OpenApiContract.assertConforms("POST", PVC + "/{voice_id}/samples", r);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json()).hasSize(wavs.length);
        return java.util.stream.StreamSupport.stream(r.json().spliterator(), false).map(s -> s.get("sample_id").asText()).toList();
    }

    static void assertError(TestServer.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().get("detail").get("status").asText()).as(r.toString()).isEqualTo(code);
        assertThat(r.json().get("detail").get("message").asText()).isNotBlank();
    }

    static JsonNode poll(String path, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < end) {
            last = server.get(path).json();
            if (done.test(last)) return last;
            Thread.sleep(100);
        }
        throw new AssertionError("not done in time: " + last);
    }

    static void markVerified(TestServer s, String voiceId) {
        s.timbre().database().jdbi().useHandle(h -> h.execute("UPDATE pvc_voices SET verified = TRUE WHERE voice_id = ?", voiceId));
    }

    @Test
    void create_edit_and_the_voice_response_shows_pvc_state() {
        String id = create("Narrator");
        var got = server.get("/v1/voices/" + id);
        OpenApiContract.assertConforms("GET", "/v1/voices/{voice_id}", got);
        JsonNode v = got.json();
        assertThat(v.get("category").asText()).isEqualTo("professional");
        assertThat(v.get("labels").get("accent").asText()).isEqualTo("british");
        JsonNode ft = v.get("fine_tuning");
        assertThat(ft.get("language").asText()).isEqualTo("en");
        assertThat(ft.get("is_allowed_to_fine_tune").asBoolean()).isFalse();
        assertThat(ft.get("state").size()).isPositive();
        ft.get("state").forEach(s -> assertThat(s.asText()).isEqualTo("not_started"));
        assertThat(v.get("voice_verification").get("requires_verification").asBoolean()).isTrue();

        var edit = server.postJson(PVC + "/" + id, Map.of("name", "Narrator Two", "language", "de"));
        OpenApiContract.assertConforms("POST", PVC + "/{voice_id}", edit);
        assertThat(edit.json().get("voice_id").asText()).isEqualTo(id);
        JsonNode after = server.get("/v1/voices/" + id).json();
        assertThat(after.get("name").asText()).isEqualTo("Narrator Two");
        assertThat(after.get("fine_tuning").get("language").asText()).isEqualTo("de");
        assertThat(after.get("labels").get("accent").asText()).isEqualTo("british");
        assertThat(server.get("/v2/voices?category=professional").json().get("voices").findValuesAsText("voice_id")).contains(id);
    }

    @Test
    void create_and_edit_refuse_bad_bodies() {
        var noLanguage = server.postJson(PVC, Map.of("name", "x"));
        OpenApiContract.assertConforms("POST", PVC, noLanguage);
        assertThat(noLanguage.status()).isEqualTo(422);
        assertThat(noLanguage.json().get("detail").get(0).get("loc").toString()).contains("language");
        var longName = server.postJson(PVC, Map.of("name", "n".repeat(101), "language", "en"));
        assertThat(longName.status()).isEqualTo(422);
        assertError(server.postJson(PVC + "/nosuchvoice", Map.of("name", "x")), 404, "voice_not_found");
        String premade = server.firstVoiceId();
        assertError(server.postJson(PVC + "/" + premade, Map.of("name", "x")), 400, "voice_not_professional");
        var ivc = server.postMultipart("/v1/voices/add", new Multipart().field("name", "instant")
                .file("files", "a.wav", "audio/wav", PvcAudio.wav(1, 1, 150)));
        String ivcId = ivc.json().get("voice_id").asText();
        assertError(server.post(PVC + "/" + ivcId + "/train", "application/json", "{}".getBytes()), 400, "voice_not_professional");
        assertError(server.get(PVC + "/" + ivcId + "/captcha"), 400, "voice_not_professional");
    }

    @Test
    void samples_audio_waveform_update_and_delete() {
        String id = create("Samples");
        byte[] wav = PvcAudio.wav(1.5, 2, 140);
        List<String> ids = addSamples(id, wav, PvcAudio.wav(1.0, 1, 150));
        String sample = ids.get(0);

        var audio = server.get(PVC + "/" + id + "/samples/" + sample + "/audio?remove_background_noise=false");
        OpenApiContract.assertConforms("GET", PVC + "/{voice_id}/samples/{sample_id}/audio", audio);
        assertThat(audio.json().get("media_type").asText()).isEqualTo("audio/wav");
        Wav.Decoded d = Wav.read(Base64.getDecoder().decode(audio.json().get("audio_base_64").asText()));
        assertThat(d.format().seconds(d.pcm().length)).isCloseTo(3.8, org.assertj.core.data.Offset.offset(0.01));
        assertThat(audio.json().get("duration_secs").asDouble()).isCloseTo(3.8, org.assertj.core.data.Offset.offset(0.01));

        var wave = server.get(PVC + "/" + id + "/samples/" + sample + "/waveform");
        OpenApiContract.assertConforms("GET", PVC + "/{voice_id}/samples/{sample_id}/waveform", wave);
        JsonNode points = wave.json().get("visual_waveform");
        assertThat(points.size()).isEqualTo(190); // 3.8 s at one point per 20 ms; at most WAVEFORM_POINTS
        points.forEach(p -> assertThat(p.asDouble()).isBetween(0.0, 1.0));
        assertThat(points.get(0).asDouble()).isGreaterThan(0.1); // speech at the start, silence in the gap
        assertThat(points.get(points.size() - 1).asDouble()).isLessThan(0.01);

        var trim = server.postJson(PVC + "/" + id + "/samples/" + sample, Map.of("trim_start_time", 500, "trim_end_time", 1500));
        OpenApiContract.assertConforms("POST", PVC + "/{voice_id}/samples/{sample_id}", trim);
        assertThat(trim.status()).as(trim.toString()).isEqualTo(200);
        JsonNode shownSample = server.get("/v1/voices/" + id).json().get("samples").get(0);
        assertThat(shownSample.get("trim_start").asInt()).isEqualTo(500);
        assertThat(shownSample.get("trim_end").asInt()).isEqualTo(1500);
        assertThat(server.get(PVC + "/" + id + "/samples/" + sample + "/audio").json().get("duration_secs").asDouble())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
        assertError(server.postJson(PVC + "/" + id + "/samples/" + sample, Map.of("trim_start_time", 900, "trim_end_time", 100)), 400, "invalid_trim");
        assertError(server.postJson(PVC + "/" + id + "/samples/" + sample, Map.of("selected_speaker_ids", List.of("speaker_0"))),
                400, "speaker_separation_not_completed");

        var bad = server.postMultipart(PVC + "/" + id + "/samples", new Multipart().file("files", "notes.wav", "audio/wav", "not audio".getBytes()));
        assertError(bad, 400, "invalid_audio");
        var none = server.postMultipart(PVC + "/" + id + "/samples", new Multipart().field("remove_background_noise", "true"));
        OpenApiContract.assertConforms("POST", PVC + "/{voice_id}/samples", none);
        assertThat(none.status()).isEqualTo(422);
        assertThat(server.get("/v1/voices/" + id).json().get("samples")).hasSize(2);

        var del = server.delete(PVC + "/" + id + "/samples/" + ids.get(1));
        OpenApiContract.assertConforms("DELETE", PVC + "/{voice_id}/samples/{sample_id}", del);
        assertThat(del.json().get("status").asText()).isEqualTo("ok");
        assertError(server.delete(PVC + "/" + id + "/samples/" + ids.get(1)), 404, "sample_not_found");
        assertError(server.get(PVC + "/" + id + "/samples/" + ids.get(1) + "/audio"), 404, "sample_not_found");
        assertThat(server.get("/v1/voices/" + id).json().get("samples")).hasSize(1);
    }

    @Test
    void speaker_separation_runs_in_the_background_and_speakers_can_be_chosen() throws Exception {
        String id = create("Two speakers");
        String sample = addSamples(id, PvcAudio.wav(2.0, 4, 110, 320)).get(0);
        String base = PVC + "/" + id + "/samples/" + sample;
        var before = server.get(base + "/speakers");
        OpenApiContract.assertConforms("GET", PVC + "/{voice_id}/samples/{sample_id}/speakers", before);
        assertThat(before.json().get("status").asText()).isEqualTo("not_started");
        assertError(server.get(base + "/speakers/speaker_0/audio"), 404, "speaker_not_found");

        var start = server.post(base + "/separate-speakers", "application/json", new byte[0]);
        OpenApiContract.assertConforms("POST", PVC + "/{voice_id}/samples/{sample_id}/separate-speakers", start);
        assertThat(start.json().get("status").asText()).isEqualTo("ok");
        JsonNode done = poll(base + "/speakers", j -> !j.get("status").asText().equals("pending"));
        OpenApiContract.assertConforms("GET", PVC + "/{voice_id}/samples/{sample_id}/speakers", server.get(base + "/speakers"));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        JsonNode speakers = done.get("speakers");
        System.out.println("separated speakers of a two-pitch sample: " + speakers);
        assertThat(speakers.size()).isEqualTo(2);
        JsonNode first = speakers.get("speaker_0");
        assertThat(first.get("utterances").size()).isGreaterThanOrEqualTo(1);

        var spk = server.get(base + "/speakers/speaker_0/audio");
        OpenApiContract.assertConforms("GET", PVC + "/{voice_id}/samples/{sample_id}/speakers/{speaker_id}/audio", spk);
        Wav.Decoded d = Wav.read(Base64.getDecoder().decode(spk.json().get("audio_base_64").asText()));
        assertThat(d.format().seconds(d.pcm().length)).isCloseTo(spk.json().get("duration_secs").asDouble(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(spk.json().get("duration_secs").asDouble()).isBetween(2.0, 6.0);
        assertError(server.get(base + "/speakers/speaker_9/audio"), 404, "speaker_not_found");

        assertThat(server.postJson(base, Map.of("selected_speaker_ids", List.of("speaker_0"))).status()).isEqualTo(200);
        assertThat(server.get(base + "/speakers").json().get("selected_speaker_ids").get(0).asText()).isEqualTo("speaker_0");
        var voice = server.get("/v1/voices/" + id);
        OpenApiContract.assertConforms("GET", "/v1/voices/{voice_id}", voice);
        JsonNode shown = voice.json().get("samples").get(0).get("speaker_separation");
        assertThat(shown.get("status").asText()).isEqualTo("completed");
        assertThat(shown.get("selected_speaker_ids").get(0).asText()).isEqualTo("speaker_0");
        assertThat(server.get(base + "/audio").json().get("duration_secs").asDouble())
                .isCloseTo(spk.json().get("duration_secs").asDouble(), org.assertj.core.data.Offset.offset(0.01));
        assertError(server.postJson(base, Map.of("selected_speaker_ids", List.of("speaker_7"))), 400, "speaker_not_found");
    }

    @Test
    void verification_captcha_refusals_and_manual_request() {
        String id = create("Verify");
        assertError(server.postMultipart(PVC + "/" + id + "/captcha", new Multipart().file("recording", "r.wav", "audio/wav", PvcAudio.wav(1, 1, 150))),
                400, "captcha_not_requested");
        var captcha = server.get(PVC + "/" + id + "/captcha");
        OpenApiContract.assertConforms("GET", PVC + "/{voice_id}/captcha", captcha);
        assertThat(Captcha.TEXTS).contains(captcha.json().get("text").asText());
        assertError(server.postMultipart(PVC + "/" + id + "/captcha", new Multipart().file("recording", "r.wav", "audio/wav", PvcAudio.wav(1, 1, 150))),
                400, "no_samples");
        addSamples(id, PvcAudio.wav(1.5, 2, 150));
        assertError(server.postMultipart(PVC + "/" + id + "/captcha", new Multipart().file("recording", "r.wav", "audio/wav", "noise".getBytes())),
                400, "invalid_audio");
        var missing = server.postMultipart(PVC + "/" + id + "/captcha", new Multipart().field("x", "y"));
        OpenApiContract.assertConforms("POST", PVC + "/{voice_id}/captcha", missing);
        assertThat(missing.status()).isEqualTo(422);
        // the fake recogniser hears "word1 word2 …": not the captcha's words
        var wrong = server.postMultipart(PVC + "/" + id + "/captcha", new Multipart().file("recording", "r.wav", "audio/wav", PvcAudio.wav(1.5, 2, 150)));
        assertError(wrong, 400, "captcha_mismatch");
        assertThat(wrong.json().get("detail").get("message").asText()).contains("heard \"word1").contains("expected");
        JsonNode ft = server.get("/v1/voices/" + id).json().get("fine_tuning");
        assertThat(ft.get("verification_attempts_count").asInt()).isEqualTo(1);
        assertThat(ft.get("verification_attempts").get(0).get("accepted").asBoolean()).isFalse();
        assertThat(ft.get("verification_failures")).hasSize(1);

        assertError(server.post(PVC + "/" + id + "/train", "application/json", "{}".getBytes()), 400, "voice_not_verified");

        var manual = server.postMultipart(PVC + "/" + id + "/verification", new Multipart().field("extra_text", "I am the speaker")
                .file("files", "id.pdf", "application/pdf", "%PDF-1.4 test".getBytes()));
        OpenApiContract.assertConforms("POST", PVC + "/{voice_id}/verification", manual);
        assertThat(manual.json().get("status").asText()).isEqualTo("ok");
        var voice = server.get("/v1/voices/" + id);
        OpenApiContract.assertConforms("GET", "/v1/voices/{voice_id}", voice);
        JsonNode mv = voice.json().get("fine_tuning");
        assertThat(mv.get("manual_verification_requested").asBoolean()).isTrue();
        assertThat(mv.get("manual_verification").get("extra_text").asText()).isEqualTo("I am the speaker");
        assertThat(mv.get("manual_verification").get("files").get(0).get("file_name").asText()).isEqualTo("id.pdf");
        var noFiles = server.postMultipart(PVC + "/" + id + "/verification", new Multipart().field("extra_text", "x"));
        assertThat(noFiles.status()).isEqualTo(422);
    }

    @Test
    void training_is_a_job_per_model_and_the_trained_voice_speaks() throws Exception {
        String id = create("Trained");
        markVerified(server, id);
        assertError(server.post(PVC + "/" + id + "/train", "application/json", "{}".getBytes()), 400, "no_samples");
        addSamples(id, PvcAudio.wav(1.5, 2, 150), PvcAudio.wav(1.0, 2, 150));
        assertError(server.postJson(PVC + "/" + id + "/train", Map.of("model_id", "no_such_model")), 400, "model_not_found");

        var train = server.postJson(PVC + "/" + id + "/train", Map.of());
        OpenApiContract.assertConforms("POST", PVC + "/{voice_id}/train", train);
        assertThat(train.json().get("status").asText()).isEqualTo("ok");
        JsonNode v = poll("/v1/voices/" + id, j -> j.get("fine_tuning").get("state").toString().contains("fine_tuned")
                || j.get("fine_tuning").get("state").toString().contains("failed"));
        JsonNode ft = v.get("fine_tuning");
        String model = ft.get("progress").fieldNames().next();
        assertThat(ft.get("state").get(model).asText()).isEqualTo("fine_tuned");
        assertThat(ft.get("progress").get(model).asDouble()).isEqualTo(1.0);
        assertThat(ft.get("message").get(model).asText()).contains("2 samples");
        assertThat(ft.get("is_allowed_to_fine_tune").asBoolean()).isTrue();
        assertThat(ft.get("dataset_duration_seconds").asDouble()).isCloseTo(2 * 3.4 - 0.5, org.assertj.core.data.Offset.offset(1.0));
        OpenApiContract.assertConforms("GET", "/v1/voices/{voice_id}", server.get("/v1/voices/" + id));
        assertThat(server.get("/v2/voices?category=professional&fine_tuning_state=fine_tuned").json().get("voices")
                .findValuesAsText("voice_id")).contains(id);

        var tts = server.postJson("/v1/text-to-speech/" + id + "?output_format=pcm_16000", Map.of("text", "Hello there."));
        assertThat(tts.status()).as(tts.toString()).isEqualTo(200);
        assertThat(tts.body().length).isGreaterThan(16000 / 2);
    }

    @Test
    void unknown_voice_and_sample_are_404() {
        assertError(server.get(PVC + "/nosuchvoice/captcha"), 404, "voice_not_found");
        assertError(server.post(PVC + "/nosuchvoice/train", "application/json", "{}".getBytes()), 404, "voice_not_found");
        String id = create("Lonely");
        for (String path : List.of("/audio", "/waveform", "/speakers", "/speakers/speaker_0/audio")) {
            assertError(server.get(PVC + "/" + id + "/samples/nosuchsample" + path), 404, "sample_not_found");
        }
        assertError(server.post(PVC + "/" + id + "/samples/nosuchsample/separate-speakers", "application/json", new byte[0]), 404, "sample_not_found");
        assertError(server.postJson(PVC + "/" + id + "/samples/nosuchsample", Map.of()), 404, "sample_not_found");
    }
}
