import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.audio.G711;
import dev.timbre.audio.Resampler;
import java.net.DatagramSocket;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Phone turn latency (issue 17): the same voice agent, the same utterances, one conversation at a time, over the
 * conversation WebSocket ({@link VoiceCall}, pcm_16000), over SIP ({@link SipCall}: SIPp signalling, RTP PCMU at
 * 8 kHz) and over Twilio ({@link TwilioCall}: the signed voice webhook, then the Media Stream), turn by turn in
 * rotation on one server so that all three see the same machine. Per turn: the send time of the
 * chunk/packet holding the utterance's last voiced sample → the first reply audio (the first {@code audio} event; the
 * first RTP packet carrying sound). The LLM is {@link MockChatServer} (no delay). Run with bench/phone-turns.sh.
 * Arguments: [turns per path=20].
 */
public class PhoneTurns {
    static final String NUMBER = "+15550001000", TWILIO_NUMBER = "+15550002000", ACCOUNT = "ACbench", TOKEN = "bench-twilio-token";

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int sipPort;
        try (DatagramSocket s = new DatagramSocket(0)) { sipPort = s.getLocalPort(); }
        try (MockChatServer mock = new MockChatServer(0);
             BenchServer server = new BenchServer(Map.of("TIMBRE_LLM_KIND", "openai", "TIMBRE_LLM_URL", mock.baseUrl(),
                     "TIMBRE_LLM_MODEL", "mock-model", "TIMBRE_LLM_API_KEY", "mock-key", "TIMBRE_SIP_PORT", String.valueOf(sipPort),
                     "TIMBRE_RTP_PORTS", "31000-31999"))) {
            String voice = Utterances.firstPremadeVoice(server);
            List<Utterances.Utterance> script = Utterances.make(server, voice);
            String agentId = VoiceTurns.createAgent(server, voice, "normal", false);
            HttpClient http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();
            ObjectMapper json = new ObjectMapper();
            importNumber(http, server, json.createObjectNode().put("phone_number", NUMBER).put("label", "bench").put("provider", "sip_trunk")
                    .put("supports_inbound", true).put("supports_outbound", false), agentId);
            importNumber(http, server, json.createObjectNode().put("phone_number", TWILIO_NUMBER).put("label", "bench").put("provider", "twilio")
                    .put("sid", ACCOUNT).put("token", TOKEN), agentId);
            String ws = "ws://127.0.0.1:" + server.port;

            String[] paths = {"WebSocket (pcm_16000)", "SIP + RTP (PCMU 8 kHz, SIPp)", "Twilio Media Stream (μ-law 8 kHz)"};
            List<List<Double>> latencies = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            int[] failed = new int[3];
            List<Map<String, java.util.TreeMap<Double, Double>>> stages = List.of(new java.util.TreeMap<>(), new java.util.TreeMap<>(), new java.util.TreeMap<>());
            long holdMs = (turns + 3) * 20_000L;
            try (VoiceCall call = new VoiceCall(); SipCall sip = new SipCall(sipPort, NUMBER, holdMs);
                 TwilioCall twilio = new TwilioCall(http, server.base(), TWILIO_NUMBER, ACCOUNT, TOKEN)) {
                call.open(http, ws, agentId);
                List<PhoneCaller> phones = List.of(sip, twilio);
                for (int i = -2; i < turns; i++) { // two warm-up turns each
                    Utterances.Utterance u = script.get(Math.floorMod(i, script.size()));
                    byte[] ulaw = G711.ulaw(Resampler.resampleAll(u.pcm(), 16000, 8000));
                    for (int p = 0; p < paths.length; p++) {
                        var before = stages(http, server);
                        Double ms;
                        if (p == 0) {
                            VoiceCall.Turn w = call.turn(u);
                            ms = w == null ? null : w.latencyMs();
                        } else {
                            ms = phones.get(p - 1).turn(ulaw, u.voicedEnd() / 2);
                        }
                        if (i < 0) continue;
                        add(stages.get(p), before, stages(http, server));
                        if (ms == null) failed[p]++; else latencies.get(p).add(ms);
                    }
                }
            }
            System.out.println("## Phone turn latency (" + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " CPUs, Java " + Runtime.version().feature() + ")\n");
            System.out.println("One conversation at a time; " + turns + " turns per path, alternating; utterances by the server's TTS; mock LLM "
                    + "without delay. From the last voiced chunk/packet sent to the first reply audio (ms).\n");
            System.out.println("| path | turns | failed | p50 | p95 | max | p50 − WebSocket p50 | p95 − WebSocket p95 |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int p = 0; p < paths.length; p++) {
                List<Double> v = latencies.get(p), web = latencies.get(0);
                System.out.printf("| %s | %d | %d | %.0f | %.0f | %.0f | %+.0f | %+.0f |%n", paths[p], v.size(), failed[p], AgentTurns.pct(v, 50),
                        AgentTurns.pct(v, 95), v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                        AgentTurns.pct(v, 50) - AgentTurns.pct(web, 50), AgentTurns.pct(v, 95) - AgentTurns.pct(web, 95));
            }
            System.out.println("\nThe server's stage breakdown per path (`timbre_agent_voice_latency_seconds{stage}`, ms from the end of speech"
                    + " as the server's VAD saw it; p50 / p95 interpolated in buckets):\n");
            System.out.println("| path |" + String.join(" |", VoiceTurns.STAGES) + " |");
            System.out.println("|---|" + "---|".repeat(VoiceTurns.STAGES.length));
            var none = new ServerTurnMetrics.Snapshot(Map.of());
            for (int p = 0; p < paths.length; p++) {
                StringBuilder b = new StringBuilder("| " + paths[p] + " |");
                var acc = new ServerTurnMetrics.Snapshot(stages.get(p));
                for (String st : VoiceTurns.STAGES) {
                    b.append(String.format(" %.0f / %.0f |", ServerTurnMetrics.percentile(none, acc, st, 50), ServerTurnMetrics.percentile(none, acc, st, 95)));
                }
                System.out.println(b);
            }
        }
    }

    /** Imports {@code number} and assigns it {@code agentId}. */
    static void importNumber(HttpClient http, BenchServer server, ObjectNode number, String agentId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String numberId = json.readTree(server.post("/v1/convai/phone-numbers", json.writeValueAsString(number))).path("phone_number_id").asText();
        var assigned = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/v1/convai/phone-numbers/" + numberId))
                .header("xi-api-key", BenchServer.KEY).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"agent_id\":\"" + agentId + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (assigned.statusCode() != 200) throw new IllegalStateException("assigning the agent: " + assigned.statusCode() + " " + assigned.body());
    }

    static ServerTurnMetrics.Snapshot stages(HttpClient http, BenchServer server) throws Exception {
        return ServerTurnMetrics.read(http, server.port, ServerTurnMetrics.VOICE_LATENCY, "stage");
    }

    /** Adds the observations between {@code before} and {@code after} to {@code into} (cumulative buckets by stage). */
    static void add(Map<String, java.util.TreeMap<Double, Double>> into, ServerTurnMetrics.Snapshot before, ServerTurnMetrics.Snapshot after) {
        after.buckets().forEach((stage, buckets) -> buckets.forEach((le, count) -> into.computeIfAbsent(stage, k -> new java.util.TreeMap<>())
                .merge(le, count - before.buckets().getOrDefault(stage, new java.util.TreeMap<>()).getOrDefault(le, 0.0), Double::sum)));
    }
}
