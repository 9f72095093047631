package org.hopfieldlab.internal;

/**
 * The stored patterns laid out by feature: {@code column(i)} holds {@code xi_i^mu} for every memory mu
 * contiguously, which is what an asynchronous sweep reads for neuron i. Costs one K x N copy, so build
 * it once per set of patterns and reuse it for every sweep.
 */
public final class PatternColumns {

    private static final int TILE = 32;

    /** values[i][mu] = xi_i^mu; one array per feature, so no single allocation grows with K N. */
    final double[][] values;
    final int memories;
    final int features;

    private PatternColumns(double[][] values, int memories, int features) {
        this.values = values;
        this.memories = memories;
        this.features = features;
    }

    /** Transposes K rows of N values into N columns of K values, in cache-sized tiles. */
    public static PatternColumns of(double[][] patterns) {
        int k = patterns.length;
        int n = patterns[0].length;
        double[][] values = new double[n][k];
        for (int mu0 = 0; mu0 < k; mu0 += TILE) {
            int mu1 = Math.min(k, mu0 + TILE);
            for (int i0 = 0; i0 < n; i0 += TILE) {
                int i1 = Math.min(n, i0 + TILE);
                for (int mu = mu0; mu < mu1; mu++) {
                    double[] row = patterns[mu];
                    for (int i = i0; i < i1; i++) {
                        values[i][mu] = row[i];
                    }
                }
            }
        }
        return new PatternColumns(values, k, n);
    }

    /** K, the number of stored patterns. */
    public int memories() {
        return memories;
    }

    /** N, the number of features. */
    public int features() {
        return features;
    }
}
