import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Voice turn latency of the agent conversation pipeline (issue 7). Run with bench/voice-turns.sh. Starts the mock
 * OpenAI-compatible LLM ({@link MockChatServer}) in this JVM and a Timbre server with its real engines (MaryTTS,
 * pocketsphinx, Silero VAD) in its own JVM using it ({@link BenchServer}); makes the user's utterances with the
 * server's TTS ({@link Utterances}), alternating with ones that have a pause inside ({@link PausedUtterances}); creates a voice agent (pcm_16000 both ways, no first message); then for each
 * first-token delay and each concurrency level opens that many voice conversations ({@link VoiceCall}: 20 ms chunks at
 * real-time pace, silence between turns), each speaking {@code turns} utterances. Per turn: the send time of the
 * chunk holding the utterance's last voiced sample → the arrival of the reply's first {@code audio} event, all on this
 * JVM's clock. With it, the server's own stage breakdown from {@code timbre_agent_voice_latency_seconds{stage}}
 * (bucket differences between before and after the level). Prints a Markdown report.
 * Arguments: [turns per conversation=10] [levels=1,8] [first-token delays ms=0,300] [turn eagerness=normal] [speculative_turn=false].
 */
public class VoiceTurns {
    static final String[] STAGES = {"vad_end", "transcript_final", "llm_first_token", "tts_first_audio", "first_audio_sent"};
    /** Delay between the starts of two conversations of one level (ms): callers' turns do not all end together. */
    static final long STAGGER_MS = 450;

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] levels = Arrays.stream((args.length > 1 ? args[1] : "1,8").split(",")).mapToInt(Integer::parseInt).toArray();
        long[] delays = Arrays.stream((args.length > 2 ? args[2] : "0,300").split(",")).mapToLong(Long::parseLong).toArray();
        String eagerness = args.length > 3 ? args[3] : "normal";
        boolean speculative = args.length > 4 && Boolean.parseBoolean(args[4]);

        try (MockChatServer mock = new MockChatServer(0);
             BenchServer server = new BenchServer(Map.of("TIMBRE_LLM_KIND", "openai", "TIMBRE_LLM_URL", mock.baseUrl(),
                     "TIMBRE_LLM_MODEL", "mock-model", "TIMBRE_LLM_API_KEY", "mock-key"))) {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();
            String voice = Utterances.firstPremadeVoice(server);
            List<Utterances.Utterance> plain = Utterances.make(server, voice);
            List<Utterances.Utterance> paused = PausedUtterances.make(server, voice);
            List<Utterances.Utterance> script = interleave(plain, paused);
            String agentId = createAgent(server, voice, eagerness, speculative);
            String ws = "ws://127.0.0.1:" + server.port;
            run(http, ws, agentId, script, 1, 4, "warmup"); // JIT, decoder pool, first LLM connection
            run(http, ws, agentId, script, Math.max(1, Arrays.stream(levels).max().orElse(1)), 2, "warmup-n");

            System.out.println("## Voice turn latency (" + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " CPUs, Java " + Runtime.version().feature() + ")\n");
            System.out.printf("%d turns per conversation; turn eagerness %s" + (speculative ? ", speculative turns" : "") + "; utterances %.1f–%.1f s, 16 kHz: "
                            + "%d plain (server TTS) alternating with %d with a 300–500 ms pause inside (server TTS, espeak-ng, flite); "
                            + "all times in ms from the end of the user's speech; early replies: replies whose audio began before the user's utterance ended.%n%n",
                    turns, eagerness, script.stream().mapToDouble(Utterances.Utterance::seconds).min().orElse(0),
                    script.stream().mapToDouble(Utterances.Utterance::seconds).max().orElse(0), plain.size(), paused.size());
            StringBuilder stages = new StringBuilder("| conversations | LLM first-token delay |");
            for (String s : STAGES) stages.append(" ").append(s).append(" p50 / p95 |");
            stages.append("\n|---|---|").append("---|".repeat(STAGES.length)).append("\n");
            System.out.println("| conversations | LLM first-token delay | turns | failed | early replies / turns | turns ended mid-utterance | last voiced chunk sent → first audio p50 | p95 | max | target p95 | met | load average after |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (long delay : delays) {
                mock.firstTokenDelay(delay);
                for (int n : levels) {
                    ServerTurnMetrics.Snapshot before = ServerTurnMetrics.read(http, server.port, ServerTurnMetrics.VOICE_LATENCY, "stage");
                    Result r = run(http, ws, agentId, script, n, turns, "n" + n + "-d" + delay);
                    ServerTurnMetrics.Snapshot after = ServerTurnMetrics.read(http, server.port, ServerTurnMetrics.VOICE_LATENCY, "stage");
                    long target = (n <= 1 ? 350 : 500) + delay;
                    double p95 = AgentTurns.pct(r.latencies, 95);
                    System.out.printf("| %d | %d | %d | %d | %d / %d | %d | %.0f | %.0f | %.0f | %d | %s | %s |%n", n, delay, r.latencies.size(), r.failed, r.earlyReplies, r.turns, r.splitTurns,
                            AgentTurns.pct(r.latencies, 50), p95, r.latencies.stream().mapToDouble(d -> d).max().orElse(Double.NaN),
                            target, p95 <= target ? "yes" : "**no**", loadAverage());
                    stages.append("| ").append(n).append(" | ").append(delay).append(" |");
                    for (String s : STAGES) {
                        stages.append(String.format(" %.0f / %.0f |", ServerTurnMetrics.percentile(before, after, s, 50),
                                ServerTurnMetrics.percentile(before, after, s, 95)));
                    }
                    stages.append("\n");
                }
            }
            System.out.println("\nServer-side stages (`timbre_agent_voice_latency_seconds{stage}`, cumulative from the last voiced VAD frame; "
                    + "percentiles interpolated in the histogram's buckets):\n");
            System.out.print(stages);
        }
        System.exit(0);
    }

    /** The machine's 1-minute load average (other processes compete for the same CPUs), or "?" off Linux. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    /** The measured turns of one level, and how many turns or conversations failed. */
    /**
     * The measured turns of one level, how many turns or conversations failed, the early replies, the utterances
     * spoken, and the turns the server ended inside an utterance ({@code user_transcript} events beyond one per
     * utterance: unlike early replies, counted however late the reply comes).
     */
    record Result(List<Double> latencies, int failed, int earlyReplies, int turns, int splitTurns) {}

    /** Plain and paused utterances alternating (each list repeating as needed), as long as the longer list twice. */
    static List<Utterances.Utterance> interleave(List<Utterances.Utterance> plain, List<Utterances.Utterance> paused) {
        if (paused.isEmpty()) return plain;
        List<Utterances.Utterance> out = new ArrayList<>();
        for (int i = 0; i < Math.max(plain.size(), paused.size()); i++) {
            out.add(plain.get(i % plain.size()));
            out.add(paused.get(i % paused.size()));
        }
        return out;
    }

    static String createAgent(BenchServer server, String voiceId, String eagerness, boolean speculative) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode body = json.createObjectNode().put("name", "voice bench agent");
        ObjectNode cc = body.putObject("conversation_config");
        cc.putObject("agent").put("first_message", "").put("language", "en")
                .putObject("prompt").put("prompt", "You are a concise benchmark agent.").put("llm", "gpt-4o-mini");
        cc.putObject("tts").put("voice_id", voiceId).put("agent_output_audio_format", "pcm_16000");
        cc.putObject("asr").put("user_input_audio_format", "pcm_16000");
        cc.putObject("turn").put("turn_eagerness", eagerness).put("speculative_turn", speculative);
        cc.putObject("conversation").put("text_only", false);
        return json.readTree(server.post("/v1/convai/agents/create", json.writeValueAsString(body))).path("agent_id").asText();
    }

    /** {@code n} voice conversations at once (started {@link #STAGGER_MS} apart), each speaking {@code turns} utterances. */
    static Result run(HttpClient http, String ws, String agentId, List<Utterances.Utterance> script, int n, int turns, String tag)
            throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger early = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger spoken = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger split = new java.util.concurrent.atomic.AtomicInteger();
        Map<String, Integer> cutIn = new java.util.concurrent.ConcurrentSkipListMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                int conv = c;
                done.add(pool.submit(() -> {
                    Thread.sleep(STAGGER_MS * conv);
                    try (VoiceCall call = new VoiceCall()) {
                        call.open(http, ws, agentId);
                        for (int t = 0; t < turns; t++) {
                            Utterances.Utterance said = script.get((conv * 6 + t) % script.size());
                            VoiceCall.Turn turn = call.turn(said);
                            if (turn != null && turn.earlyReplies() > 0) cutIn.merge(said.text(), turn.earlyReplies(), Integer::sum);
                            spoken.incrementAndGet();
                            if (turn == null) errors.add("turn " + t + " of conversation " + conv + ": no reply audio");
                            else latencies.add(turn.latencyMs());
                            if (turn != null) early.addAndGet(turn.earlyReplies());
                        }
                        split.addAndGet(call.transcripts() - turns);
                    } catch (Exception e) {
                        errors.add("conversation " + conv + ": " + e.getMessage());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
        if (!errors.isEmpty()) System.err.println(tag + ": " + errors.size() + " failures, e.g. " + errors.get(0));
        System.err.printf("%s: %d turns, p50 %.0f ms%n", tag, latencies.size(), AgentTurns.pct(latencies, 50));
        cutIn.forEach((text, times) -> System.err.printf("%s: early reply ×%d: %s%n", tag, times, text));
        return new Result(latencies, errors.size(), early.get(), spoken.get(), split.get());
    }
}
