package org.hopfieldlab.internal;

/**
 * Classical Hopfield storage and recall: the Hebbian matrix {@code T = sum_mu xi^mu xi^mu^T} (N x N,
 * diagonal kept, no 1/N factor) and the synchronous step {@code sigma <- sign(T sigma)}, where a
 * neuron whose field is exactly zero keeps its state. Vector API when available, scalar otherwise;
 * both give the same sums in the same order.
 */
public final class Hebbian {

    /** Rows per part below which splitting the work across threads does not pay. */
    static final long MIN_WORK_PER_PART = 400_000;

    private Hebbian() {
    }

    /**
     * {@code T[i][j] = sum_mu patterns[mu][i] * patterns[mu][j]}, a fresh symmetric N x N matrix. When every
     * entry is exactly +1 or -1 it is computed by counting bits ({@link HebbianBits}), with the same exact result.
     */
    public static double[][] matrix(double[][] patterns) {
        int n = patterns[0].length;
        boolean vector = VectorSupport.enabled();
        long[] signs = HebbianBits.pack(patterns);
        if (signs != null) {
            // +-1 patterns, the classical case: count agreeing signs instead of multiplying (exact)
            int k = patterns.length;
            double[][] t = new double[n][];
            int parts = Parallel.parts((long) n * n, MIN_WORK_PER_PART, 8);
            Parallel.forEach(parts, p -> HebbianBits.rows(signs, k, t,
                    (int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts), vector));
            return t;
        }
        if (vector) {
            // rows are allocated by the thread that fills them: zeroing 8 MB is a quarter of the work at N = 1000
            double[][] t = new double[n][];
            HebbianVector.matrix(patterns, t);
            return t;
        }
        double[][] t = new double[n][n];
        matrixScalar(patterns, t);
        return t;
    }

    /**
     * {@code out[i] = sign(sum_j t[i][j] sigma[j])}, or {@code sigma[i]} when that sum is zero. {@code t} must be
     * symmetric, as {@link #matrix} makes it: only its upper triangle is read (half the reads of a general product).
     */
    public static void syncStep(double[][] t, double[] sigma, double[] out) {
        SymmetricProduct.multiply(t, sigma, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] > 0 ? 1 : out[i] < 0 ? -1 : sigma[i];
        }
    }

    static void matrixScalar(double[][] patterns, double[][] t) {
        int n = t.length;
        for (int i = 0; i < n; i++) {
            double[] row = t[i];
            for (double[] x : patterns) {
                double xi = x[i];
                for (int j = i; j < n; j++) {
                    row[j] += xi * x[j];
                }
            }
            for (int j = i + 1; j < n; j++) {
                t[j][i] = row[j];
            }
        }
    }
}
