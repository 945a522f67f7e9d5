package dev.timbre.dubbing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.timbre.audio.UploadDecoder;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 1280×960 video (MPEG-4 part 2, {@link DubbingApiTest#wav} tones as its audio) dubbed en→en against the fake
 * engines: by default the dubbed video is re-encoded (H.264) at 720 lines; {@code highest_resolution=true} keeps 960
 * with the video stream copied; {@code watermark=true} re-encodes it (H.264) at 960.
 */
@Tag("integration")
class VideoDubApiTest {
    static TestServer server;
    static byte[] source;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(UploadDecoder.findOnPath("ffmpeg").isPresent() && UploadDecoder.findOnPath("ffprobe").isPresent(), "ffmpeg not installed");
        server = TestServer.start();
        Path wav = Files.createTempFile("tones", ".wav"), mp4 = Files.createTempFile("tall", ".mp4");
        try {
            Files.write(wav, DubbingApiTest.wav(3));
            Process p = new ProcessBuilder(UploadDecoder.findOnPath("ffmpeg").orElseThrow().toString(), "-nostdin", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc=size=1280x960:rate=10:duration=4", "-i", wav.toString(), "-c:v", "mpeg4", "-c:a", "aac",
                    "-shortest", mp4.toString()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(log).isZero();
            source = Files.readAllBytes(mp4);
        } finally {
            Files.deleteIfExists(wav);
            Files.deleteIfExists(mp4);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void default_caps_at_720_lines() throws Exception {
        assertThat(video(dub(new Multipart()))).isEqualTo("h264 720");
    }

    @Test
    void highest_resolution_keeps_the_source_copied() throws Exception {
        assertThat(video(dub(new Multipart().field("highest_resolution", "true")))).isEqualTo("mpeg4 960");
    }

    @Test
    void watermark_reencodes() throws Exception {
        assertThat(video(dub(new Multipart().field("highest_resolution", "true").field("watermark", "true")))).isEqualTo("h264 960");
    }

    private static byte[] dub(Multipart form) throws Exception {
        TestServer.Response r = server.postMultipart("/v1/dubbing", form.file("file", "tall.mp4", "video/mp4", source).field("target_lang", "en")
                .field("source_lang", "en"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String id = r.json().get("dubbing_id").asText();
        assertThat(DubbingApiTest.finishedOn(server, id).get("status").asText()).isEqualTo("dubbed");
        TestServer.Response video = server.get("/v1/dubbing/" + id + "/audio/en");
        assertThat(video.status()).as(video.toString()).isEqualTo(200);
        assertThat(video.header("content-type")).startsWith("video/mp4");
        return video.body();
    }

    /** The first video stream's codec and height, "h264 720". */
    private static String video(byte[] media) throws Exception {
        Path in = Files.createTempFile("dubbed", ".mp4");
        try {
            Files.write(in, media);
            Process p = new ProcessBuilder(UploadDecoder.findOnPath("ffprobe").orElseThrow().toString(), "-v", "error", "-select_streams", "v:0",
                    "-show_entries", "stream=codec_name,height", "-of", "csv=p=0", in.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return out.replace(',', ' ');
        } finally {
            Files.deleteIfExists(in);
        }
    }
}
