import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.DatagramSocket;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Concurrent phone calls held (issue 17): N SIP calls at once (SIPp signalling per call, RTP by {@link SipCall}),
 * each to an agent that greets with a ~6 s first message while the caller sends silence. Per call: RTP packets
 * received, packets with sound, and the longest gap between consecutive packets. A call has clean audio when the
 * greeting arrived (≥ 4 s of packets with sound) and no gap exceeded 60 ms (three packets). Run with
 * bench/sip-load.sh. Arguments: [calls=10,20,30]. Each level runs twice: every agent greeting alike (the same first message,
 * which Timbre synthesises once for all the calls) and every greeting distinct (the conversation id appended, so each
 * call's greeting is its own synthesis: the worst case).
 */
public class PhoneLoad {
    static final String NUMBER = "+15550002000", DISTINCT_NUMBER = "+15550002001";
    static final String GREETING = "Hello and thank you for calling the bench line. This greeting is long enough to hear whether "
            + "the audio stays smooth while many calls are held at once.";

    public static void main(String[] args) throws Exception {
        int[] levels = java.util.Arrays.stream((args.length > 0 ? args[0] : "10,20,30").split(",")).mapToInt(Integer::parseInt).toArray();
        int sipPort;
        try (DatagramSocket s = new DatagramSocket(0)) { sipPort = s.getLocalPort(); }
        try (BenchServer server = new BenchServer(Map.of("TIMBRE_SIP_PORT", String.valueOf(sipPort), "TIMBRE_RTP_PORTS", "32000-33999",
                "TIMBRE_CONCURRENT_CONVERSATIONS", "200"))) {
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            String voice = Utterances.firstPremadeVoice(server);
            agentOnNumber(server, json, http, voice, GREETING, NUMBER);
            agentOnNumber(server, json, http, voice, GREETING + " Your call reference is {{system__conversation_id}}.", DISTINCT_NUMBER);
            run(sipPort, NUMBER, 2); // warm-up
            run(sipPort, DISTINCT_NUMBER, 2);
            System.out.println("## Concurrent phone calls (" + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " CPUs, Java " + Runtime.version().feature() + ")\n");
            System.out.println("Each call: SIPp INVITE, the agent's ~6 s greeting over RTP while the caller sends silence for 12 s. Clean: ≥ 4 s "
                    + "of packets with sound and no gap over 60 ms between packets.\n");
            System.out.println("| calls at once | greetings | answered | clean | greeting received (s, min) | longest gap (ms, max) | load average after |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int n : levels) {
                for (String number : List.of(NUMBER, DISTINCT_NUMBER)) {
                    List<long[]> got = run(sipPort, number, n);
                    long clean = got.stream().filter(g -> g[1] * 20 >= 4000 && g[2] <= 60).count();
                    System.out.printf("| %d | %s | %d | %d | %.1f | %d | %s |%n", n, number.equals(NUMBER) ? "alike" : "distinct", got.size(), clean,
                            got.stream().mapToLong(g -> g[1]).min().orElse(0) * 0.02, got.stream().mapToLong(g -> g[2]).max().orElse(0),
                            VoiceTurns.loadAverage());
                }
            }
        }
    }

    /** An agent greeting with {@code greeting}, answering {@code number} (a SIP-trunk number imported here). */
    static void agentOnNumber(BenchServer server, ObjectMapper json, HttpClient http, String voice, String greeting, String phone) throws Exception {
        ObjectNode agent = json.createObjectNode().put("name", "load bench agent");
        ObjectNode cc = agent.putObject("conversation_config");
        cc.putObject("agent").put("first_message", greeting).putObject("prompt").put("prompt", "Answer briefly.");
        cc.putObject("tts").put("voice_id", voice);
        String agentId = json.readTree(server.post("/v1/convai/agents/create", json.writeValueAsString(agent))).path("agent_id").asText();
        ObjectNode number = json.createObjectNode().put("phone_number", phone).put("label", "load").put("provider", "sip_trunk")
                .put("supports_inbound", true).put("supports_outbound", false);
        PhoneTurns.importNumber(http, server, number, agentId);
    }

    /** {@code n} calls at once to {@code number} (started 50 ms apart); the stats of those answered. */
    static List<long[]> run(int sipPort, String number, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<long[]>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(pool.submit(() -> {
                try (SipCall c = new SipCall(sipPort, number, 14_000)) {
                    return c.listen(12_000);
                }
            }));
            Thread.sleep(50);
        }
        List<long[]> out = Collections.synchronizedList(new ArrayList<>());
        for (Future<long[]> f : calls) {
            try {
                out.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                System.err.println("call failed: " + e.getCause());
            }
        }
        pool.shutdown();
        Thread.sleep(10_000); // BYEs, conversations end and their post-call work (recordings) is done: the next level starts idle
        return out;
    }
}
