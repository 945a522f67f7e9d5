package dev.timbre.convai.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.agents.AgentRepository;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.conversation.transport.UsedGrantRepository;
import dev.timbre.convai.phonecalls.OutboundCall;
import dev.timbre.convai.phonecalls.OutboundCalls;
import dev.timbre.convai.phonecalls.PhoneCalls;
import dev.timbre.convai.phonecalls.PlacedCall;
import dev.timbre.convai.phonenumbers.PhoneNumberRepository;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.secrets.SecretCipher;
import dev.timbre.db.Database;
import dev.timbre.http.ErrorBodies;
import dev.timbre.http.Json;
import dev.timbre.telephony.LineListener;
import dev.timbre.telephony.PhoneLine;
import dev.timbre.testing.TestDatabases;
import io.javalin.Javalin;
import io.javalin.apibuilder.ApiBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes' Twilio services on one PostgreSQL database (one JVM, each with its own HTTP server, as behind a load
 * balancer): a call placed by node A whose Media Stream and status callback reach node B runs with the initiation
 * data A was given, and A's {@code PlacedCall.finished} learns the outcome B recorded.
 */
@Tag("integration")
class TwilioClusterTest {
    static final String TOKEN = "twilio-auth-token";
    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    /** One call a node's recording agent took. */
    record Taken(PhoneLine line, String conversationId, JsonNode initiation, CompletableFuture<String> ended) {}

    record Node(TwilioService twilio, Javalin app, BlockingQueue<Taken> taken) implements AutoCloseable {
        String base() { return "http://127.0.0.1:" + app.port(); }

        @Override
        public void close() {
            app.stop();
            twilio.close();
        }
    }

    Node node(Database db, PhoneNumbersService numbers, AgentsService agents, byte[] key, FakeTwilio fake, String nodeId, String prefix) {
        BlockingQueue<Taken> taken = new LinkedBlockingQueue<>();
        LineRunner runner = (line, agent, phoneNumber, initiation, conversationId) -> {
            CompletableFuture<String> ended = new CompletableFuture<>();
            line.open(new LineListener() {
                @Override public void audio(byte[] ulaw) { }
                @Override public void digit(char d) { }
                @Override public void ended(String reason) { ended.complete(reason); }
            });
            taken.add(new Taken(line, conversationId, initiation, ended));
            return conversationId;
        };
        TwilioService twilio = new TwilioService(numbers, runner, () -> prefix + System.nanoTime(), key, new TimbreConfig.Telephony(fake.url(), null),
                Clock.systemUTC(), new UsedGrantRepository(db.jdbi()), db.jdbi(), nodeId);
        TwilioOutboundCalls outbound = new TwilioOutboundCalls(new OutboundCalls(numbers, agents, new PhoneCalls(List.of(twilio.dialer()))), twilio);
        Javalin app = Javalin.create(c -> c.router.apiBuilder(() -> ApiBuilder.path("/", new TwilioRoutes(twilio, outbound))));
        ErrorBodies.install(app);
        app.start("127.0.0.1", 0);
        twilio.noteOrigin("http://127.0.0.1:" + app.port());
        return new Node(twilio, app, taken);
    }

