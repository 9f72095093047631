package org.hopfieldlab.neuro;

import java.util.SplittableRandom;

/**
 * A deliberately plain classical Hopfield network (Hopfield 1982), used only as the baseline the
 * key-value memory is compared with: Hebbian couplings {@code T_ij = (1/n) sum_mu xi_i^mu xi_j^mu},
 * no self-coupling, asynchronous updates {@code sigma_i <- sgn(sum_j T_ij sigma_j)} in a seeded
 * random order until a full sweep changes nothing.
 */
final class ClassicalHopfieldReference {

    private final int n;
    private final double[][] couplings;

    ClassicalHopfieldReference(int n) {
        this.n = n;
        this.couplings = new double[n][n];
    }

    void store(double[] pattern) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    couplings[i][j] += pattern[i] * pattern[j] / n;
                }
            }
        }
    }

    double[] recall(double[] cue, long seed, int maxSweeps) {
        double[] s = cue.clone();
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            boolean changed = false;
            for (int i : order) {
                double field = 0;
                for (int j = 0; j < n; j++) {
                    field += couplings[i][j] * s[j];
                }
                double next = field >= 0 ? 1 : -1;
                if (next != s[i]) {
                    s[i] = next;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return s;
    }
}
