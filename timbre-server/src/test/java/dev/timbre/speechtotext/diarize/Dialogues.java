package dev.timbre.speechtotext.diarize;

import dev.timbre.audio.Pcm;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Test dialogues: turns of two voices, alternating, 0.5 s of silence between, at 16 kHz, with the true turns. */
final class Dialogues {
    static final int RATE = 16000;
    static final String[] LINES = {
        "Good morning. Did you manage to finish the quarterly report before the meeting?",
        "Almost. I still need the sales figures from the northern region, they arrived late.",
        "I can send them over right after lunch, together with last year's numbers for comparison.",
        "That would be perfect. Then I will have everything ready by the end of the afternoon.",
    };

    private Dialogues() {}

    /** The audio and, per true turn, {start, end} in seconds and the speaker 0 (first voice) or 1. */
    record Dialogue(byte[] pcm, List<double[]> turns, List<Integer> speakers) {}

    static Dialogue build(TextToSpeech a, String voiceA, TextToSpeech b, String voiceB) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<double[]> turns = new ArrayList<>();
        List<Integer> speakers = new ArrayList<>();
        byte[] gap = new byte[RATE]; // 0.5 s
        out.writeBytes(gap);
        for (int i = 0; i < LINES.length; i++) {
            boolean first = i % 2 == 0;
            TextToSpeech.Speech s = (first ? a : b).synthesize(new SpeechRequest(LINES[i], first ? voiceA : voiceB, "en", null, 1L));
            byte[] pcm = Pcm.resample(s.pcm(), s.format().sampleRate(), RATE);
            double start = out.size() / 2.0 / RATE;
            out.writeBytes(pcm);
            turns.add(new double[] {start, out.size() / 2.0 / RATE});
            speakers.add(first ? 0 : 1);
            out.writeBytes(gap);
        }
        return new Dialogue(out.toByteArray(), turns, speakers);
    }

    /**
     * The share of the diarised (voiced) time, in 10 ms steps, whose speaker matches the truth under the better of the
     * two label mappings; time outside every true turn counts as wrong.
     */
    static double accuracy(Dialogue d, List<Diarizer.Turn> found) {
        int[][] counts = new int[2][Math.max(2, found.stream().mapToInt(Diarizer.Turn::speaker).max().orElse(0) + 1)];
        int total = 0;
        for (Diarizer.Turn t : found) {
            for (double x = t.start() + 0.005; x < t.end(); x += 0.01) {
                total++;
                for (int i = 0; i < d.turns().size(); i++) {
                    if (x >= d.turns().get(i)[0] && x < d.turns().get(i)[1]) counts[d.speakers().get(i)][t.speaker()]++;
                }
            }
        }
        if (total == 0) return 0;
        int best = Math.max(counts[0][0] + counts[1][1], counts[0][1] + counts[1][0]);
        return best / (double) total;
    }

    /** The share of the true turns' time that some diarised turn covers. */
    static double coverage(Dialogue d, List<Diarizer.Turn> found) {
        int in = 0, all = 0;
        for (double[] t : d.turns()) {
            for (double x = t[0] + 0.005; x < t[1]; x += 0.01) {
                all++;
                final double at = x;
                if (found.stream().anyMatch(f -> at >= f.start() && at < f.end())) in++;
            }
        }
        return in / (double) all;
    }
}