    @Test
    void a_call_placed_on_one_node_is_streamed_and_finished_on_another() throws Exception {
        Clock clock = Clock.systemUTC();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        try (Database db = TestDatabases.postgres(); FakeTwilio fake = new FakeTwilio()) {
            AgentsService agents = new AgentsService(new AgentRepository(db.jdbi()), clock);
            String agentId = agents.create((ObjectNode) Json.MAPPER.readTree("{\"name\":\"Phone agent\"}"));
            PhoneNumbersService numbers = new PhoneNumbersService(new PhoneNumberRepository(db.jdbi()), agents,
                    SecretCipher.openOrCreate(dir.resolve("secrets.key")), clock);
            String numberId = numbers.create(Json.MAPPER.readTree("{\"provider\":\"twilio\",\"phone_number\":\"+15550100001\",\"label\":\"t\","
                    + "\"sid\":\"ACtest\",\"token\":\"" + TOKEN + "\"}")).get("phone_number_id");
            fake.answerCalls = false; // the test opens each stream itself, on the other node
            try (Node a = node(db, numbers, agents, key, fake, "node_a", "conv_a"); Node b = node(db, numbers, agents, key, fake, "node_b", "conv_b")) {
                // answered: the stream reaches B, which runs the agent with A's initiation data
                JsonNode initiation = Json.MAPPER.readTree("{\"dynamic_variables\":{\"name\":\"Bo\"}}");
                PlacedCall placed = a.twilio().dialer().dial(new OutboundCall(numbers.stored(numberId), agentId, "+15557654321", initiation, null));
                String twiml = fake.to("/Calls.json").get(fake.to("/Calls.json").size() - 1).form().get("Twiml");
                TwilioStreamApiTest.Stream stream = TwilioStreamApiTest.streamOf(twiml);
                try (MediaStreamsClient callee = MediaStreamsClient.connect(TwilioService.streamUrl(b.base())).start("ACtest", placed.callId(), stream.parameters())) {
                    Taken call = b.taken().poll(10, TimeUnit.SECONDS);
                    assertThat(call).as("node B took the call").isNotNull();
                    assertThat(call.conversationId()).isEqualTo(placed.conversationId());
                    assertThat(call.initiation().path("dynamic_variables").path("name").asText()).isEqualTo("Bo");
                    assertThat(call.line().info().direction()).isEqualTo("outbound");
                    assertThat(a.taken()).isEmpty();
                    assertThat(statusCallback(b, placed, "in-progress").statusCode()).isEqualTo(200);
                    Thread.sleep(700);
                    assertThat(placed.finished()).as("the call is live on B").isNotDone();
                    callee.stop();
                    assertThat(call.ended().get(5, TimeUnit.SECONDS)).isNotNull();
                }
                PlacedCall.CallResult result = placed.finished().get(10, TimeUnit.SECONDS);
                assertThat(result.outcome()).isEqualTo("completed");
                assertThat(statusCallback(b, placed, "completed").statusCode()).as("finished: nothing to tell").isEqualTo(200);
                await().atMost(Duration.ofSeconds(5)).until(() -> a.twilio().pending().waiting() == 0 && a.twilio().pending().get(placed.conversationId()) == null);
                assertThat(rows(db)).as("A forgot the finished call").isZero();

                // never answered: B's status callback finishes the call A placed
                PlacedCall busy = a.twilio().dialer().dial(new OutboundCall(numbers.stored(numberId), agentId, "+15551112222", null, null));
                assertThat(statusCallback(b, busy, "busy", "wrong-token").statusCode()).isEqualTo(403);
                assertThat(statusCallback(b, busy, "busy").statusCode()).isEqualTo(200);
                assertThat(busy.finished().get(10, TimeUnit.SECONDS)).isEqualTo(new PlacedCall.CallResult("busy", "Twilio call status busy"));
                await().atMost(Duration.ofSeconds(5)).until(() -> rows(db) == 0);

                // the node running a stream dies before recording its end: Twilio's "completed" callback to A finishes it
                PlacedCall cut = a.twilio().dialer().dial(new OutboundCall(numbers.stored(numberId), agentId, "+15553334444", null, null));
                String cutTwiml = fake.to("/Calls.json").get(fake.to("/Calls.json").size() - 1).form().get("Twiml");
                try (MediaStreamsClient callee = MediaStreamsClient.connect(TwilioService.streamUrl(b.base()))
                        .start("ACtest", cut.callId(), TwilioStreamApiTest.streamOf(cutTwiml).parameters())) {
                    assertThat(b.taken().poll(10, TimeUnit.SECONDS)).isNotNull();
                    assertThat(statusCallback(a, cut, "completed").statusCode()).isEqualTo(200);
                    assertThat(cut.finished().get(5, TimeUnit.SECONDS)).isEqualTo(new PlacedCall.CallResult("completed", "Twilio call status completed"));
                }
            }
        }
    }

    private static int rows(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM twilio_pending_calls").mapTo(Integer.class).one());
    }

    private HttpResponse<String> statusCallback(Node to, PlacedCall call, String status) throws Exception {
        return statusCallback(to, call, status, TOKEN);
    }

    private HttpResponse<String> statusCallback(Node to, PlacedCall call, String status, String token) throws Exception {
        String path = TwilioService.STATUS_PATH + "?conversation_id=" + call.conversationId();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "ACtest");
        form.put("CallSid", call.callId());
        form.put("CallStatus", status);
        HttpRequest request = HttpRequest.newBuilder(URI.create(to.base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.compute(token, to.base() + path, TwilioStreamApiTest.multi(form)))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioStreamApiTest.form(form))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
