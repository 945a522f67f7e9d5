import dev.timbre.soundgeneration.recipes.Loops;
import dev.timbre.soundgeneration.recipes.SoundRecipe;
import dev.timbre.soundgeneration.recipes.SoundSynthesizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Sound generation benchmark (issue 18). Run with bench/sound-generation.sh. Per effect of the embedded vocabulary:
 * the real-time factor of rendering 10 s, the loop seam (the step from the last sample to the first over the 99th
 * percentile of the steps inside; ≤ 1 is seamless) of a 5 s loop against the same sound cut without a crossfade
 * (the reference), and the length error over several asked durations. Prints a Markdown report.
 */
public class SoundGenerationBench {
    public static void main(String[] args) {
        List<String> prompts = List.of("rain", "wind", "thunder", "water", "fire", "birds", "engine", "beep", "phone ring",
                "clock ticking", "explosion", "whoosh", "footsteps", "door", "knock", "applause", "crowd", "drum roll", "church bells",
                "gunshot", "helicopter", "something unknown",
                "rain and thunder in a cave");
        for (int i = 0; i < 3; i++) SoundSynthesizer.render(SoundRecipe.read("rain"), 2, true, 0.7, i); // warm-up
        System.out.println("## Sound generation (" + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs)\n");
        System.out.println("44.1 kHz mono floats (before encoding). Seam: |last − first sample| over the 99th percentile of neighbouring-sample "
                + "steps inside the clip (≤ 1: no click); reference: the same sound cut to length without the crossfade.\n");
        System.out.println("| prompt | effects | RTF (10 s) | loop seam | seam, plain cut (reference) |");
        System.out.println("|---|---|---|---|---|");
        double worstSeam = 0;
        for (String p : prompts) {
            SoundRecipe r = SoundRecipe.read(p);
            long t0 = System.nanoTime();
            SoundSynthesizer.render(r, 10, false, 0.7, 1);
            double rtf = (System.nanoTime() - t0) / 1e9 / 10;
            double seam = Loops.seamRatio(SoundSynthesizer.render(r, 5, true, 0.7, 1));
            float[] longer = SoundSynthesizer.render(r, 6, false, 0.7, 1);
            double plain = Loops.seamRatio(Arrays.copyOfRange(longer, SoundSynthesizer.RATE / 2, SoundSynthesizer.RATE / 2 + 5 * SoundSynthesizer.RATE));
            worstSeam = Math.max(worstSeam, seam);
            System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.2f | %.2f |%n", p, String.join("+", r.effects()), rtf, seam, plain);
        }
        double worstError = 0;
        for (double d : new double[] {0.5, 1.234, 2.5, 7.777, 13.01, 30}) {
            for (boolean loop : new boolean[] {false, true}) {
                float[] x = SoundSynthesizer.render(SoundRecipe.read("wind"), d, loop, 0.7, 2);
                worstError = Math.max(worstError, Math.abs(x.length / (double) SoundSynthesizer.RATE - d));
            }
        }
        System.out.printf(Locale.ROOT, "%nLength: worst error over 0.5, 1.234, 2.5, 7.777, 13.01 and 30 s (plain and loop): %.3f ms. Worst loop seam: %.2f.%n",
                worstError * 1000, worstSeam);
    }
}
