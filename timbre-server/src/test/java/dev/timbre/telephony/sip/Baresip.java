package dev.timbre.telephony.sip;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs baresip (Debian {@code baresip-core}) as a caller with no sound card: its microphone is a WAV file
 * ({@code aufile}), and what it receives is written to {@code dump-*-dec.wav} ({@code sndfile}). The call ends when
 * the file does (baresip sends BYE). Skips when baresip or flite is not installed.
 */
public final class Baresip {
    static final Path BINARY = Path.of("/usr/bin/baresip");
    static final Path FLITE = Path.of("/usr/bin/flite");

    private Baresip() {}

    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BINARY), "baresip is not installed");
        assumeTrue(Files.isExecutable(FLITE), "flite is not installed");
    }

    /** {@code text} spoken by flite's {@code slt} voice (resampled to 8 kHz 16-bit mono WAV), followed by {@code silenceSeconds} of silence. */
    public static Path speech(Path dir, String text, int silenceSeconds) throws Exception {
        Path raw = dir.resolve("speech-raw.wav");
        Process p = new ProcessBuilder(FLITE.toString(), "-voice", "slt", "--setf", "duration_stretch=1.25", "-t", text, "-o", raw.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("flite failed");
        dev.timbre.audio.Wav.Decoded d = dev.timbre.audio.Wav.read(Files.readAllBytes(raw));
        byte[] pcm = dev.timbre.audio.Resampler.resampleAll(d.pcm(), d.format().sampleRate(), 8000);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(new byte[8000 * 2 / 2]); // 0.5 s lead-in
        all.write(pcm);
        all.write(new byte[8000 * 2 * silenceSeconds]);
        Path out = dir.resolve("speech.wav");
        Files.write(out, dev.timbre.audio.Wav.wrap(all.toByteArray(), new dev.timbre.audio.PcmFormat(8000)));
        return out;
    }

    /** Calls {@code uri} with {@code wav} as the microphone; returns the received audio (s16le 8 kHz mono). */
    public static byte[] call(Path dir, String uri, Path wav, int maxSeconds) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path rec = Files.createDirectories(dir.resolve("rec"));
        int port = Sipp.freePort();
        int rtp = 46000 + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(2000);
        Files.writeString(conf.resolve("config"), String.join("\n",
                "poll_method epoll", "sip_listen 127.0.0.1:" + port, "audio_player aubridge,nil", "audio_source aufile," + wav,
                "audio_alert aubridge,nil", "ausrc_srate 8000", "auplay_srate 8000", "ausrc_channels 1", "auplay_channels 1",
                "rtp_ports " + rtp + "-" + (rtp + 20), "module_path /usr/lib/baresip/modules", "module g711.so", "module aufile.so",
                "module aubridge.so", "module sndfile.so", "module_app account.so", "module_app menu.so", "snd_path " + rec, ""));
        Files.writeString(conf.resolve("accounts"), "<sip:caller@127.0.0.1:" + port + ";transport=udp>;regint=0\n");
        Process p = new ProcessBuilder(BINARY.toString(), "-f", conf.toString(), "-e", "/dial " + uri, "-t", Integer.toString(maxSeconds))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("baresip.log").toFile()).start();
        if (!p.waitFor(maxSeconds + 15L, TimeUnit.SECONDS)) p.destroyForcibly();
        try (var files = Files.list(rec)) {
            List<Path> dec = files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).toList();
            if (dec.isEmpty()) throw new IllegalStateException("baresip recorded nothing: " + Files.readString(dir.resolve("baresip.log")));
            return dev.timbre.audio.Wav.read(Files.readAllBytes(dec.get(0))).pcm();
        }
    }

    /** A baresip that answers calls itself: its SIP URI, the process, and what it received once it is over. */
    public record Answerer(String uri, Process process, Path dir) {
        /** Waits for baresip to quit (its {@code -t}); returns the received audio (s16le 8 kHz mono). */
        public byte[] heard(int waitSeconds) throws Exception {
            if (!process.waitFor(waitSeconds, TimeUnit.SECONDS)) process.destroyForcibly();
            try (var files = Files.list(dir.resolve("rec"))) {
                List<Path> dec = files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).toList();
                if (dec.isEmpty()) throw new IllegalStateException("baresip recorded nothing: " + log());
                return dev.timbre.audio.Wav.read(Files.readAllBytes(dec.get(0))).pcm();
            }
        }

        public String log() throws java.io.IOException { return Files.readString(dir.resolve("baresip.log")); }
    }

    /**
     * Starts baresip answering every call at once ({@code answermode=auto}) with {@code wav} as its microphone, for
     * {@code maxSeconds}; what it receives is recorded.
     */
    public static Answerer answer(Path dir, Path wav, int maxSeconds) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path rec = Files.createDirectories(dir.resolve("rec"));
        int port = Sipp.freePort();
        int rtp = 42000 + 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(2000);
        Files.writeString(conf.resolve("config"), String.join("\n",
                "poll_method epoll", "sip_listen 127.0.0.1:" + port, "audio_player aubridge,nil", "audio_source aufile," + wav,
                "audio_alert aubridge,nil", "ausrc_srate 8000", "auplay_srate 8000", "ausrc_channels 1", "auplay_channels 1",
                "rtp_ports " + rtp + "-" + (rtp + 20), "module_path /usr/lib/baresip/modules", "module g711.so", "module aufile.so",
                "module aubridge.so", "module sndfile.so", "module_app account.so", "module_app menu.so", "snd_path " + rec, ""));
        Files.writeString(conf.resolve("accounts"), "<sip:operator@127.0.0.1:" + port + ";transport=udp>;regint=0;answermode=auto\n");
        Process p = new ProcessBuilder(BINARY.toString(), "-f", conf.toString(), "-t", Integer.toString(maxSeconds))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("baresip.log").toFile()).start();
        Thread.sleep(700); // its sockets open
        return new Answerer("sip:operator@127.0.0.1:" + port, p, dir);
    }

    /** 20 ms windows of s16le PCM louder than {@code rms}. */
    public static int loudWindows(byte[] pcm, double rms) {
        int n = 0;
        for (int i = 0; i + 320 <= pcm.length; i += 320) {
            double sum = 0;
            for (int j = i; j < i + 320; j += 2) {
                double s = (short) ((pcm[j] & 0xff) | (pcm[j + 1] << 8));
                sum += s * s;
            }
            if (Math.sqrt(sum / 160) > rms) n++;
        }
        return n;
    }
}
