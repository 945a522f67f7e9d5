package dev.timbre.music.compose;

import java.util.List;
import java.util.Random;

/** General MIDI drum patterns (channel 10, index 9), one 4/4 bar at a time on a grid of eighth notes. */
final class Drums {
    static final int CHANNEL = 9;
    static final int KICK = 36, SNARE = 38, RIM = 37, CLAP = 39, CLOSED_HAT = 42, OPEN_HAT = 46, CRASH = 49, RIDE = 51;

    enum Pattern { NONE, LIGHT, ROCK, FOUR, HIPHOP, JAZZ }

    private Drums() {}

    /**
     * Adds one bar to {@code out}.
     *
     * @param barUs    where the bar starts; {@code eighthUs}: one grid step
     * @param endUs    notes at or past this point are left out (the section's end)
     * @param intensity 0..1: below 0.6 the pattern thins out (hats only on beats, no kick fills)
     * @param crash    a crash cymbal on the first beat (a section's start)
     */
    static void bar(Pattern p, long barUs, long eighthUs, long endUs, double intensity, boolean crash, Random random, List<Note> out) {
        if (p == Pattern.NONE) return;
        int v = (int) Math.round(60 + 50 * intensity);
        if (crash) hit(out, CRASH, v, barUs, eighthUs * 2, endUs);
        for (int step = 0; step < 8; step++) {
            long at = barUs + step * eighthUs;
            boolean beat = step % 2 == 0;
            int beatNo = step / 2;
            switch (p) {
                case LIGHT -> {
                    if (beat) hit(out, CLOSED_HAT, v - 25, at, eighthUs, endUs);
                    if (step == 0) hit(out, KICK, v - 15, at, eighthUs, endUs);
                    if (beat && (beatNo == 1 || beatNo == 3)) hit(out, RIM, v - 20, at, eighthUs, endUs);
                }
                case ROCK -> {
                    if (intensity >= 0.6 || beat) hit(out, CLOSED_HAT, v - (beat ? 15 : 30), at, eighthUs, endUs);
                    if (step == 0 || step == 4 || (intensity >= 0.8 && step == 5 && random.nextBoolean())) hit(out, KICK, v, at, eighthUs, endUs);
                    if (step == 2 || step == 6) hit(out, SNARE, v, at, eighthUs, endUs);
                }
                case FOUR -> {
                    if (beat) hit(out, KICK, v, at, eighthUs, endUs);
                    else hit(out, step == 7 && intensity >= 0.8 ? OPEN_HAT : CLOSED_HAT, v - 20, at, eighthUs, endUs);
                    if (step == 2 || step == 6) hit(out, CLAP, v - 10, at, eighthUs, endUs);
                }
                case HIPHOP -> {
                    hit(out, CLOSED_HAT, v - (beat ? 25 : 40), at, eighthUs, endUs);
                    if (step == 0 || step == 3 || (step == 5 && random.nextInt(3) == 0)) hit(out, KICK, v, at, eighthUs, endUs);
                    if (step == 2 || step == 6) hit(out, SNARE, v - 5, at, eighthUs, endUs);
                }
                case JAZZ -> {
                    if (beat) hit(out, RIDE, v - 20, at, eighthUs, endUs);
                    if (step == 3 || step == 7) hit(out, RIDE, v - 35, at + eighthUs / 3, eighthUs / 2, endUs); // swung
                    if (step == 2 || step == 6) hit(out, CLOSED_HAT, v - 35, at, eighthUs, endUs);
                    if (step == 0) hit(out, KICK, v - 35, at, eighthUs, endUs);
                }
                case NONE -> { }
            }
        }
    }

    private static void hit(List<Note> out, int key, int velocity, long at, long length, long endUs) {
        if (at >= endUs) return;
        out.add(new Note(CHANNEL, key, Math.max(1, Math.min(127, velocity)), at, Math.min(length, endUs - at)));
    }
}
