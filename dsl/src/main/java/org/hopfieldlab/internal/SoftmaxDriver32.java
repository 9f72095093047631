package org.hopfieldlab.internal;

import java.util.Arrays;

/**
 * The online softmax step {@code out[b] = sum_mu softmax_mu(beta X[mu] . q[b]) X[mu]} in float
 * precision, without ever holding the K x B score matrix: the patterns are split into a size-chosen
 * number of parts, each part streams its patterns block by block keeping a running max, normaliser
 * and weighted sum per query, and the parts are merged in order.
 */
final class SoftmaxDriver32 {

    /** Patterns per block: small enough that a block stays in L2 while both of its passes read it. */
    static final int BLOCK = 48;
    /** A part below this many multiply-adds costs more to hand to another thread than it saves. */
    static final long MIN_WORK_PER_PART = 400_000;
    static final int MAX_PARTS = 4;

    private SoftmaxDriver32() {
    }

    static void step(SoftmaxBlocks32 kernel, float[][] patterns, float beta, float[][] queries, float[][] out) {
        int k = patterns.length;
        int n = patterns[0].length;
        int b = queries.length;
        int blocks = (k + BLOCK - 1) / BLOCK;
        int parts = Parallel.parts(2L * k * n * b, MIN_WORK_PER_PART, Math.min(MAX_PARTS, blocks));
        float[][] max = new float[parts][b];
        float[][] norm = new float[parts][b];
        float[][][] acc = partialSums(parts, b, n);
        acc[0] = out;
        float[][] scratch = new float[parts][kernel.scratchSize(b)];
        Parallel.forEach(parts, p -> {
            int k0 = partStart(k, p, parts);
            int k1 = partStart(k, p + 1, parts);
            runPart(kernel, patterns, k0, k1, beta, queries, scratch[p], max[p], norm[p], acc[p]);
        });
        // the merge touches B x N values per part: split it by queries with the same part count
        Parallel.forEach(Math.min(parts, b), p -> {
            int q0 = (int) ((long) b * p / Math.min(parts, b));
            int q1 = (int) ((long) b * (p + 1) / Math.min(parts, b));
            for (int q = q0; q < q1; q++) {
                merge(kernel, q, parts, max, norm, acc, out[q]);
            }
        });
    }

    /**
     * First pattern of a part: parts of equal size (whole blocks would leave one core a block behind
     * the other), starting on a multiple of 8 rows, the single-query kernel's group.
     */
    static int partStart(int k, int p, int parts) {
        return p == parts ? k : (int) ((long) k * p / parts) / 8 * 8;
    }

    // The partial sums of parts 1.. are kept per calling thread when small: allocating them fresh made the
    // caller zero them alone before the parts start (each part zeroes its own in parallel anyway).
    private static final long CACHED_VALUES = 1 << 18;
    private static final ThreadLocal<float[][][]> PARTIAL_SUMS = new ThreadLocal<>();

    private static float[][][] partialSums(int parts, int b, int n) {
        float[][][] acc = new float[parts][][];
        if (parts == 1) {
            return acc;
        }
        if ((long) (parts - 1) * b * n > CACHED_VALUES) {
            for (int p = 1; p < parts; p++) {
                acc[p] = new float[b][n];
            }
            return acc;
        }
        float[][][] cached = PARTIAL_SUMS.get();
        if (cached == null || cached.length < parts || cached[1].length != b || cached[1][0].length != n) {
            // slot 0 stays empty: part 0 sums straight into the caller's output
            cached = new float[parts][][];
            for (int p = 1; p < parts; p++) {
                cached[p] = new float[b][n];
            }
            PARTIAL_SUMS.set(cached);
        }
        for (int p = 1; p < parts; p++) {
            acc[p] = cached[p];
        }
        return acc;
    }

    // out = sum_p exp(max_p - M) acc_p / sum_p exp(max_p - M) norm_p, the parts combined in a fixed order.
    private static void merge(SoftmaxBlocks32 kernel, int q, int parts, float[][] max, float[][] norm,
                              float[][][] acc, float[] out) {
        float m = max[0][q];
        for (int p = 1; p < parts; p++) {
            m = Math.max(m, max[p][q]);
        }
        float total = 0;
        for (int p = 0; p < parts; p++) {
            total += norm[p][q] * (float) Math.exp(max[p][q] - m);
        }
        float first = (float) Math.exp(max[0][q] - m);
        if (first != 1) {
            kernel.scale(out, first);
        }
        for (int p = 1; p < parts; p++) {
            kernel.axpy((float) Math.exp(max[p][q] - m), acc[p][q], out);
        }
        kernel.scale(out, 1 / total);
    }

    private static void runPart(SoftmaxBlocks32 kernel, float[][] patterns, int k0, int k1, float beta,
                                float[][] queries, float[] scores, float[] max, float[] norm, float[][] acc) {
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        Arrays.fill(norm, 0);
        for (float[] row : acc) {
            Arrays.fill(row, 0);
        }
        int step = kernel.rowsPerCall(queries.length);
        for (int start = k0; start < k1; ) {
            int end = (int) Math.min(k1, (long) start + step);
            kernel.block(patterns, start, end, queries, beta, scores, max, norm, acc);
            start = end;
        }
    }

    /** Softmax weights over all K patterns for one query, written to {@code weights}. */
    static void weights(SoftmaxBlocks32 kernel, float[][] patterns, float beta, float[] query, float[] weights,
                        Dots32 dots) {
        int k = patterns.length;
        int n = query.length;
        int blocks = (k + BLOCK - 1) / BLOCK;
        int parts = Parallel.parts((long) k * n, MIN_WORK_PER_PART, Math.min(MAX_PARTS, blocks));
        Parallel.forEach(parts, p -> {
            int k0 = partStart(k, p, parts);
            int k1 = partStart(k, p + 1, parts);
            dots.scores(patterns, k0, k1, query, beta, weights);
        });
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            m = Math.max(m, weights[i]);
        }
        float total = 0;
        for (int i = 0; i < k; i++) {
            float e = (float) Math.exp(weights[i] - m);
            weights[i] = e;
            total += e;
        }
        kernel.scale(weights, 1 / total);
    }

    /** Scores {@code beta * X[mu] . q} for a range of patterns. */
    interface Dots32 {
        void scores(float[][] patterns, int k0, int k1, float[] query, float beta, float[] out);
    }
}
