package dev.timbre.soundgeneration.recipes;

import java.util.SplittableRandom;

/**
 * Deterministic noise sources from one seeded generator: white, pink (Paul Kellett's economy filter) and brown
 * (leaky integrated white), all about ±1. The same seed gives the same samples on every JVM. Not thread-safe.
 */
final class Noise {
    final SplittableRandom random;
    private double p0, p1, p2, brown;

    Noise(long seed) { random = new SplittableRandom(seed); }

    double white() { return random.nextDouble() * 2 - 1; }

    double pink() {
        double w = white();
        p0 = 0.99765 * p0 + w * 0.0990460;
        p1 = 0.96300 * p1 + w * 0.2965164;
        p2 = 0.57000 * p2 + w * 1.0526913;
        return (p0 + p1 + p2 + w * 0.1848) * 0.25;
    }

    double brown() {
        brown = 0.998 * brown + white() * 0.06;
        return brown;
    }

    /** Uniform in [lo, hi). */
    double between(double lo, double hi) { return lo + random.nextDouble() * (hi - lo); }

    /** A forked generator for one layer or event, so layers do not shift each other's randomness. */
    Noise fork() { return new Noise(random.nextLong()); }
}
