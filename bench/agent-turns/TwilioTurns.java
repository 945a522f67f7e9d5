import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.audio.G711;
import dev.timbre.audio.Resampler;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Phone turn latency over Twilio Media Streams (issue 17): the same voice agent and utterances, one conversation at a
 * time, over the conversation WebSocket ({@link VoiceCall}, pcm_16000) and over a Twilio call ({@link TwilioCall}:
 * the signed voice webhook, then the Media Stream with μ-law 8 kHz), alternating turn by turn on one server. Per
 * turn: the send time of the chunk/frame holding the utterance's last voiced sample → the first reply audio. The LLM
 * is {@link MockChatServer} (no delay). Run with bench/twilio-turns.sh. Arguments: [turns per path=20].
 */
public class TwilioTurns {
    static final String NUMBER = "+15550002000", ACCOUNT = "ACbench", TOKEN = "bench-twilio-token";

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (MockChatServer mock = new MockChatServer(0);
             BenchServer server = new BenchServer(Map.of("TIMBRE_LLM_KIND", "openai", "TIMBRE_LLM_URL", mock.baseUrl(),
                     "TIMBRE_LLM_MODEL", "mock-model", "TIMBRE_LLM_API_KEY", "mock-key"))) {
            String voice = Utterances.firstPremadeVoice(server);
            List<Utterances.Utterance> script = Utterances.make(server, voice);
            String agentId = VoiceTurns.createAgent(server, voice, "normal", false);
            HttpClient http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();
            ObjectMapper json = new ObjectMapper();
            ObjectNode number = json.createObjectNode().put("phone_number", NUMBER).put("label", "bench").put("provider", "twilio")
                    .put("sid", ACCOUNT).put("token", TOKEN);
            String numberId = json.readTree(server.post("/v1/convai/phone-numbers", json.writeValueAsString(number))).path("phone_number_id").asText();
            var assigned = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/v1/convai/phone-numbers/" + numberId))
                    .header("xi-api-key", BenchServer.KEY).header("Content-Type", "application/json")
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"agent_id\":\"" + agentId + "\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (assigned.statusCode() != 200) throw new IllegalStateException("assigning the agent: " + assigned.statusCode() + " " + assigned.body());
            String ws = "ws://127.0.0.1:" + server.port;

            List<Double> web = new ArrayList<>(), twilio = new ArrayList<>();
            int webFailed = 0, twilioFailed = 0;
            try (VoiceCall call = new VoiceCall(); TwilioCall phone = new TwilioCall(http, server.base(), NUMBER, ACCOUNT, TOKEN)) {
                call.open(http, ws, agentId);
                for (int i = -2; i < turns; i++) { // two warm-up turns each
                    Utterances.Utterance u = script.get(Math.floorMod(i, script.size()));
                    VoiceCall.Turn w = call.turn(u);
                    byte[] ulaw = G711.ulaw(Resampler.resampleAll(u.pcm(), 16000, 8000));
                    Double t = phone.turn(ulaw, u.voicedEnd() / 2);
                    if (i < 0) continue;
                    if (w == null) webFailed++; else web.add(w.latencyMs());
                    if (t == null) twilioFailed++; else twilio.add(t);
                }
            }
            System.out.println("## Twilio turn latency (" + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " CPUs, Java " + Runtime.version().feature() + ")\n");
            System.out.println("One conversation at a time; " + turns + " turns per path, alternating; utterances by the server's TTS; mock LLM "
                    + "without delay. From the last voiced chunk/frame sent to the first reply audio (ms).\n");
            System.out.println("| path | turns | failed | p50 | p95 | max |");
            System.out.println("|---|---|---|---|---|---|");
            PhoneTurns.row("WebSocket (pcm_16000)", web, webFailed);
            PhoneTurns.row("Twilio Media Stream (μ-law 8 kHz)", twilio, twilioFailed);
            System.out.printf("%nTwilio p50 − WebSocket p50: %+.0f ms; p95 difference: %+.0f ms%n",
                    AgentTurns.pct(twilio, 50) - AgentTurns.pct(web, 50), AgentTurns.pct(twilio, 95) - AgentTurns.pct(web, 95));
        }
    }
}
