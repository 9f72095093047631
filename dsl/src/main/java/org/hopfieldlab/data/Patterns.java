package org.hopfieldlab.data;

import java.util.SplittableRandom;

/**
 * Synthetic patterns to store in a network: rows of the returned matrix are patterns.
 *
 * <p>All generators are seeded: the same arguments give the same numbers on every machine and run.
 */
public final class Patterns {

    private Patterns() {}

    /**
     * Unbiased random binary patterns, each entry +1 or -1 with probability 1/2, as in the
     * classical capacity analysis of the Hopfield network.
     *
     * @param count  number of patterns (rows), at least 1
     * @param length values per pattern (columns), at least 1
     * @param seed   random seed
     */
    public static double[][] random(int count, int length, long seed) {
        Checks.count("count", count);
        Checks.count("length", length);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] patterns = new double[count][length];
        for (double[] pattern : patterns) {
            for (int i = 0; i < length; i++) {
                pattern[i] = random.nextBoolean() ? 1.0 : -1.0;
            }
        }
        return patterns;
    }

    /**
     * Sparse 0/1 patterns: each entry is 1 with probability {@code activity}, otherwise 0 (the coding
     * level of the sparse-memory literature, e.g. activity 0.1 means one neuron in ten is on).
     *
     * @param activity probability that an entry is 1, strictly between 0 and 1
     */
    public static double[][] sparse(int count, int length, double activity, long seed) {
        Checks.count("count", count);
        Checks.count("length", length);
        if (!(activity > 0.0 && activity < 1.0)) {
            throw new IllegalArgumentException(
                    "activity must be between 0 and 1 (both excluded), got " + activity);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] patterns = new double[count][length];
        for (double[] pattern : patterns) {
            for (int i = 0; i < length; i++) {
                pattern[i] = random.nextDouble() < activity ? 1.0 : 0.0;
            }
        }
        return patterns;
    }

    /**
     * Correlated +1/-1 patterns whose pairwise overlap {@code (1/N) sum_i a_i b_i} has the expected
     * value {@code overlap}.
     *
     * <p>All patterns descend from one hidden random parent: each entry copies the parent's entry with
     * probability {@code q = sqrt(overlap)} and is a fresh fair coin otherwise. Two children then agree
     * in expectation with product {@code q * q = overlap}, and each child overlaps the parent by
     * {@code q}. Overlap 0 gives independent patterns, overlap 1 identical ones.
     *
     * @param overlap expected pairwise overlap, between 0 and 1
     */
    public static double[][] correlated(int count, int length, double overlap, long seed) {
        Checks.count("count", count);
        Checks.count("length", length);
        Checks.fraction("overlap", overlap);
        SplittableRandom random = new SplittableRandom(seed);
        double[] parent = new double[length];
        for (int i = 0; i < length; i++) {
            parent[i] = random.nextBoolean() ? 1.0 : -1.0;
        }
        double copyProbability = Math.sqrt(overlap);
        double[][] patterns = new double[count][length];
        for (double[] pattern : patterns) {
            for (int i = 0; i < length; i++) {
                if (random.nextDouble() < copyProbability) {
                    pattern[i] = parent[i];
                } else {
                    pattern[i] = random.nextBoolean() ? 1.0 : -1.0;
                }
            }
        }
        return patterns;
    }
}
