package dev.timbre.audio;

import static dev.timbre.audio.UploadFixtures.assertKind;
import static dev.timbre.audio.UploadFixtures.assertTone;
import static dev.timbre.audio.UploadFixtures.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.timbre.audio.AudioFormatException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Other containers through ffmpeg: the real one when installed, and a stand-in script for the subprocess path. */
class FfmpegDecoderTest {
    @Test
    void ffmpegDecodesOtherContainers() throws Exception {
        Optional<Path> ffmpeg = UploadDecoder.findOnPath("ffmpeg");
        Assumptions.assumeTrue(ffmpeg.isPresent(), "ffmpeg is not installed");
        Path dir = Files.createTempDirectory("timbre-ffmpeg-test");
        try {
            Path wavFile = dir.resolve("in.wav"), m4a = dir.resolve("out.m4a");
            Files.write(wavFile, AudioEncoder.encodeAll(Tone.sine(24000, 1.0), 24000, OutputFormat.parse("wav_24000").orElseThrow()));
            Process p = new ProcessBuilder(ffmpeg.get().toString(), "-nostdin", "-loglevel", "error", "-i", wavFile.toString(),
                    "-c:a", "aac", m4a.toString()).inheritIO().start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Assumptions.assumeTrue(p.exitValue() == 0 && Files.exists(m4a), "this ffmpeg cannot encode AAC");
            byte[] file = Files.readAllBytes(m4a);
            UploadDecoder withFfmpeg = new UploadDecoder(1 << 24, 600, ffmpeg);
            Wav.Decoded d = withFfmpeg.decode(file);
            assertThat(d.format().sampleRate()).isEqualTo(16000);
            assertTone(d, 1.0, 0.1);
            assertKind(() -> new UploadDecoder(1 << 24, 0.5, ffmpeg).decode(file), Kind.TOO_LONG);
            assertKind(() -> withFfmpeg.decode(Arrays.copyOf(file, 64)), Kind.CORRUPT);
        } finally {
            try (var s = Files.list(dir)) {
                s.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The subprocess path with a stand-in "ffmpeg" script: it skips a 44-byte header and passes the PCM through. */
    @Test
    void ffmpegSubprocessWithAStandIn() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path dir = Files.createTempDirectory("timbre-fake-ffmpeg");
        try {
            Path ok = script(dir, "ok", "while [ \"$1\" != -i ]; do shift; done; tail -c +45 \"$2\"");
            Path fail = script(dir, "fail", "echo 'Invalid data found when processing input' >&2; exit 1");
            byte[] pcm = Tone.sine(16000, 1.0);
            byte[] upload = concat(concat(new byte[] {0, 0, 0, 0x20}, "ftypM4A ".getBytes()), concat(new byte[32], pcm));
            Wav.Decoded d = new UploadDecoder(1 << 24, 600, Optional.of(ok)).decode(upload);
            assertThat(d.pcm()).isEqualTo(pcm);
            assertThat(d.format().sampleRate()).isEqualTo(16000);
            assertThat(new UploadDecoder(1 << 24, 600, Optional.of(ok)).decodeChannels(upload)).hasSize(1);
            assertKind(() -> new UploadDecoder(1 << 24, 0.5, Optional.of(ok)).decode(upload), Kind.TOO_LONG);
            Throwable t = catchThrowable(() -> new UploadDecoder(1 << 24, 600, Optional.of(fail)).decode(upload));
            assertThat(t).isInstanceOf(AudioFormatException.class).hasMessageContaining("Invalid data found");
            assertThat(((AudioFormatException) t).kind()).isEqualTo(Kind.CORRUPT);
            assertKind(() -> new UploadDecoder(1 << 24, 600, Optional.of(dir.resolve("missing"))).decode(upload), Kind.UNSUPPORTED);
        } finally {
            try (var s = Files.list(dir)) {
                s.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    private static Path script(Path dir, String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        assertThat(p.toFile().setExecutable(true)).isTrue();
        return p;
    }

}
