package dev.timbre.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The abuse suite: more than 10,000 malformed requests (seeded, so every run sends the same) across every route the
 * server mounts and every operation of the OpenAPI document, plus garbage frames on every WebSocket route, while
 * {@code /health} is polled in parallel. No response may be a 5xx, no request may hang (each has a client timeout),
 * {@code /health} must answer 200 throughout, and every error body must be JSON with ElevenLabs' {@code detail}.
 * Prints the status counts and the peak heap used (the server runs in this JVM) for the release notes.
 */
@Tag("integration")
class AbuseApiTest {
    private static final long SEED = 13;
    private static final int HTTP_TARGET = 10_000, IN_FLIGHT = 12, SOCKETS_PER_ROUTE = 30, FRAMES_PER_SOCKET = 16;

    @Test
    void malformed_requests_on_every_route_get_client_errors_and_never_stop_the_server() throws Exception {
        long started = System.nanoTime();
        try (TestServer server = TestServer.start(); AbuseTally tally = new AbuseTally(); HealthPoller health = new HealthPoller(server)) {
            Map<String, String> ids = knownIds(server);
            Random random = new Random(SEED);
            List<String> routes = server.timbre().routes();
            sendHttp(server, httpJobs(routes, random), ids, random, tally);
            double httpSeconds = (System.nanoTime() - started) / 1e9;
            sendSockets(server, routes, ids, random, tally);
            health.stop();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%nAbuse suite (seed %d): %d requests and sockets in %.1f s (HTTP done at %.1f s); /health polled %d times, %d failed;"
                            + " peak heap used %d MiB%n%s%n", SEED, tally.total(), seconds, httpSeconds, health.polls(), health.failures().size(),
                    tally.peakHeapBytes() >> 20, tally.table());
            tally.cutOff().forEach(c -> System.out.println("cut off: " + c));
            assertThat(tally.failures()).as("responses >= 500 and hangs").isEmpty();
            assertThat(tally.count("5xx") + tally.count(AbuseTally.HANG)).isZero();
            assertThat(tally.count("ws-close-1011")).as("sockets closed with an internal error").isZero();
            assertThat(tally.total()).isGreaterThanOrEqualTo(10_000);
            assertThat(health.failures()).as("/health failures").isEmpty();
            assertThat(health.polls()).isPositive();
            assertThat(badShapes).as("error bodies without ElevenLabs' detail").isEmpty();
        }
    }

    private final List<String> badShapes = Collections.synchronizedList(new ArrayList<>());

    /** Every routed HTTP endpoint gets each kind of abuse several times; operations only the document lists get a few. */
    private static List<String[]> httpJobs(List<String> routes, Random random) {
        List<String> http = routes.stream().filter(r -> !r.startsWith("WS ")).toList();
        List<String> specOnly = new ArrayList<>();
        OpenApiContract.spec().path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            String route = m.toUpperCase() + " " + p.getKey();
            if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(m.toUpperCase()) && !http.contains(route)) specOnly.add(route);
        }));
        List<String[]> jobs = new ArrayList<>();
        for (String route : specOnly) jobs.add(new String[] {route, pick(random, MalformedRequests.KINDS)});
        int rounds = Math.max(1, (HTTP_TARGET - jobs.size()) / (http.size() * MalformedRequests.KINDS.size()));
        for (int i = 0; i < rounds; i++) for (String route : http) for (String kind : MalformedRequests.KINDS) jobs.add(new String[] {route, kind});
        while (jobs.size() < HTTP_TARGET) jobs.add(new String[] {pick(random, http), pick(random, MalformedRequests.KINDS)});
        Collections.shuffle(jobs, random);
        return jobs;
    }

    private void sendHttp(TestServer server, List<String[]> jobs, Map<String, String> ids, Random random, AbuseTally tally) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        MalformedRequests requests = new MalformedRequests(server.url(""), ids, random);
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        for (String[] job : jobs) {
            MalformedRequests.Probe probe = requests.probe(job[0], job[1]);
            inFlight.acquire();
            client.sendAsync(probe.request(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
                try {
                    String where = probe.request().method() + " " + probe.request().uri().getRawPath() + " (" + probe.route() + ", " + probe.kind() + ")";
                    if (e == null) {
                        tally.record(probe.kind(), Integer.toString(r.statusCode()), where + ": " + abbreviate(r.body()));
                        if (r.statusCode() >= 400) checkShape(r, where);
                    } else {
                        boolean hang = e instanceof HttpTimeoutException || e.getCause() instanceof HttpTimeoutException;
                        tally.record(probe.kind(), hang ? AbuseTally.HANG : AbuseTally.CLOSED, where + ": " + e);
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(IN_FLIGHT);
        inFlight.release(IN_FLIGHT);
    }

    private void checkShape(HttpResponse<byte[]> r, String where) {
        try {
            // a probe may ask for gzip (MalformedRequests' Accept-Encoding case), and a long error body is then compressed
            boolean gzip = r.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
            byte[] bytes = gzip ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body())).readAllBytes() : r.body();
            JsonNode body = Json.MAPPER.readTree(bytes);
            if (body.has("detail") || body.has("error")) return; // "error": the OpenAI alias's own shape
        } catch (Exception notJson) {
            // falls through
        }
        if (badShapes.size() < 20) badShapes.add(r.statusCode() + " " + where + ": " + abbreviate(r.body()));
    }

    private static void sendSockets(TestServer server, List<String> routes, Map<String, String> ids, Random random, AbuseTally tally) throws InterruptedException {
        List<String> sockets = routes.stream().filter(r -> r.startsWith("WS ")).map(r -> r.substring(3)).toList();
        AtomicInteger seed = new AtomicInteger((int) SEED);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (String template : sockets) {
                for (int i = 0; i < SOCKETS_PER_ROUTE; i++) {
                    boolean known = random.nextInt(4) > 0;
                    String path = template.replace("{voice_id}", known ? ids.get("voice_id") : "nope" + i)
                            + (known ? "?agent_id=" + ids.get("agent_id") + "&model_id=eleven_flash_v2_5" : "?agent_id=%00&model_id=x&inactivity_timeout=-1&output_format=zz");
                    Random own = new Random(seed.incrementAndGet());
                    pool.submit(() -> tally.record("websocket", SocketAbuse.run(server.timbre().port(), path, TestServer.KEY, own, FRAMES_PER_SOCKET), template));
                }
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Ids of things that exist, so that half of the malformed requests get past the lookup to the validation. */
    private static Map<String, String> knownIds(TestServer server) {
        String agent = server.postJson("/v1/convai/agents/create", "{\"conversation_config\":{}}").json().path("agent_id").asText();
        String voice = server.firstVoiceId();
        String item = server.postJson("/v1/text-to-speech/" + voice, "{\"text\":\"Hello there.\"}").header("history-item-id");
        String tool = server.postJson("/v1/convai/tools", """
                {"tool_config": {"type": "webhook", "name": "get_weather", "description": "Weather for a city",
                  "api_schema": {"url": "https://example.com/weather", "method": "GET"}}}""").json().path("id").asText();
        String conversation = server.postJson("/v1/convai/agents/" + agent + "/simulate-conversation",
                "{\"simulation_specification\":{\"simulated_user_config\":{}}}").json().path("conversation_id").asText("");
        return Map.of("voice_id", voice, "agent_id", agent, "model_id", "eleven_multilingual_v2", "history_item_id", String.valueOf(item),
                "tool_id", tool, "conversation_id", conversation.isEmpty() ? "none" : conversation);
    }

    private static String pick(Random random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String abbreviate(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8);
        return s.replaceAll("\\s+", " ");
    }

    /** Polls {@code GET /health} every 250 ms on its own thread; a non-200 or no answer in 5 s is a failure. */
    private static final class HealthPoller implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger polls = new AtomicInteger();
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        HealthPoller(TestServer server) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/health"))).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) failures.add("status " + r.statusCode());
                        polls.incrementAndGet();
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }, "abuse-health");
            thread.start();
        }

        int polls() { return polls.get(); }

        List<String> failures() { return List.copyOf(failures); }

        void stop() throws InterruptedException {
            running.set(false);
            thread.interrupt();
            thread.join(10_000);
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
