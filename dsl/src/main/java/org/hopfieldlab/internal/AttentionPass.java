package org.hopfieldlab.internal;

/**
 * One pass over the stored patterns for one query q that yields both halves of a modern-Hopfield step: the
 * memory inputs {@code scores[mu] = X[mu] . q} and the attention update
 * {@code out = sum_mu softmax_mu(beta scores) X[mu]}. An online softmax: each block of eight rows is scored,
 * folded into a running maximum and normaliser, and added to a running weighted sum while still in cache,
 * so the patterns are read once. {@link SoftmaxStep} does the same without returning the scores; a network's
 * synchronous recall needs them (they are the memory layer's state, its energy and its convergence test).
 * Split by rows across cores when large; the parts are merged in order, their number chosen from the sizes.
 * {@code scores} and {@code out} must not alias the query or the patterns.
 */
public final class AttentionPass {

    static final long MIN_WORK_PER_PART = 400_000;

    private AttentionPass() {
    }

    /** Writes K scores (without beta) and the N values of the update; inputs assumed finite, beta positive. */
    public static void run(double[][] patterns, double beta, double[] query, double[] scores, double[] out) {
        int k = patterns.length;
        int n = query.length;
        int parts = Parallel.parts(2L * k * n, MIN_WORK_PER_PART, MatrixVector.MAX_PARTS);
        double[][] running = new double[parts][2];   // per part: maximum of beta * score, normaliser
        double[][] sums = new double[parts][];
        sums[0] = out;
        boolean vector = VectorSupport.enabled();
        Parallel.forEach(parts, p -> {
            double[] sum = p == 0 ? out : new double[n];
            sums[p] = sum;
            java.util.Arrays.fill(sum, 0);
            int k0 = MatrixVector.boundary(k, p, parts);
            int k1 = MatrixVector.boundary(k, p + 1, parts);
            if (vector) {
                AttentionPassVector.rows(patterns, k0, k1, beta, query, scores, running[p], sum);
            } else {
                rowsScalar(patterns, k0, k1, beta, query, scores, running[p], sum);
            }
        });
        double top = Double.NEGATIVE_INFINITY;
        for (double[] r : running) {
            top = Math.max(top, r[0]);
        }
        double total = 0;
        for (double[] r : running) {
            total += r[1] * Math.exp(r[0] - top);
        }
        double first = Math.exp(running[0][0] - top) / total;
        for (int i = 0; i < n; i++) {
            out[i] *= first;
        }
        for (int p = 1; p < parts; p++) {
            double factor = Math.exp(running[p][0] - top) / total;
            double[] sum = sums[p];
            for (int i = 0; i < n; i++) {
                out[i] += factor * sum[i];
            }
        }
    }

    /**
     * Rows [k0, k1) folded into {@code running = {max, norm}} and {@code sum}, which start at
     * {@code {-inf, 0}} and zeros. When the maximum rises, the sum and normaliser so far are rescaled.
     */
    static void rowsScalar(double[][] patterns, int k0, int k1, double beta, double[] q, double[] scores,
                           double[] running, double[] sum) {
        double max = Double.NEGATIVE_INFINITY;
        double norm = 0;
        for (int mu = k0; mu < k1; mu++) {
            double[] x = patterns[mu];
            double d = SoftmaxScalar64.dot(x, q);
            scores[mu] = d;
            double s = beta * d;
            if (s > max) {
                if (norm != 0) {
                    double f = Math.exp(max - s);
                    norm *= f;
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] *= f;
                    }
                }
                max = s;
            }
            double w = Math.exp(s - max);
            norm += w;
            for (int i = 0; i < sum.length; i++) {
                sum[i] += w * x[i];
            }
        }
        running[0] = max;
        running[1] = norm;
    }
}
