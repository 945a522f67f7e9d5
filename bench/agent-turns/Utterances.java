import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The voice benchmark's user speech: sentences spoken by the server's own TTS as 16 kHz s16le PCM (made once, before
 * any measurement), each with the index of its last voiced sample, found offline by an energy threshold: the end of
 * the last 20 ms frame whose RMS is above {@link #FLOOR_RMS} and above {@link #RELATIVE} × the loudest frame's RMS.
 */
final class Utterances {
    /** One pre-made utterance: raw little-endian 16-bit mono PCM at 16 kHz, and its last voiced sample (exclusive end). */
    record Utterance(String text, byte[] pcm, int voicedEnd) {
        double seconds() { return pcm.length / 2 / 16000.0; }
    }

    static final int FRAME = 320; // 20 ms at 16 kHz
    static final double FLOOR_RMS = 200; // about -44 dBFS
    static final double RELATIVE = 0.05; // -26 dB under the loudest frame

    static final String[] SENTENCES = {
        "Hello, I would like to know when the store opens tomorrow.",
        "Can you tell me the balance of my account please?",
        "I need to change the address for my next delivery.",
        "What is the weather going to be like this weekend?",
        "Please book a table for two people at seven tonight.",
        "My order arrived yesterday but one item was missing.",
        "How long does shipping usually take to the coast?",
        "Could you read me the last message again slowly?",
        "I want to cancel my subscription at the end of the month.",
        "Thank you, that answers my question for today.",
    };

    /** Speaks every sentence with {@code voiceId} through {@code POST /v1/text-to-speech/{voice_id}?output_format=pcm_16000}. */
    static List<Utterance> make(BenchServer server, String voiceId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Utterance> out = new ArrayList<>();
        for (String text : SENTENCES) {
            ObjectNode body = json.createObjectNode().put("text", text).put("model_id", "eleven_multilingual_v2");
            byte[] pcm = server.postForBytes("/v1/text-to-speech/" + voiceId + "?output_format=pcm_16000", json.writeValueAsString(body));
            out.add(new Utterance(text, pcm, voicedEnd(pcm)));
        }
        return out;
    }

    /** The first premade voice the server lists. */
    static String firstPremadeVoice(BenchServer server) throws Exception {
        for (JsonNode v : new ObjectMapper().readTree(server.get("/v1/voices")).path("voices")) {
            if (v.path("category").asText().equals("premade")) return v.path("voice_id").asText();
        }
        throw new IllegalStateException("the server lists no premade voice");
    }

    /** The end (sample index, exclusive) of the last voiced 20 ms frame of {@code pcm}; 0 when no frame is voiced. */
    static int voicedEnd(byte[] pcm) {
        boolean[] loud = loudFrames(pcm);
        for (int f = loud.length - 1; f >= 0; f--) if (loud[f]) return (f + 1) * FRAME;
        return 0;
    }

    /** Per 20 ms frame of {@code pcm}: whether its RMS is above the threshold (voiced). */
    static boolean[] loudFrames(byte[] pcm) {
        int frames = pcm.length / 2 / FRAME;
        double[] rms = new double[frames];
        double loudest = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = 0; i < FRAME; i++) {
                int at = 2 * (f * FRAME + i);
                short s = (short) ((pcm[at] & 0xff) | (pcm[at + 1] << 8));
                sum += (double) s * s;
            }
            rms[f] = Math.sqrt(sum / FRAME);
            loudest = Math.max(loudest, rms[f]);
        }
        double threshold = Math.max(FLOOR_RMS, RELATIVE * loudest);
        boolean[] loud = new boolean[frames];
        for (int f = 0; f < frames; f++) loud[f] = rms[f] > threshold;
        return loud;
    }
}
