package dev.timbre.dubbing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.process.EspeakTextToSpeech;
import dev.timbre.engine.process.FliteTextToSpeech;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real dub end to end: a two-speaker English clip (flite's and espeak-ng's voices) dubbed into Spanish by the real
 * engines (the installed recogniser, Apertium, espeak-ng speaking Spanish), as WAV and as MP4. Needs espeak-ng, flite,
 * ffmpeg and apertium-eng-spa (under {@code CI=true} they must be there; elsewhere the test is skipped without them).
 */
@Tag("integration")
class DubbingEndToEndTest {
    static final List<String> LINES = List.of(
            "Good morning. Today the weather is very good and the sun is hot.",
            "Thank you. I want to go to the beach with my family.",
            "The water is cold in the morning, but the day is long.",
            "Then we will eat lunch in the house and read a book.");
    static TestServer server;
    static byte[] wav;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = EspeakTextToSpeech.available() && FliteTextToSpeech.available() && UploadDecoder.findOnPath("ffmpeg").isPresent()
                && UploadDecoder.findOnPath("apertium").isPresent();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) assertThat(installed).as("espeak-ng, flite, ffmpeg, apertium under CI").isTrue();
        Assumptions.assumeTrue(installed, "espeak-ng, flite, ffmpeg or apertium is not installed");
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("marytts", List.of("espeak-ng", "flite"), "auto")));
        try (FliteTextToSpeech flite = new FliteTextToSpeech(); EspeakTextToSpeech espeak = new EspeakTextToSpeech()) {
            wav = TwoSpeakerClip.wav(LINES, flite, "slt", espeak, "en-us+m3");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static JsonNode dub(byte[] media, String filename, String type) throws InterruptedException {
        TestServer.Response r = server.postMultipart("/v1/dubbing", new Multipart().file("file", filename, type, media)
                .field("target_lang", "es").field("source_lang", "en").field("name", filename));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/dubbing", r);
        String id = r.json().get("dubbing_id").asText();
        assertThat(r.json().get("expected_duration_sec").asDouble()).isPositive();
        long deadline = System.currentTimeMillis() + 300_000;
        while (true) {
            TestServer.Response got = server.get("/v1/dubbing/" + id);
            OpenApiContract.assertConforms("GET", "/v1/dubbing/{dubbing_id}", got);
            String status = got.json().get("status").asText();
            if (!status.equals("dubbing")) {
                assertThat(status).as(got.text()).isEqualTo("dubbed");
                return got.json();
            }
            assertThat(System.currentTimeMillis()).as("dub finished in time").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    static double sourceSeconds() {
        return Wav.read(wav).pcm().length / 2.0 / TwoSpeakerClip.RATE;
    }

    static void checkTranscripts(String id) {
        TestServer.Response srt = server.get("/v1/dubbing/" + id + "/transcript/es?format_type=srt");
        assertThat(srt.status()).as(srt.toString()).isEqualTo(200);
        assertThat(srt.header("content-type")).startsWith("application/json");
        assertThat(srt.json().asText()).matches("(?s)1\\n\\d\\d:\\d\\d:\\d\\d,\\d{3} --> \\d\\d:\\d\\d:\\d\\d,\\d{3}\\n.+");
        String spanish = srt.json().asText().toLowerCase(Locale.ROOT);
        long found = List.of("buenos", "gracias", "agua", "casa", "playa", "familia", "día", "libro", "hoy", "sol", "frío", "mañana", "tiempo")
                .stream().filter(spanish::contains).count();
        assertThat(found).as("Spanish words in " + srt.json().asText()).isGreaterThanOrEqualTo(3);
        TestServer.Response vtt = server.get("/v1/dubbing/" + id + "/transcript/es?format_type=webvtt");
        assertThat(vtt.status()).isEqualTo(200);
        assertThat(vtt.json().asText()).startsWith("WEBVTT\n\n").containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} --> \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
    }

    static void checkParts(String id) {
        SegmentRepository parts = new SegmentRepository(server.timbre().database().jdbi());
        assertThat(parts.speakers(id)).as("speakers found").hasSize(2);
        List<SegmentRepository.Dub> dubs = parts.dubs(id, "es");
        assertThat(dubs).hasSizeGreaterThanOrEqualTo(LINES.size());
        long overruns = dubs.stream().filter(SegmentRepository.Dub::overrun).count();
        assertThat(overruns).as("segments that overrun their slot, of " + dubs.size()).isLessThanOrEqualTo(dubs.size() / 4);
        assertThat(dubs).allSatisfy(x -> assertThat(x.audioKey()).isNotNull());
    }

    @Test
    void dubs_a_two_speaker_wav_into_spanish() throws Exception {
        JsonNode d = dub(wav, "talk.wav", "audio/wav");
        String id = d.get("dubbing_id").asText();
        assertThat(d.get("target_languages")).hasSize(1);
        assertThat(d.get("media_metadata").get("duration").asDouble()).isCloseTo(sourceSeconds(), org.assertj.core.data.Offset.offset(0.1));
        TestServer.Response audio = server.get("/v1/dubbing/" + id + "/audio/es");
        assertThat(audio.status()).as(audio.toString()).isEqualTo(200);
        assertThat(audio.header("content-type")).startsWith("audio/mpeg");
        Wav.Decoded decoded = new UploadDecoder().decode(audio.body());
        assertThat(decoded.pcm().length / 2.0 / decoded.format().sampleRate()).isCloseTo(sourceSeconds(), org.assertj.core.data.Offset.offset(0.1));
        checkTranscripts(id);
        checkParts(id);
        TestServer.Response english = server.get("/v1/dubbing/" + id + "/transcript/en");
        assertThat(english.status()).isEqualTo(200);
    }

    @Test
    void dubs_a_video_and_muxes_the_video_back() throws Exception {
        byte[] mp4 = TwoSpeakerClip.mp4(wav);
        JsonNode d = dub(mp4, "talk.mp4", "video/mp4");
        String id = d.get("dubbing_id").asText();
        assertThat(d.get("media_metadata").get("content_type").asText()).isEqualTo("video/mp4");
        TestServer.Response video = server.get("/v1/dubbing/" + id + "/audio/es");
        assertThat(video.status()).as(video.toString()).isEqualTo(200);
        assertThat(video.header("content-type")).startsWith("video/mp4");
        assertThat(TwoSpeakerClip.seconds(video.body(), "a:0")).isCloseTo(sourceSeconds(), org.assertj.core.data.Offset.offset(0.1));
        assertThat(TwoSpeakerClip.seconds(video.body(), "v:0")).isCloseTo(sourceSeconds(), org.assertj.core.data.Offset.offset(0.2));
        checkTranscripts(id);
        checkParts(id);
    }
}
