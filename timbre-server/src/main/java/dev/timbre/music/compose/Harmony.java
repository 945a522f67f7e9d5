package dev.timbre.music.compose;

import java.util.List;
import java.util.Random;

/**
 * Keys, diatonic triads and the chord progressions a section plays: degrees 0..6 of the major or natural minor scale,
 * a progression of four bars chosen by the section's kind and the seed.
 */
final class Harmony {
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};

    private static final List<int[]> MAJOR_VERSE = List.of(new int[]{0, 5, 3, 4}, new int[]{0, 3, 0, 4}, new int[]{0, 4, 5, 3});
    private static final List<int[]> MAJOR_CHORUS = List.of(new int[]{3, 4, 0, 5}, new int[]{0, 4, 5, 3}, new int[]{5, 3, 0, 4});
    private static final List<int[]> MAJOR_BRIDGE = List.of(new int[]{5, 3, 1, 4}, new int[]{3, 5, 3, 4});
    private static final List<int[]> MINOR_VERSE = List.of(new int[]{0, 5, 2, 6}, new int[]{0, 3, 0, 4}, new int[]{0, 6, 5, 6});
    private static final List<int[]> MINOR_CHORUS = List.of(new int[]{5, 6, 0, 0}, new int[]{5, 2, 6, 0}, new int[]{3, 5, 6, 0});
    private static final List<int[]> MINOR_BRIDGE = List.of(new int[]{3, 4, 5, 6}, new int[]{5, 3, 4, 4});
    private static final int[] CADENCE_MAJOR = {3, 4, 0, 0}, CADENCE_MINOR = {5, 6, 0, 0};

    private Harmony() {}

    /** The four-bar progression (scale degrees) for a section of this kind. */
    static int[] progression(SectionKind kind, boolean minor, Random random) {
        List<int[]> options = switch (kind) {
            case CHORUS, DROP -> minor ? MINOR_CHORUS : MAJOR_CHORUS;
            case BRIDGE, SOLO -> minor ? MINOR_BRIDGE : MAJOR_BRIDGE;
            case OUTRO -> List.of(minor ? CADENCE_MINOR : CADENCE_MAJOR);
            default -> minor ? MINOR_VERSE : MAJOR_VERSE;
        };
        return options.get(random.nextInt(options.size()));
    }

    /** The MIDI key of scale degree {@code degree} (any integer: octaves wrap) above {@code base} (a tonic's key). */
    static int scaleKey(int base, boolean minor, int degree) {
        int[] scale = minor ? MINOR : MAJOR;
        return base + 12 * Math.floorDiv(degree, 7) + scale[Math.floorMod(degree, 7)];
    }

    /** The triad on {@code degree}: three keys, root first, from {@code base}. */
    static int[] triad(int base, boolean minor, int degree) {
        return new int[]{scaleKey(base, minor, degree), scaleKey(base, minor, degree + 2), scaleKey(base, minor, degree + 4)};
    }
}
