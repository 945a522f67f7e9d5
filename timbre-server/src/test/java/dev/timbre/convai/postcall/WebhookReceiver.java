package dev.timbre.convai.postcall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.http.Json;
import dev.timbre.webhooks.WebhookSignature;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A webhook endpoint for tests (JDK HttpServer): answers the queued statuses in turn, then 200; records every POST. */
final class WebhookReceiver implements AutoCloseable {
    /** @param transferEncoding the request's {@code Transfer-Encoding} header, null when none */
    record Delivery(String signature, String body, String transferEncoding) {}

    final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final HttpServer server;

    WebhookReceiver() throws java.io.IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(new Delivery(ex.getRequestHeaders().getFirst("ElevenLabs-Signature"), body,
                    ex.getRequestHeaders().getFirst("Transfer-Encoding")));
            Integer status = statuses.poll();
            ex.sendResponseHeaders(status == null ? 200 : status, -1);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    Delivery next() throws InterruptedException {
        Delivery d = deliveries.poll(10, TimeUnit.SECONDS);
        assertThat(d).as("a webhook delivery").isNotNull();
        return d;
    }

    /** The body, after checking the signature against {@code secret} as a receiver would. */
    static JsonNode verified(Delivery d, String secret) throws Exception {
        assertThat(d.signature()).matches("t=\\d+,v0=[0-9a-f]{64}");
        long t = Long.parseLong(d.signature().substring(2, d.signature().indexOf(',')));
        assertThat(Math.abs(System.currentTimeMillis() / 1000 - t)).isLessThan(60);
        assertThat(d.signature()).isEqualTo(WebhookSignature.of(secret, t, d.body()));
        return Json.MAPPER.readTree(d.body());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
