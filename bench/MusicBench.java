import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.music.ComposeRequest;
import dev.timbre.music.Composition;
import dev.timbre.music.CompositionPlan;
import dev.timbre.music.MusicService;
import dev.timbre.music.PromptPlanner;
import dev.timbre.audio.midi.Soundbanks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Music: plan time (rules), render real-time factor of the embedded composer (MusicService → Gervill) against a
 * reference in the same run (the same synthesizer streaming the same length with no notes: its floor), MP3 encoding
 * of the result, and length exactness (samples rendered vs music_length_ms × 44.1).
 * Usage: bench/music.sh [seconds=30,120 [runs=3]]
 */
public class MusicBench {
    static final String[] PROMPTS = {"Upbeat pop with piano and guitar", "A melancholic jazz ballad with saxophone at 80 bpm in D minor, no drums",
            "Epic orchestral strings, cinematic", "Driving techno at 128 bpm", "lofi hip hop beat with electric piano",
            "gentle acoustic folk song, 2 minutes. Lyrics: walking down the road / the sun is low"};

    public static void main(String[] args) throws Exception {
        int[] lengths = Arrays.stream((args.length > 0 ? args[0] : "30,120").split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf("JDK %s, %d CPUs, load average %.2f, soundbank %s%n%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Soundbanks.name());
        PromptPlanner planner = new PromptPlanner();
        for (int i = 0; i < 2000; i++) planner.plan(PROMPTS[i % PROMPTS.length], null); // warm-up
        long t = System.nanoTime();
        int n = 20_000;
        for (int i = 0; i < n; i++) planner.plan(PROMPTS[i % PROMPTS.length], 10_000 + 997 * (i % 290));
        System.out.printf("Plan (rules): %.1f µs per prompt (%d plans)%n%n", (System.nanoTime() - t) / 1e3 / n, n);

        MusicService music = new MusicService(planner, null, null);
        long cold = System.nanoTime();
        render(music, "warm-up", 10_000, 1);
        System.out.printf("First render of 10 s (soundbank load + JIT): %.2f s%n%n", (System.nanoTime() - cold) / 1e9);
        System.out.println("| song | render s (median of " + runs + ") | RTF | reference: synth with no notes, RTF | MP3 128k encode, RTF | samples − expected |");
        System.out.println("|---|---|---|---|---|---|");
        for (int seconds : lengths) {
            List<Double> times = new ArrayList<>();
            byte[] pcm = null;
            for (int r = 0; r < runs; r++) {
                long s = System.nanoTime();
                pcm = render(music, PROMPTS[r % PROMPTS.length], seconds * 1000, r);
                times.add((System.nanoTime() - s) / 1e9);
            }
            double median = times.stream().sorted().toList().get(times.size() / 2);
            double ref = silence(seconds);
            long e = System.nanoTime();
            AudioEncoder.encodeAll(pcm, 44100, OutputFormat.DEFAULT);
            double enc = (System.nanoTime() - e) / 1e9;
            System.out.printf("| %d s | %.2f | %.3f | %.3f | %.3f | %d |%n", seconds, median, median / seconds, ref / seconds, enc / seconds,
                    pcm.length / 2 - Math.round(seconds * 44100.0));
        }
        System.out.println();
        System.out.println("| music_length_ms | sections | samples | expected | difference |");
        System.out.println("|---|---|---|---|---|");
        for (int ms : new int[]{10_000, 10_007, 33_333, 61_111, 299_999}) {
            Composition c = music.prepare(new ComposeRequest("rock song", null, null, ms, null, true, null, null, 5L));
            byte[] pcm = renderAll(music, c);
            long expected = Math.round(ms * 44.1);
            System.out.printf("| %d | %d | %d | %d | %d |%n", ms, c.plan().sections().size(), pcm.length / 2, expected, pcm.length / 2 - expected);
        }
    }

    static byte[] render(MusicService music, String prompt, int ms, long seed) throws Exception {
        return renderAll(music, music.prepare(new ComposeRequest(prompt, null, null, ms, null, true, null, null, seed)));
    }

    static byte[] renderAll(MusicService music, Composition c) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (MusicService.Rendering r = music.render(c)) {
            for (byte[] pcm; (pcm = r.next()) != null; ) out.writeBytes(pcm);
        }
        return out.toByteArray();
    }

    /** Seconds the same synthesizer takes to stream {@code seconds} with no notes (the reference). */
    static double silence(int seconds) throws Exception {
        Synthesizer synth = MidiSystem.getSynthesizer();
        Class<?> type = Class.forName("com.sun.media.sound.AudioSynthesizer");
        long s = System.nanoTime();
        AudioInputStream in = (AudioInputStream) type.getMethod("openStream", AudioFormat.class, Map.class).invoke(synth,
                new AudioFormat(44100, 16, 1, true, false), Map.of("interpolation", "linear", "max polyphony", 96, "reverb", true, "chorus", true));
        byte[] buf = new byte[1 << 16];
        long left = seconds * 44100L * 2;
        while (left > 0) left -= in.read(buf, 0, (int) Math.min(buf.length, left));
        synth.close();
        return (System.nanoTime() - s) / 1e9;
    }
}
