package dev.timbre.speechtotext.diarize;

import java.util.ArrayList;
import java.util.List;

/**
 * Agglomerative clustering with average linkage (Lance–Williams update) over a distance function. Merges the closest
 * pair until {@code clusters} remain or, with no target, until the closest pair is farther apart than
 * {@code maxDistance}. Ties go to the lowest indices, so the result is deterministic.
 */
public final class Clustering {
    private Clustering() {}

    /** Euclidean distance divided by √dimensions (the RMS per-dimension difference). */
    public static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s / a.length);
    }

    /**
     * @param clusters the number of clusters wanted (capped at the number of points), or null to stop at maxDistance
     * @return a cluster label per point, numbered 0, 1, … by first appearance
     */
    public static int[] cluster(List<double[]> points, Integer clusters, double maxDistance) {
        int n = points.size();
        int[] label = new int[n];
        if (n == 0) return label;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) d[i][j] = d[j][i] = distance(points.get(i), points.get(j));
        int[] size = new int[n];
        boolean[] alive = new boolean[n];
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            size[i] = 1;
            alive[i] = true;
            members.add(new ArrayList<>(List.of(i)));
        }
        int count = n, target = clusters == null ? 1 : Math.max(1, Math.min(clusters, n));
        while (count > target) {
            int bi = -1, bj = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (!alive[i]) continue;
                for (int j = i + 1; j < n; j++) {
                    if (alive[j] && d[i][j] < best) {
                        best = d[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (clusters == null && best > maxDistance) break;
            for (int k = 0; k < n; k++) {
                if (!alive[k] || k == bi || k == bj) continue;
                double v = (size[bi] * d[bi][k] + size[bj] * d[bj][k]) / (size[bi] + size[bj]);
                d[bi][k] = d[k][bi] = v;
            }
            size[bi] += size[bj];
            alive[bj] = false;
            members.get(bi).addAll(members.get(bj));
            count--;
        }
        int[] raw = new int[n];
        for (int i = 0; i < n; i++) if (alive[i]) for (int m : members.get(i)) raw[m] = i;
        int[] renumber = new int[n];
        java.util.Arrays.fill(renumber, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (renumber[raw[i]] < 0) renumber[raw[i]] = next++;
            label[i] = renumber[raw[i]];
        }
        return label;
    }
}
