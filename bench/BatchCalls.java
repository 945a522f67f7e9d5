import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.convai.agents.AgentRepository;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.batchcalling.BatchCallRepository;
import dev.timbre.convai.batchcalling.BatchCallsService;
import dev.timbre.convai.batchcalling.BatchDispatcher;
import dev.timbre.convai.phonecalls.OutboundCall;
import dev.timbre.convai.phonecalls.PhoneCalls;
import dev.timbre.convai.phonecalls.PhoneDialer;
import dev.timbre.convai.phonecalls.PlacedCall;
import dev.timbre.convai.phonenumbers.PhoneNumberRepository;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.secrets.SecretCipher;
import dev.timbre.db.Database;
import dev.timbre.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Batch calling throughput with a fake dialer: for each concurrency N, one batch of R recipients on the embedded H2
 * database; each dial takes D ms (the carrier's request) and each call lasts C ms. Measures submit → batch completed
 * and reports calls/s, the most calls live at once, and the ideal N / (D + C) calls/s for comparison.
 * Usage: bench/batch-calls.sh [recipients=400 [dialMs=20 [callMs=200 [levels=1,4,16,64]]]]
 */
public class BatchCalls {
    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int dialMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int callMs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String levels = args.length > 3 ? args[3] : "1,4,16,64";
        System.out.printf("Batch of %d recipients, dial %d ms, call %d ms, embedded H2, load average %.2f%n%n", recipients, dialMs, callMs,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| concurrency | recipients | seconds | calls/s | ideal calls/s | most live |");
        System.out.println("|---|---|---|---|---|---|");
        for (String l : levels.split(",")) run(Integer.parseInt(l.trim()), recipients, dialMs, callMs);
    }

    static void run(int n, int recipients, int dialMs, int callMs) throws Exception {
        Path dir = Files.createTempDirectory("batch-bench");
        ScheduledExecutorService ends = Executors.newScheduledThreadPool(2);
        AtomicInteger live = new AtomicInteger(), most = new AtomicInteger(), ids = new AtomicInteger();
        PhoneDialer fake = new PhoneDialer() {
            public String provider() { return "twilio"; }
            public PlacedCall dial(OutboundCall call) {
                try { Thread.sleep(dialMs); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                most.accumulateAndGet(live.incrementAndGet(), Math::max);
                CompletableFuture<PlacedCall.CallResult> done = new CompletableFuture<>();
                ends.schedule(() -> { live.decrementAndGet(); done.complete(new PlacedCall.CallResult("completed", "bench")); }, callMs, TimeUnit.MILLISECONDS);
                int id = ids.incrementAndGet();
                return new PlacedCall("conv_" + id, "CA" + id, done);
            }
        };
        try (Database db = Database.open(Database.embeddedUrl(dir), null, null, null)) {
            Clock clock = Clock.systemUTC();
            AgentsService agents = new AgentsService(new AgentRepository(db.jdbi()), clock);
            String agent = agents.create((ObjectNode) Json.MAPPER.readTree("{\"name\":\"Bench\"}"));
            PhoneNumbersService numbers = new PhoneNumbersService(new PhoneNumberRepository(db.jdbi()), agents,
                    SecretCipher.openOrCreate(dir.resolve("secrets.key")), clock);
            String number = numbers.create(Json.MAPPER.readTree("{\"phone_number\":\"+15550000001\",\"label\":\"b\",\"sid\":\"s\",\"token\":\"t\"}")).get("phone_number_id");
            BatchCallRepository repo = new BatchCallRepository(db.jdbi());
            try (BatchDispatcher dispatcher = new BatchDispatcher(repo, new PhoneCalls(List.of(fake)), numbers::stored, clock, n, Duration.ofSeconds(1)).start()) {
                BatchCallsService service = new BatchCallsService(repo, dispatcher, agents, numbers, clock);
                StringBuilder rows = new StringBuilder();
                for (int i = 0; i < recipients; i++) rows.append(i == 0 ? "" : ",").append("{\"phone_number\":\"+1415").append(String.format("%07d", i)).append("\"}");
                long t0 = System.nanoTime();
                String id = service.submit(Json.MAPPER.readTree("{\"call_name\":\"bench\",\"agent_id\":\"" + agent + "\",\"agent_phone_number_id\":\""
                        + number + "\",\"recipients\":[" + rows + "]}")).get("id").asText();
                while (!repo.find(id).orElseThrow().status().equals("completed")) Thread.sleep(5);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("| %d | %d | %.2f | %.1f | %.1f | %d |%n", n, recipients, s, recipients / s, n * 1000.0 / (dialMs + callMs), most.get());
            }
        } finally {
            ends.shutdownNow();
        }
    }
}
