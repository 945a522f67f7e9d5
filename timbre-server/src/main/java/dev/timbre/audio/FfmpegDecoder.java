package dev.timbre.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Every other container (mp4, m4a, webm, mkv, Ogg Vorbis, AAC…) through an {@code ffmpeg} subprocess, when one is
 * installed, to 16 kHz mono; refused as {@link AudioFormatException.Kind#UNSUPPORTED} otherwise. Thread-safe; each
 * call runs its own process, killed at the decode's deadline ({@link DecodeLimits#timeout()}) or as soon as the output
 * passes a limit. The output goes straight into {@link DecodedChannels} as it arrives (16 kHz mono: at most 32 KB/s).
 */
final class FfmpegDecoder {
    private final Optional<Path> executable;

    FfmpegDecoder(Optional<Path> executable) {
        this.executable = executable;
    }

    Optional<Path> executable() { return executable; }

    DecodedChannels decode(byte[] data, AudioContainer c, DecodeLimit limit, DecodedChannels.Target target) {
        if (executable.isEmpty()) {
            String what = c == AudioContainer.OTHER ? "unrecognised audio format" : "unsupported format (" + c.displayName() + ")";
            throw AudioFormatException.unsupported(what + "; supported: WAV, MP3, FLAC, Ogg Opus; install ffmpeg to decode mp4/m4a/webm/mkv/aac/ogg vorbis");
        }
        int rate = 16000;
        Path in = null;
        Process p = null;
        try {
            // a temp file, not stdin: MP4s with the index (moov) at the end need a seekable input
            in = Files.createTempFile("timbre-upload", ".bin");
            Files.write(in, data);
            p = new ProcessBuilder(executable.get().toString(), "-nostdin", "-hide_banner", "-loglevel", "error",
                    "-i", in.toString(), "-vn", "-f", "s16le", "-acodec", "pcm_s16le", "-ac", "1", "-ar", String.valueOf(rate), "pipe:1")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            Process proc = p;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> drain(proc.getErrorStream(), err, 8192), "ffmpeg-stderr");
            errReader.setDaemon(true);
            errReader.start();
            long timeoutNanos = limit.remainingNanos();
            Thread killer = new Thread(() -> {
                try {
                    if (!proc.waitFor(timeoutNanos, TimeUnit.NANOSECONDS)) proc.destroyForcibly();
                } catch (InterruptedException ignored) {
                    proc.destroyForcibly();
                }
            }, "ffmpeg-timeout");
            killer.setDaemon(true);
            killer.start();
            DecodedChannels out = new DecodedChannels(rate, 1, limit, target);
            try (InputStream o = p.getInputStream()) {
                byte[] buf = new byte[65536];
                int n, carry = 0;
                while ((n = o.read(buf, carry, buf.length - carry)) > 0) {
                    int have = carry + n, even = have & ~1;
                    short[] s = Pcm.toSamples(buf, 0, even);
                    out.append(s, s.length); // throws (and the finally kills ffmpeg) past a limit or the deadline
                    carry = have - even;
                    if (carry == 1) buf[0] = buf[even];
                }
            }
            if (!p.waitFor(Math.max(1, limit.remainingNanos()), TimeUnit.NANOSECONDS)) {
                p.destroyForcibly();
                throw limit.timedOut();
            }
            limit.checkDeadline(); // killed by the timeout thread
            errReader.join(1000);
            if (p.exitValue() != 0 || out.frames() == 0) {
                String msg = err.toString(StandardCharsets.UTF_8).strip();
                throw AudioFormatException.corrupt("ffmpeg could not decode the " + c.displayName() + (msg.isEmpty() ? "" : ": " + msg.lines().findFirst().orElse("")));
            }
            return out;
        } catch (IOException e) {
            throw AudioFormatException.unsupported("cannot run ffmpeg: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AudioFormatException.corrupt("interrupted while decoding with ffmpeg");
        } finally {
            if (p != null && p.isAlive()) p.destroyForcibly();
            if (in != null) {
                try {
                    Files.deleteIfExists(in);
                } catch (IOException ignored) {
                    // temp dir cleanup is best effort
                }
            }
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream keep, int cap) {
        byte[] buf = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (keep.size() < cap) keep.write(buf, 0, Math.min(n, cap - keep.size()));
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
