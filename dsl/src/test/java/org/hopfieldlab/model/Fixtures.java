package org.hopfieldlab.model;

import java.util.SplittableRandom;

/** Seeded random inputs for the model tests. */
final class Fixtures {
    private Fixtures() {}

    static double[][] signs(int count, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] p = new double[count][n];
        for (double[] row : p) {
            for (int i = 0; i < n; i++) {
                row[i] = random.nextBoolean() ? 1 : -1;
            }
        }
        return p;
    }

    static double[][] gaussian(int rows, int cols, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int i = 0; i < cols; i++) {
                row[i] = scale * random.nextGaussian();
            }
        }
        return m;
    }

    /** A copy with exactly {@code count} entries, chosen by the seed, multiplied by -1. */
    static double[] flipped(double[] pattern, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] q = pattern.clone();
        int[] order = new int[q.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            q[order[i]] = -q[order[i]];
        }
        return q;
    }

    static double overlap(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s / a.length;
    }
}
