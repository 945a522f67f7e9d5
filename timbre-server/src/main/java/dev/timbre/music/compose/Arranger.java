package dev.timbre.music.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes one section's notes: a four-bar chord progression in the song's key (chords on channel 1), a bass line on
 * the roots (channel 2), a melody of scale steps that lands on chord tones on the beat (channel 0) and drums
 * (channel 9), all in 4/4 at the style's tempo; sections of one kind share their theme (progression, rhythms, motif).
 * Every note ends before the section does. Deterministic: the same
 * inputs and {@code random} state give the same notes. Not thread-safe (one per rendering).
 */
final class Arranger {
    static final int LEAD = 0, CHORDS = 1, BASS = 2;
    private static final int[][] RHYTHMS = {{2, 2, 2, 2}, {2, 1, 1, 2, 2}, {1, 1, 1, 1, 2, 2}, {3, 1, 2, 2}, {4, 2, 2},
            {2, 2, 4}, {1, 1, 2, 1, 1, 2}, {3, 3, 2}};

    private final Random random;
    private final long seed;
    private int melodyDegree = 7; // the melody's current scale degree

    Arranger(long seed) {
        this.random = new Random(seed);
        this.seed = seed;
    }

    /** One section as notes. */
    record Score(Style style, SectionKind kind, List<Note> notes) {}

    Score section(Song.Section section, Style style, long startUs, boolean first) {
        SectionKind kind = SectionKind.of(section.name());
        long endUs = startUs + section.durationMs() * 1000L;
        long beatUs = style.beatUs(), barUs = 4 * beatUs, eighthUs = beatUs / 2;
        // sections of one kind share progression, rhythms and motif: the second chorus is the first one again
        Random theme = new Random(seed * 1_000_003L + kind.ordinal());
        int[] progression = Harmony.progression(kind, style.minor(), theme);
        int[][] rhythms = {RHYTHMS[theme.nextInt(RHYTHMS.length)], RHYTHMS[theme.nextInt(RHYTHMS.length)]};
        double intensity = kind.intensity * style.energy() / 0.75;
        List<Note> notes = new ArrayList<>();
        int chordBase = 48 + style.tonic(), bassBase = 36 + style.tonic(), leadBase = 60 + style.tonic();
        int bars = (int) ((endUs - startUs + barUs - 1) / barUs);
        long motif = theme.nextLong();
        int phraseStart = 5 + theme.nextInt(5);
        for (int bar = 0; bar < bars; bar++) {
            // a motif: even bars repeat the first bar's choices (fitted to their chords), the fourth bar of each
            // phrase varies them, so the melody comes back instead of wandering
            if (bar % 2 == 0) melodyDegree = phraseStart;
            Random phrase = new Random(motif * 31 + (bar % 4 == 3 ? 7 : bar % 2));
            long at = startUs + bar * barUs;
            double fade = kind == SectionKind.OUTRO ? 1.0 - 0.6 * bar / Math.max(1, bars) : 1.0;
            double level = Math.min(1.0, intensity) * fade;
            int degree = progression[bar % progression.length];
            int[] triad = Harmony.triad(chordBase, style.minor(), degree);
            chords(notes, triad, at, beatUs, endUs, level, style);
            bass(notes, Harmony.scaleKey(bassBase, style.minor(), degree), at, beatUs, endUs, level, style);
            if (kind.melody || bar % 2 == 1) melody(notes, rhythms[bar % 2], triad, leadBase, at, eighthUs, endUs, level, style, kind.melody, phrase);
            Drums.Pattern drums = kind == SectionKind.INTRO && bar == 0 && !first ? Drums.Pattern.LIGHT : style.drums();
            if (kind != SectionKind.BREAKDOWN && !(first && kind == SectionKind.INTRO && bar < 2)) {
                Drums.bar(drums, at, eighthUs, endUs, level, bar == 0 && (kind == SectionKind.CHORUS || kind == SectionKind.DROP), random, notes);
            }
        }
        return new Score(style, kind, notes);
    }

    private void chords(List<Note> out, int[] triad, long at, long beatUs, long endUs, double level, Style style) {
        boolean sustained = style.drums() == Drums.Pattern.NONE || level < 0.6 || style.genre() == Genre.AMBIENT;
        int v = velocity(55, level);
        if (sustained) {
            for (int k : triad) add(out, Arranger.CHORDS, k, v, at, 4 * beatUs - beatUs / 8, endUs);
            return;
        }
        for (int beat = 0; beat < 4; beat++) {
            for (int k : triad) add(out, Arranger.CHORDS, k, v - (beat % 2 == 0 ? 0 : 8), at + beat * beatUs, beatUs * 7 / 8, endUs);
        }
    }

    private void bass(List<Note> out, int root, long at, long beatUs, long endUs, double level, Style style) {
        int v = velocity(80, level);
        boolean driving = level >= 0.8 && (style.drums() == Drums.Pattern.ROCK || style.drums() == Drums.Pattern.FOUR);
        if (driving) {
            for (int e = 0; e < 8; e++) add(out, BASS, root, v - (e % 2) * 10, at + e * beatUs / 2, beatUs / 2 - beatUs / 16, endUs);
        } else {
            add(out, BASS, root, v, at, beatUs * 2 - beatUs / 8, endUs);
            add(out, BASS, random.nextBoolean() ? root : root + 7, v - 10, at + 2 * beatUs, beatUs * 2 - beatUs / 8, endUs);
        }
    }

    private void melody(List<Note> out, int[] rhythm, int[] triad, int leadBase, long at, long eighthUs, long endUs,
                        double level, Style style, boolean full, Random random) {
        int v = velocity(85, level);
        int step = 0;
        for (int i = 0; i < rhythm.length; i++) {
            if (!full && i > 0) break; // sparse sections: one long note per two bars
            boolean strong = step % 2 == 0;
            if (strong) melodyDegree = nearestChordTone(melodyDegree + random.nextInt(5) - 2, triad, leadBase, style);
            else melodyDegree += random.nextBoolean() ? 1 : -1;
            melodyDegree = Math.max(3, Math.min(13, melodyDegree));
            long length = (full ? rhythm[i] : 8) * eighthUs;
            if (random.nextInt(10) > 0) add(out, LEAD, Harmony.scaleKey(leadBase - 12, style.minor(), melodyDegree), v, at + step * eighthUs, length - eighthUs / 6, endUs);
            step += rhythm[i];
        }
    }

    /** The scale degree nearest {@code degree} whose pitch class is in the chord. */
    private static int nearestChordTone(int degree, int[] triad, int leadBase, Style style) {
        for (int d = 0; d < 4; d++) {
            for (int candidate : new int[]{degree - d, degree + d}) {
                int pc = Math.floorMod(Harmony.scaleKey(leadBase, style.minor(), candidate), 12);
                for (int k : triad) if (Math.floorMod(k, 12) == pc) return candidate;
            }
        }
        return degree;
    }

    private static int velocity(int base, double level) {
        return Math.max(20, Math.min(120, (int) Math.round(base * (0.55 + 0.45 * level))));
    }

    private static void add(List<Note> out, int channel, int key, int velocity, long at, long length, long endUs) {
        if (at >= endUs) return;
        out.add(new Note(channel, key, velocity, at, Math.min(length, endUs - at)));
    }
}
