package dev.timbre.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Timbre as a separate JVM, as {@code ./timbre serve} runs it ({@code dev.timbre.Main serve} on this test's class
 * path, so the fake engines are there), on a free port with a given data dir and environment. Its output goes to
 * {@code log}. {@link #kill()} is {@code kill -9}; {@link #stop()} a normal stop (SIGTERM, the shutdown hook runs).
 * Not thread-safe; close it (a stop) in a finally.
 */
public final class ServerProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server and waits (at most {@code healthy}) until {@code /health} answers 200. */
    public static ServerProcess start(Path dataDir, Map<String, String> env, Path log, Duration healthy) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.timbre.Main", "serve",
                "--port", String.valueOf(port), "--data", dataDir.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("TIMBRE_"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ServerProcess server = new ServerProcess(pb.start(), port);
        long deadline = System.nanoTime() + healthy.toNanos();
        while (!server.healthy()) {
            if (!server.process.isAlive()) throw new IllegalStateException("the server exited with " + server.process.exitValue() + "; see " + log);
            if (System.nanoTime() > deadline) {
                server.kill();
                throw new IllegalStateException("the server was not healthy within " + healthy + "; see " + log);
            }
            Thread.sleep(100); // polling interval while waiting for start-up, not a proof of absence
        }
        return server;
    }

    public int port() { return port; }

    public String url(String path) { return "http://127.0.0.1:" + port + path; }

    boolean healthy() {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(url("/health"))).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code kill -9}: no shutdown hook, nothing flushed; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("the server survived SIGKILL");
    }

    /** A normal stop (SIGTERM): the shutdown hook closes the server and the database; forced after 30 s. */
    public void stop() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }

    /** A conversation socket on {@code pathAndQuery} ({@code /v1/convai/conversation?…}) that answers the server's pings. */
    public TestSocket conversation(String pathAndQuery) {
        return TestSocket.open(port, pathAndQuery, Map.of(), (ws, m) -> {
            if (!m.path("type").asText().equals("ping")) return false;
            ws.sendText(dev.timbre.http.Json.write(Map.of("type", "pong", "event_id", m.at("/ping_event/event_id").asInt())), true);
            return true;
        });
    }

    /** Sends the initiation data; returns the conversation id once the first message arrived (the record exists). */
    public static String started(TestSocket c) {
        c.send("{\"type\":\"conversation_initiation_client_data\",\"conversation_config_override\":{},\"dynamic_variables\":{}}");
        String id = c.nextMessage().at("/conversation_initiation_metadata_event/conversation_id").asText();
        c.messagesUntil(m -> m.path("type").asText().equals("agent_response"));
        return id;
    }

    /** Sends SIGTERM and returns at once (the server drains, then stops). */
    public void signalStop() { process.destroy(); }

    public boolean alive() { return process.isAlive(); }

    /** Waits up to {@code limit} for the process to end; whether it did. */
    public boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
