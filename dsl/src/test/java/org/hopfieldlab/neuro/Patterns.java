package org.hopfieldlab.neuro;

import java.util.SplittableRandom;

/** Seeded random ±1 patterns, cue corruption and overlaps for the memory tests. */
final class Patterns {

    private Patterns() {
    }

    static double[][] random(int count, int size, long seed) {
        return org.hopfieldlab.data.Patterns.random(count, size, seed);
    }

    /** Flips exactly {@code flips} distinct, randomly chosen entries. */
    static double[] flip(double[] pattern, int flips, SplittableRandom random) {
        double[] out = pattern.clone();
        int[] idx = new int[pattern.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        for (int f = 0; f < flips; f++) {
            int j = f + random.nextInt(idx.length - f);
            int t = idx[f];
            idx[f] = idx[j];
            idx[j] = t;
            out[idx[f]] = -out[idx[f]];
        }
        return out;
    }

    static double[] sign(double[] v) {
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = Math.signum(v[i]);
        }
        return s;
    }

    /** m = (1/n) sum_i a_i b_i. */
    static double overlap(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s / a.length;
    }
}
