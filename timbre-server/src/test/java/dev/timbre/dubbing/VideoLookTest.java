package dev.timbre.dubbing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code highest_resolution} and {@code watermark} on a real ffmpeg mux of a generated 1280×960, 2 s test pattern:
 * capped at 720 lines by default, 960 kept with highest resolution, and the watermark changing the corner's pixels.
 */
class VideoLookTest {
    private static final Optional<Path> FFMPEG = UploadDecoder.findOnPath("ffmpeg"), FFPROBE = UploadDecoder.findOnPath("ffprobe");
    private static Path dir, video, wav;
    private static Media media;

    @BeforeAll
    static void generate() throws Exception {
        assumeTrue(FFMPEG.isPresent() && FFPROBE.isPresent(), "ffmpeg not installed");
        media = new Media(FFMPEG, FFPROBE, Duration.ofMinutes(2));
        dir = Files.createTempDirectory("videolook");
        video = dir.resolve("source.mp4");
        wav = dir.resolve("dub.wav");
        exec(FFMPEG.get().toString(), "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=1280x960:rate=10:duration=2",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", video.toString());
        Files.write(wav, Wav.wrap(new byte[2 * 22050 * 2], new PcmFormat(22050)));
    }

    @AfterAll
    static void clean() throws IOException {
        if (dir == null) return;
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    @Test
    void codec_arguments_copy_unless_scaling_or_watermarking() {
        assertThat(new VideoLook(true, false, Optional.empty()).codecArgs(720)).containsExactly("-c:v", "copy");
        assertThat(new VideoLook(false, false, Optional.empty()).codecArgs(2160)).containsExactly("-c:v", "copy");
        assertThat(new VideoLook(true, false, Optional.empty()).codecArgs(1080)).contains("scale=-2:720", "libx264", "veryfast");
        assertThat(String.join(" ", new VideoLook(false, true, Optional.empty()).codecArgs(480))).contains("drawbox").contains("libx264");
        assertThat(String.join(" ", new VideoLook(false, true, Optional.of(Path.of("/f.ttf"))).codecArgs(480))).contains("drawtext")
                .contains("text=Timbre");
    }

    @Test
    void default_caps_at_720_and_highest_resolution_keeps_960() throws Exception {
        assertThat(media.height(video)).isEqualTo(960);
        assertThat(media.height(mux("default.mp4", new VideoLook(true, false, Optional.empty())))).isEqualTo(720);
        assertThat(media.height(mux("highest.mp4", new VideoLook(false, false, Optional.empty())))).isEqualTo(960);
    }

    @Test
    void watermark_changes_the_corner() throws Exception {
        Path plain = mux("plain.mp4", new VideoLook(true, false, Optional.empty()));
        Path marked = mux("marked.mp4", new VideoLook(true, true, VideoLook.findFont()));
        assertThat(media.height(marked)).isEqualTo(720);
        byte[] a = corner(plain), b = corner(marked);
        assertThat(a).hasSameSizeAs(b).hasSizeGreaterThan(1000);
        long diff = 0;
        for (int i = 0; i < a.length; i++) diff += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        assertThat(diff / (double) a.length).as("mean difference in the corner").isGreaterThan(3);
    }

    private static Path mux(String name, VideoLook look) throws DubbingFailure {
        Path out = dir.resolve(name);
        media.mux(video, wav, 0, 2.0, look, out);
        return out;
    }

    /** The bottom-right 200×60 pixels of the frame at 1 s, grey. */
    private static byte[] corner(Path file) throws Exception {
        Path raw = dir.resolve(file.getFileName() + ".gray");
        exec(FFMPEG.get().toString(), "-nostdin", "-loglevel", "error", "-y", "-ss", "1", "-i", file.toString(), "-vf", "crop=200:60:iw-200:ih-60",
                "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", raw.toString());
        return Files.readAllBytes(raw);
    }

    private static void exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).redirectOutput(dir.resolve("ffmpeg.log").toFile()).start();
        assertThat(p.waitFor()).as(Files.readString(dir.resolve("ffmpeg.log"))).isZero();
    }
}
