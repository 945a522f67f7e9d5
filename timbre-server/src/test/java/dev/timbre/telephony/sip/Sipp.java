package dev.timbre.telephony.sip;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Runs SIPp (Debian {@code sip-tester}) scenarios from {@code src/test/resources/sipp}; skips when it is not installed. */
public final class Sipp {
    public static final Path BINARY = Path.of("/usr/bin/sipp");

    public record Result(int exit, String output) {}

    private Sipp() {}

    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BINARY), "sipp (Debian sip-tester) is not installed");
    }

    /** Runs {@code scenario} against {@code 127.0.0.1:port} calling {@code service}, with extra SIPp flags. */
    public static Result run(String scenario, int port, String service, int timeoutSeconds, String... extra) throws Exception {
        Path file = Path.of(Sipp.class.getResource("/sipp/" + scenario).toURI());
        Path dir = Files.createTempDirectory("sipp");
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "127.0.0.1:" + port, "-sf", file.toString(), "-s", service,
                "-i", "127.0.0.1", "-p", Integer.toString(freePort()), "-mp", Integer.toString(20000 + 2 * ThreadLocalRandom.current().nextInt(5000)),
                "-nostdin", "-timeout", timeoutSeconds + "s", "-timeout_error", "-trace_err", "-error_file", dir.resolve("errors.log").toString()));
        if (!List.of(extra).contains("-m")) cmd.addAll(List.of("-m", "1"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds + 10L, TimeUnit.SECONDS)) p.destroyForcibly();
        String errors = Files.exists(dir.resolve("errors.log")) ? Files.readString(dir.resolve("errors.log")) : "";
        String text = new String(out);
        return new Result(p.exitValue(), text.substring(Math.max(0, text.length() - 3000)) + "\n" + errors);
    }

    /** Starts SIPp as a trunk (UAS) on {@code port} with {@code scenario}, echoing RTP; the caller waits for or destroys it. */
    public static Process serve(String scenario, int port, int timeoutSeconds) throws Exception {
        Path file = Path.of(Sipp.class.getResource("/sipp/" + scenario).toURI());
        Path dir = Files.createTempDirectory("sipp");
        List<String> cmd = List.of(BINARY.toString(), "-sf", file.toString(), "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-mp", Integer.toString(20000 + 2 * ThreadLocalRandom.current().nextInt(5000)), "-rtp_echo", "-m", "1", "-nostdin",
                "-timeout", timeoutSeconds + "s", "-timeout_error");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        Thread.sleep(300); // its sockets open
        return p;
    }

    /** A port free for both UDP and TCP on 127.0.0.1 (at the time of asking). */
    public static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket s = new ServerSocket(0)) {
                int port = s.getLocalPort();
                try (DatagramSocket d = new DatagramSocket(port)) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port");
    }
}
