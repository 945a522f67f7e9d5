package dev.timbre.music;

import dev.timbre.http.ApiException;
import java.util.List;

/**
 * Splits a song's length among its sections: every section gets {@link PlanChecks#MIN_SECTION_MS}, the rest goes by
 * weight, none past {@link PlanChecks#MAX_SECTION_MS}; the durations add up to the length exactly (whole
 * milliseconds, the remainder to the first sections that can take it).
 */
final class Durations {
    private Durations() {}

    /** Durations for {@code weights.size()} sections adding up to {@code totalMs}; 422 on {@code field} when none fit. */
    static int[] split(List<Double> weights, int totalMs, String field) {
        int n = weights.size();
        if ((long) n * PlanChecks.MIN_SECTION_MS > totalMs || (long) n * PlanChecks.MAX_SECTION_MS < totalMs) {
            throw ApiException.validation(List.of(PlanChecks.violation(n + " sections cannot last " + totalMs + " ms together (each lasts "
                    + PlanChecks.MIN_SECTION_MS + " to " + PlanChecks.MAX_SECTION_MS + " ms)", "value_error", field)));
        }
        int[] out = new int[n];
        java.util.Arrays.fill(out, PlanChecks.MIN_SECTION_MS);
        int rest = totalMs - n * PlanChecks.MIN_SECTION_MS;
        boolean[] full = new boolean[n];
        while (rest > 0) {
            double open = 0;
            for (int i = 0; i < n; i++) if (!full[i]) open += Math.max(1e-6, weights.get(i));
            int given = 0;
            for (int i = 0; i < n && rest - given > 0; i++) {
                if (full[i]) continue;
                int share = (int) Math.floor((rest) * Math.max(1e-6, weights.get(i)) / open);
                share = Math.min(share, Math.min(rest - given, PlanChecks.MAX_SECTION_MS - out[i]));
                out[i] += share;
                given += share;
                if (out[i] >= PlanChecks.MAX_SECTION_MS) full[i] = true;
            }
            if (given == 0) { // rounding leftovers: one millisecond at a time to sections with room
                for (int i = 0; i < n && given < rest; i++) if (out[i] < PlanChecks.MAX_SECTION_MS) { out[i]++; given++; }
            }
            rest -= given;
        }
        return out;
    }
}
