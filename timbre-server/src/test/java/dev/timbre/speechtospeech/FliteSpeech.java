package dev.timbre.speechtospeech;

import java.nio.file.Files;
import java.nio.file.Path;

/** Speech by voices Timbre did not make: the {@code flite} command's WAV output (16 kHz for rms, slt, awb). */
final class FliteSpeech {
    private FliteSpeech() {}

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/flite"));
    }

    static byte[] say(String voice, String text) throws Exception {
        Path out = Files.createTempFile("flite", ".wav");
        try {
            Process p = new ProcessBuilder("flite", "-voice", voice, "-t", text, "-o", out.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) throw new IllegalStateException("flite failed");
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
