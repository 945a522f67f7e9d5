package dev.timbre.voices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Instant voice clones: create, edit, sample audio, delete, and the inputs that must be refused. */
@Tag("integration")
class VoiceCloningApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withLimits(new TimbreConfig.Limits(2L * 1024 * 1024, 400_000)));
    }

    @AfterAll
    static void stop() { server.close(); }

    static String create(String name, byte[]... wavs) {
        Multipart form = new Multipart().field("name", name).field("description", "a clone")
                .field("labels", "{\"accent\":\"american\",\"gender\":\"female\"}");
        for (int i = 0; i < wavs.length; i++) form.file("files", "sample-" + i + ".wav", "audio/wav", wavs[i]);
        var r = server.postMultipart("/v1/voices/add", form);
        OpenApiContract.assertConforms("POST", "/v1/voices/add", r);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("requires_verification").asBoolean()).isFalse();
        return r.json().get("voice_id").asText();
    }

    static long blobCount() throws IOException {
        Path root = server.dataDir().resolve("blobs");
        if (!Files.exists(root)) return 0;
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void clone_create_edit_sample_audio_delete() throws IOException {
        byte[] wavA = VoiceAudio.wav(180, 1.5), mp3B = VoiceAudio.mp3(190, 1.5);
        String id = create("My Clone", wavA);

        var got = server.get("/v1/voices/" + id);
        OpenApiContract.assertConforms("GET", "/v1/voices/{voice_id}", got);
        JsonNode v = got.json();
        assertThat(v.get("category").asText()).isEqualTo("cloned");
        assertThat(v.get("name").asText()).isEqualTo("My Clone");
        assertThat(v.get("description").asText()).isEqualTo("a clone");
        assertThat(v.get("labels").get("accent").asText()).isEqualTo("american");
        assertThat(v.get("is_owner").asBoolean()).isTrue();
        assertThat(v.get("created_at_unix").asLong()).isPositive();
        assertThat(v.get("samples")).hasSize(1);
        JsonNode sample = v.get("samples").get(0);
        assertThat(sample.get("mime_type").asText()).isEqualTo("audio/wav");
        assertThat(sample.get("size_bytes").asInt()).isEqualTo(wavA.length);
        assertThat(sample.get("duration_secs").asDouble()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.01));

        ResolvedVoice resolved = server.timbre().services().voices().resolve(id);
        assertThat(resolved.provider()).isEqualTo("fake");
        assertThat(resolved.engineVoiceId()).isIn("tone-a", "tone-b"); // tone-b (440 Hz up) is above YIN's 400 Hz: it may measure an octave low
        assertThat(resolved.shape().neutral()).as("a fitted shape").isFalse();
        assertThat(resolved.category()).isEqualTo("cloned");

        var search = server.get("/v2/voices?search=my%20clone&include_total_count=true");
        assertThat(search.json().get("total_count").asInt()).isEqualTo(1);
        assertThat(server.get("/v2/voices?voice_type=personal").json().get("voices").get(0).get("voice_id").asText()).isEqualTo(id);

        var edit = server.postMultipart("/v1/voices/" + id + "/edit", new Multipart().field("name", "Renamed")
                .field("labels", "{\"accent\":\"british\",\"age\":\"young\"}").file("files", "b.mp3", "audio/mpeg", mp3B));
        OpenApiContract.assertConforms("POST", "/v1/voices/{voice_id}/edit", edit);
        assertThat(edit.json().get("status").asText()).isEqualTo("ok");
        v = server.get("/v1/voices/" + id).json();
        assertThat(v.get("name").asText()).isEqualTo("Renamed");
        assertThat(v.get("labels").get("age").asText()).isEqualTo("young");
        assertThat(v.get("samples")).hasSize(2);

        for (JsonNode s : v.get("samples")) {
            var audio = server.get("/v1/voices/" + id + "/samples/" + s.get("sample_id").asText() + "/audio");
            assertThat(audio.status()).isEqualTo(200);
            assertThat(audio.header("content-type")).isEqualTo(s.get("mime_type").asText());
            assertThat(audio.body()).isEqualTo(s.get("mime_type").asText().equals("audio/wav") ? wavA : mp3B);
        }
        assertThat(server.get("/v1/voices/" + id + "/samples/nosuch/audio").json().at("/detail/status").asText()).isEqualTo("sample_not_found");
        assertThat(server.get("/v1/voices/" + id + "/samples/..%2Fx/audio").status()).isEqualTo(404);

        var del = server.delete("/v1/voices/" + id);
        OpenApiContract.assertConforms("DELETE", "/v1/voices/{voice_id}", del);
        assertThat(del.json().get("status").asText()).isEqualTo("ok");
        assertThat(server.get("/v1/voices/" + id).status()).isEqualTo(404);
        assertThat(server.delete("/v1/voices/" + id).status()).isEqualTo(404);
        assertThat(server.get("/v2/voices?search=Renamed").json().get("voices")).isEmpty();
        assertThat(blobCount()).isZero();
    }

    @Test
    void clone_settings_round_trip_without_touching_the_defaults() {
        String id = create("Settings Clone", VoiceAudio.wav(200, 1.5));
        var r = server.postJson("/v1/voices/" + id + "/settings/edit",
                new VoiceSettings(0.37, false, 0.61, 0.12, 1.05));
        assertThat(r.status()).isEqualTo(200);
        var s = server.get("/v1/voices/" + id + "/settings").json();
        assertThat(s.get("use_speaker_boost").asBoolean()).isFalse();
        assertThat(s.get("style").asDouble()).isEqualTo(0.12);
        assertThat(server.timbre().services().voices().resolve(id).settings().toTuning().speed()).isEqualTo(1.05);
        assertThat(server.get("/v1/voices/settings/default").json().get("stability").asDouble()).isEqualTo(0.5);
        server.delete("/v1/voices/" + id);
    }

    @Test
    void bad_uploads_are_refused_and_leave_nothing_behind() throws IOException {
        long before = blobCount();
        int voices = server.get("/v1/voices").json().get("voices").size();

        var notAudio = server.postMultipart("/v1/voices/add", new Multipart().field("name", "Bad")
                .file("files", "good.wav", "audio/wav", VoiceAudio.wav(200, 1.5))
                .file("files", "bad.wav", "audio/wav", "this is not audio".getBytes()));
        assertThat(notAudio.status()).isEqualTo(400);
        assertThat(notAudio.json().at("/detail/status").asText()).isEqualTo("invalid_audio");

        var noFiles = server.postMultipart("/v1/voices/add", new Multipart().field("name", "No files"));
        assertThat(noFiles.status()).isEqualTo(422);
        OpenApiContract.assertConforms("POST", "/v1/voices/add", noFiles);
        assertThat(noFiles.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"files\"]");

        var noName = server.postMultipart("/v1/voices/add", new Multipart().file("files", "a.wav", "audio/wav", VoiceAudio.wav(200, 1.5)));
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"name\"]");

        var badLabels = server.postMultipart("/v1/voices/add", new Multipart().field("name", "L").field("labels", "[1,2")
                .file("files", "a.wav", "audio/wav", VoiceAudio.wav(200, 1.5)));
        assertThat(badLabels.status()).isEqualTo(422);

        var notMultipart = server.postJson("/v1/voices/add", java.util.Map.of("name", "json"));
        assertThat(notMultipart.status()).isEqualTo(400);
        var malformed = server.post("/v1/voices/add", "multipart/form-data; boundary=xyz", "--xyz\r\ngarbage".getBytes());
        assertThat(malformed.status()).isBetween(400, 499);
        assertThat(malformed.json().get("detail")).isNotNull();

        var tooLarge = server.postMultipart("/v1/voices/add", new Multipart().field("name", "Big")
                .file("files", "big.wav", "audio/wav", VoiceAudio.wav(200, 15)));
        assertThat(tooLarge.status()).isEqualTo(413);
        Multipart big = new Multipart().field("name", "Big").file("files", "big.wav", "audio/wav", VoiceAudio.wav(200, 15));
        var chunked = server.send(server.builder("/v1/voices/add").header("Content-Type", big.contentType())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.bytes()))));
        assertThat(chunked.status()).as("an upload without Content-Length over the limit").isEqualTo(413);

        assertThat(blobCount()).isEqualTo(before);
        assertThat(server.get("/v1/voices").json().get("voices")).hasSize(voices);
    }

    @Test
    void samples_that_cannot_be_cloned_are_refused_naming_the_problem() throws IOException {
        long before = blobCount();
        int voices = server.get("/v1/voices").json().get("voices").size();
        var silent = add(dev.timbre.audio.Wav.wrap(new byte[16000 * 2 * 2], new dev.timbre.audio.PcmFormat(16000)));
        VoicesApiTest.assertDetail(silent, 400, "sample_silent");
        assertThat(silent.json().at("/detail/message").asText()).contains("Sample 1").contains("no speech");
        var tooShort = add(VoiceAudio.wav(200, 0.5));
        VoicesApiTest.assertDetail(tooShort, 400, "samples_too_short");
        assertThat(tooShort.json().at("/detail/message").asText()).contains("at least 1 s");
        byte[] two = dev.timbre.audio.Pcm.concat(java.util.List.of(VoiceAudio.pcm(110, 4), VoiceAudio.pcm(320, 4)));
        var twoSpeakers = add(dev.timbre.audio.Wav.wrap(two, new dev.timbre.audio.PcmFormat(16000)));
        VoicesApiTest.assertDetail(twoSpeakers, 400, "several_speakers");
        var garbage = add(new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0});
        VoicesApiTest.assertDetail(garbage, 400, "invalid_audio");
        assertThat(blobCount()).isEqualTo(before);
        assertThat(server.get("/v1/voices").json().get("voices")).hasSize(voices);
    }

    @Test
    void a_clone_is_fitted_to_its_samples_and_refitted_by_new_ones() {
        String low = create("Low", VoiceAudio.wav(150, 2));
        var shape = server.timbre().services().voices().resolve(low).shape();
        assertThat(shape.neutral()).isFalse();
        double semitones = shape.pitchSemitones();
        var edit = server.postMultipart("/v1/voices/" + low + "/edit", new Multipart().field("name", "Low")
                .file("files", "b.wav", "audio/wav", VoiceAudio.wav(152, 2)));
        assertThat(edit.status()).as(edit.toString()).isEqualTo(200);
        assertThat(server.timbre().services().voices().resolve(low).shape().pitchSemitones()).isCloseTo(semitones, org.assertj.core.data.Offset.offset(0.5));
        var other = server.postMultipart("/v1/voices/" + low + "/edit", new Multipart().field("name", "Low")
                .file("files", "c.wav", "audio/wav", VoiceAudio.wav(330, 6)));
        VoicesApiTest.assertDetail(other, 400, "several_speakers");
        assertThat(server.get("/v1/voices/" + low).json().get("samples")).hasSize(2);
        server.delete("/v1/voices/" + low);
    }

    private static TestServer.Response add(byte[] wav) {
        return server.postMultipart("/v1/voices/add", new Multipart().field("name", "Bad").file("files", "s.wav", "audio/wav", wav));
    }

    @Test
    void a_failed_edit_changes_nothing() {
        String id = create("Keep Me", VoiceAudio.wav(200, 1.5));
        var r = server.postMultipart("/v1/voices/" + id + "/edit", new Multipart().field("name", "Changed")
                .file("files", "x.mp3", "audio/mpeg", new byte[] {1, 2, 3}));
        assertThat(r.status()).isEqualTo(400);
        JsonNode v = server.get("/v1/voices/" + id).json();
        assertThat(v.get("name").asText()).isEqualTo("Keep Me");
        assertThat(v.get("samples")).hasSize(1);
        var noName = server.postMultipart("/v1/voices/" + id + "/edit", new Multipart().field("description", "d"));
        assertThat(noName.status()).isEqualTo(422);
        assertThat(server.postMultipart("/v1/voices/unknown9/edit", new Multipart().field("name", "x")).status()).isEqualTo(404);
        server.delete("/v1/voices/" + id);
    }
}
