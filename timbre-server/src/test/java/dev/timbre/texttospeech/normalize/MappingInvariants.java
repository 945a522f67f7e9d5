package dev.timbre.texttospeech.normalize;

import static org.assertj.core.api.Assertions.assertThat;

/** The map's contract from {@link NormalizedText}, asserted on any result. */
final class MappingInvariants {
    private MappingInvariants() {
    }

    /** Length matches, entries in range and non-decreasing, every original char named (spoken forms never shrink). */
    static void check(NormalizedText n) {
        int[] index = n.originalIndex();
        assertThat(index).as("one entry per normalized char of %s", n).hasSize(n.normalized().length());
        boolean[] covered = new boolean[n.original().length()];
        for (int i = 0; i < index.length; i++) {
            assertThat(index[i]).as("entry %d of '%s'", i, n.original()).isBetween(0, n.original().length() - 1);
            if (i > 0) assertThat(index[i]).as("entry %d of '%s' goes back", i, n.original()).isGreaterThanOrEqualTo(index[i - 1]);
            covered[index[i]] = true;
        }
        for (int k = 0; k < covered.length; k++) {
            assertThat(covered[k]).as("original char %d of '%s' covered", k, n.original()).isTrue();
        }
    }
}
