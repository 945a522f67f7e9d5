package dev.timbre.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.http.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook endpoint on 127.0.0.1 for the server-process tests: answers every POST 200 and records each delivery as
 * {@code type:id} (the transcription id of a speech-to-text webhook, else the conversation id), in arrival order,
 * repeats included. {@link #config} writes a {@code TIMBRE_CONFIG} file that sends both the speech-to-text and the
 * post-call webhooks here. Thread-safe; {@link #close} stops it.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() throws IOException {
        WebhookReceiver r = new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        r.server.createContext("/", ex -> {
            JsonNode body = Json.MAPPER.readTree(ex.getRequestBody().readAllBytes());
            String id = body.at("/data/transcription/transcription_id").asText(body.at("/data/conversation_id").asText());
            r.delivered.add(body.path("type").asText() + ":" + id);
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        r.server.start();
        return r;
    }

    /** Every delivery so far, {@code type:id}, in arrival order. */
    public List<String> delivered() { return delivered; }

    /** Writes {@code file}: a configuration whose speech-to-text and post-call webhooks (secret {@code s3cret}) come here. */
    public Path config(Path file) throws IOException {
        String hook = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        return Files.writeString(file, "webhooks:\n  speech_to_text: {url: '" + hook + "', secret: s3cret}\n"
                + "  post_call: {url: '" + hook + "', secret: s3cret}\n");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
