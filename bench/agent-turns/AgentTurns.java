import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Per-turn overhead of the agent conversation runtime (issue 6). Run with bench/agent-turns.sh. Starts a mock
 * OpenAI-compatible LLM ({@link MockChatServer}: fixed first-token delay) in this JVM and a Timbre server in its own
 * JVM configured to use it ({@link BenchServer}), creates a text-only agent, then for each concurrency level opens
 * that many conversations over the WebSocket ({@link BenchConversation}), each sending {@code turns} user messages
 * one after the other (conversations start {@link #RAMP_MS} apart). Per turn it measures, all on this JVM's clock: the client's time from sending
 * {@code user_message} to the first {@code agent_chat_response_part}; Timbre's inbound overhead (message sent →
 * the LLM request arrives at the mock); its outbound overhead (the mock flushes its first token → the part
 * arrives); and their sum, Timbre's own per-turn overhead. Then the live heap (after a full GC) with
 * {@code idle} open conversations against none. Prints a Markdown report.
 * Arguments: [turns per conversation=10] [levels=1,10,50] [first-token delay ms=300] [idle conversations=50].
 */
public class AgentTurns {
    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] levels = args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 10, 50};
        long delayMs = args.length > 2 ? Long.parseLong(args[2]) : 300;
        int idle = args.length > 3 ? Integer.parseInt(args[3]) : 50;

        try (MockChatServer mock = new MockChatServer(delayMs);
             BenchServer server = new BenchServer(Map.of("TIMBRE_LLM_KIND", "openai", "TIMBRE_LLM_URL", mock.baseUrl(),
                     "TIMBRE_LLM_MODEL", "mock-model", "TIMBRE_LLM_API_KEY", "mock-key"))) {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();
            String agentId = createAgent(server);
            String ws = "ws://127.0.0.1:" + server.port;
            run(http, ws, agentId, mock, 1, 20, "warmup"); // JIT, pools, first LLM connection
            run(http, ws, agentId, mock, 10, 10, "warmup10");

            System.out.println("## Agent conversation turn overhead (" + java.time.LocalDate.now() + ", "
                    + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + Runtime.version().feature() + ")\n");
            System.out.printf("Mock LLM first-token delay %d ms; %d turns per conversation; text-only; all times in ms.%n%n", delayMs, turns);
            System.out.println("Client-side: measured by the bench client and the mock (their own thread hand-offs and HTTP stacks included).\n"
                    + "Server-side: the server's own timer `timbre_agent_turn_overhead_seconds` (message received on the socket → LLM request "
                    + "opened, plus LLM first output → first part written), percentiles from its histogram buckets.\n");
            System.out.println("| conversations | turns | failed conversations | user_message → first part p50 | p95 | client-side overhead p50 | p95 | max "
                    + "| in (→ LLM request) p50 | p95 | out (first token → part) p50 | p95 | server-side overhead p50 | p95 | server in p95 | server out p95 |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (int n : levels) {
                ServerTurnMetrics.Snapshot before = ServerTurnMetrics.read(http, server.port);
                List<Measured> m = run(http, ws, agentId, mock, n, turns, "n" + n);
                ServerTurnMetrics.Snapshot after = ServerTurnMetrics.read(http, server.port);
                List<Double> total = m.stream().map(Measured::totalMs).toList();
                List<Double> over = m.stream().map(Measured::overheadMs).toList();
                List<Double> in = m.stream().map(Measured::inMs).toList();
                List<Double> out = m.stream().map(Measured::outMs).toList();
                System.out.printf("| %d | %d | %d | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", n, m.size(), failures.get("n" + n),
                        pct(total, 50), pct(total, 95), pct(over, 50), pct(over, 95), over.stream().mapToDouble(d -> d).max().orElse(Double.NaN),
                        pct(in, 50), pct(in, 95), pct(out, 50), pct(out, 95),
                        ServerTurnMetrics.percentile(before, after, "total", 50), ServerTurnMetrics.percentile(before, after, "total", 95),
                        ServerTurnMetrics.percentile(before, after, "in", 95), ServerTurnMetrics.percentile(before, after, "out", 95));
            }
            System.out.println();
            memory(http, ws, agentId, server, idle);
        }
        System.exit(0);
    }

    /** Delay between the starts of two conversations of one level (ms). */
    static final long RAMP_MS = 20;
    /** Failed conversations by level tag. */
    static final Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();

    /** One turn joined with the mock's timing of its LLM request. */
    record Measured(double totalMs, double inMs, double outMs) {
        double overheadMs() { return inMs + outMs; }
    }

    static String createAgent(BenchServer server) throws Exception {
        String body = "{\"name\":\"bench agent\",\"conversation_config\":{\"agent\":{\"first_message\":\"\",\"language\":\"en\","
                + "\"prompt\":{\"prompt\":\"You are a concise benchmark agent.\",\"llm\":\"gpt-4o-mini\"}},"
                + "\"conversation\":{\"text_only\":true}}}";
        return new ObjectMapper().readTree(server.post("/v1/convai/agents/create", body)).path("agent_id").asText();
    }

    /** {@code n} conversations at once, each {@code turns} turns; every turn's text is unique (the mock's key). */
    static List<Measured> run(HttpClient http, String ws, String agentId, MockChatServer mock, int n, int turns, String tag)
            throws Exception {
        List<BenchConversation.Turn> all = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        List<Double> connects = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                int conv = c;
                done.add(pool.submit(() -> {
                    Thread.sleep(RAMP_MS * conv); // conversations start spread over n × RAMP_MS, as callers arrive
                    try (BenchConversation talk = new BenchConversation()) {
                        long t0 = System.nanoTime();
                        talk.open(http, ws, agentId);
                        connects.add((System.nanoTime() - t0) / 1e6);
                        for (int t = 0; t < turns; t++) all.add(talk.turn("Hello, this is " + tag + " conversation " + conv + " turn " + t + "."));
                    } catch (Exception e) {
                        errors.add(e.getMessage());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
        if (!errors.isEmpty()) System.err.println(tag + ": " + errors.size() + " conversations failed, e.g. " + errors.get(0));
        if (!connects.isEmpty()) System.err.printf("%s: socket open → metadata p50 %.1f ms, max %.1f ms%n", tag, pct(connects, 50), Collections.max(connects));
        failures.put(tag, errors.size());
        List<Measured> out = new ArrayList<>();
        for (BenchConversation.Turn t : all) {
            MockChatServer.Timing m = mock.timingOf(t.text());
            if (m == null) throw new IllegalStateException("the mock LLM never saw the turn '" + t.text() + "' (is the server using it?)");
            out.add(new Measured((t.firstPartNanos() - t.sentNanos()) / 1e6, (m.receivedNanos() - t.sentNanos()) / 1e6,
                    (t.firstPartNanos() - m.firstTokenNanos()) / 1e6));
        }
        return out;
    }

    /** Live heap with {@code idle} open (handshaken, silent) conversations minus the live heap with none. */
    static void memory(HttpClient http, String ws, String agentId, BenchServer server, int idle) throws Exception {
        Thread.sleep(1000); // let closed sessions finish their post-call work
        long none = Math.min(server.liveHeapBytes(), server.liveHeapBytes());
        List<BenchConversation> open = new ArrayList<>();
        try {
            for (int i = 0; i < idle; i++) {
                BenchConversation c = new BenchConversation();
                open.add(c);
                c.open(http, ws, agentId);
                c.turn("Hello, this is idle conversation " + i + "."); // one finished turn: a transcript exists
            }
            long with = Math.min(server.liveHeapBytes(), server.liveHeapBytes());
            System.out.printf("Live heap after a full GC (jcmd GC.class_histogram): %.1f MiB with no conversation, %.1f MiB with %d "
                    + "open idle conversations (one turn each): **%.1f KiB per open conversation**.%n",
                    none / 1048576.0, with / 1048576.0, idle, (with - none) / 1024.0 / idle);
        } finally {
            for (BenchConversation c : open) c.close();
        }
    }

    static double pct(List<Double> values, int p) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }
}
