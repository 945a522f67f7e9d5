package dev.timbre.engine.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived helper command (a version or voice listing) without a shell, with a timeout. */
final class Programs {
    private Programs() {}

    /** Whether {@code command} starts and exits with status 0 within 5 s. */
    static boolean runs(String... command) {
        try {
            output(List.of(command), 5);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The command's standard output and error together; throws when it does not start, fails or times out. */
    static String output(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("timbre-cmd", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) throw new IOException(command.get(0) + " exited with " + p.exitValue() + ": " + text.strip());
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static boolean isSsml(String text) {
        String t = text.stripLeading();
        return t.startsWith("<speak") || t.startsWith("<?xml");
    }
}
