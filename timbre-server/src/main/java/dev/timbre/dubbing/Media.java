package dev.timbre.dubbing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * ffprobe and ffmpeg for dubbing: what a source holds, its audio as mono s16le PCM (a time range of it), and the dubbed
 * audio muxed back into the video (video stream copied, {@code -c:v copy}, or re-encoded as its {@link VideoLook} asks). Each call runs its own process with stdin
 * closed, killed at {@link #timeout}; stdout goes to a file or a buffer bounded by the caller, stderr is kept to 4 KB
 * for the log. Thread-safe.
 */
final class Media {
    /** What a source holds: seconds, whether it has an audio and a video stream, the container's ffprobe name. */
    record Probe(double durationSec, boolean hasAudio, boolean hasVideo, String format) {}

    private final Optional<Path> ffmpeg, ffprobe;
    private final Duration timeout;

    Media(Optional<Path> ffmpeg, Optional<Path> ffprobe, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.timeout = timeout;
    }

    boolean available() { return ffmpeg.isPresent() && ffprobe.isPresent(); }

    /** Empty when ffprobe cannot read the file as media at all. */
    Optional<Probe> probe(Path file) throws DubbingFailure {
        byte[] out = run(List.of(ffprobe.orElseThrow().toString(), "-v", "error", "-show_entries", "format=duration,format_name:stream=codec_type",
                "-of", "json", file.toString()), 1 << 20, true);
        if (out == null) return Optional.empty();
        try {
            JsonNode n = Json.MAPPER.readTree(out);
            boolean audio = false, video = false;
            for (JsonNode s : n.path("streams")) {
                audio |= s.path("codec_type").asText().equals("audio");
                video |= s.path("codec_type").asText().equals("video");
            }
            double d = n.path("format").path("duration").asDouble(Double.NaN);
            String format = n.path("format").path("format_name").asText("");
            return Optional.of(new Probe(Double.isNaN(d) ? 0 : d, audio, video, format));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first audio stream, mixed to mono at {@code rate}, from {@code start} for {@code length} seconds (null: all). */
    byte[] audio(Path file, int rate, double start, Double length, long maxBytes) throws DubbingFailure {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.orElseThrow().toString(), "-nostdin", "-hide_banner", "-loglevel", "error"));
        if (start > 0) cmd.addAll(List.of("-ss", seconds(start)));
        if (length != null) cmd.addAll(List.of("-t", seconds(length)));
        cmd.addAll(List.of("-i", file.toString(), "-vn", "-map", "0:a:0", "-f", "s16le", "-acodec", "pcm_s16le", "-ac", "1", "-ar",
                String.valueOf(rate), "pipe:1"));
        byte[] out = run(cmd, maxBytes, false);
        if (out == null) throw new DubbingFailure("the source's audio could not be decoded");
        return out;
    }

    /**
     * {@code video}'s video stream (from {@code start} for {@code length} seconds; copied, or scaled and watermarked as
     * {@code look} asks) with {@code audioWav} as its only audio (AAC) into {@code out} (MP4).
     */
    void mux(Path video, Path audioWav, double start, Double length, VideoLook look, Path out) throws DubbingFailure {
        List<String> codec = look.codecArgs(height(video));
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.orElseThrow().toString(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        if (start > 0) cmd.addAll(List.of("-ss", seconds(start)));
        if (length != null) cmd.addAll(List.of("-t", seconds(length)));
        cmd.addAll(List.of("-i", video.toString(), "-i", audioWav.toString(), "-map", "0:v:0", "-map", "1:a:0"));
        cmd.addAll(codec);
        cmd.addAll(List.of("-c:a", "aac", "-b:a", "128k", "-shortest", "-movflags", "+faststart", "-f", "mp4", out.toString()));
        if (run(cmd, 1024, false) == null) throw new DubbingFailure("the dubbed audio could not be muxed into the video");
    }

    /** The first video stream's height in lines; 0 when ffprobe cannot tell. */
    int height(Path file) throws DubbingFailure {
        byte[] out = run(List.of(ffprobe.orElseThrow().toString(), "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=height",
                "-of", "csv=p=0", file.toString()), 4096, true);
        try {
            return out == null ? 0 : Integer.parseInt(new String(out, java.nio.charset.StandardCharsets.US_ASCII).strip().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /**
     * Runs {@code cmd}: its stdout (more than {@code maxBytes} is a failure), or null when it exited with an error
     * (logged unless {@code quiet}).
     */
    private byte[] run(List<String> cmd, long maxBytes, boolean quiet) throws DubbingFailure {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new DubbingFailure("ffmpeg could not be started", e);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = daemon("ffmpeg-stderr", () -> drain(p.getErrorStream(), err, 4096));
        Thread killer = daemon("ffmpeg-timeout", () -> {
            try {
                if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                if (out.size() + (long) n > maxBytes) {
                    p.destroyForcibly();
                    throw new DubbingFailure("the source's audio is longer than this server dubs");
                }
                out.write(buf, 0, n);
            }
            int code = p.waitFor();
            errReader.join(1000);
            if (code != 0) {
                if (!quiet) org.slf4j.LoggerFactory.getLogger(Media.class).info("ffmpeg exited {}: {}", code, err.toString().strip());
                return null;
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new DubbingFailure("ffmpeg failed", e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DubbingFailure("interrupted", e);
        } finally {
            killer.interrupt();
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void drain(InputStream in, ByteArrayOutputStream keep, int max) {
        try (in) {
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) if (keep.size() < max) keep.write(buf, 0, Math.min(n, max - keep.size()));
        } catch (IOException ignored) {
            // the process ended
        }
    }

    static Path temp(String suffix, byte[] data) throws IOException {
        Path p = Files.createTempFile("timbre-dub", suffix);
        Files.write(p, data);
        return p;
    }
}
