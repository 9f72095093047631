package org.hopfieldlab.internal;

import java.util.Arrays;

/**
 * {@code out = T v} for a symmetric N x N matrix T, reading only its upper triangle ({@code j >= i}), half
 * the matrix, as BLAS's {@code dsymv} does: row i adds its dot product with {@code v[i..]} to {@code out[i]}
 * and {@code v[i]} times its entries right of the diagonal to {@code out[j]}, {@code j > i}. A product this
 * size is bound by how fast the matrix is read (8 MB at N = 1000, from L3), so reading half of it is the
 * gain. The lower triangle is never read: the caller guarantees the symmetry.
 *
 * <p>Large products are split into bands of rows of equal area; band p adds into its own sum, nonzero
 * from its first row on, and the sums are added in band order, so the result does not depend on threads.
 */
final class SymmetricProduct {

    /** Multiply-adds per band below which a second thread costs more than it saves. */
    static final long MIN_WORK_PER_PART = 200_000;
    static final int MAX_PARTS = 2;

    private SymmetricProduct() {
    }

    static void multiply(double[][] t, double[] v, double[] out) {
        int n = v.length;
        boolean vector = VectorSupport.enabled();
        int parts = Parallel.parts((long) n * n, MIN_WORK_PER_PART, MAX_PARTS);
        Arrays.fill(out, 0);
        if (parts == 1) {
            band(vector, t, v, 0, n, out);
            return;
        }
        double[][] sums = new double[parts][];
        sums[0] = out;
        Parallel.forEach(parts, p -> {
            if (p > 0) {
                sums[p] = new double[n];   // zeroed by the thread that fills it
            }
            band(vector, t, v, bandStart(n, p, parts), bandStart(n, p + 1, parts), sums[p]);
        });
        for (int p = 1; p < parts; p++) {
            double[] sum = sums[p];
            for (int j = bandStart(n, p, parts); j < n; j++) {
                out[j] += sum[j];
            }
        }
    }

    /**
     * First row of band p: the rows from r to the end hold about {@code (n - r)^2 / 2} entries of the triangle,
     * so bands of equal area start at {@code n (1 - sqrt(1 - p / parts))}.
     */
    static int bandStart(int n, int p, int parts) {
        if (p >= parts) {
            return n;
        }
        return (int) Math.round(n * (1 - Math.sqrt(1 - (double) p / parts)));
    }

    private static void band(boolean vector, double[][] t, double[] v, int r0, int r1, double[] out) {
        if (vector) {
            SymmetricProductVector.band(t, v, r0, r1, out);
        } else {
            bandScalar(t, v, r0, r1, out);
        }
    }

    static void bandScalar(double[][] t, double[] v, int r0, int r1, double[] out) {
        int n = v.length;
        for (int i = r0; i < r1; i++) {
            double[] row = t[i];
            double vi = v[i];
            double dot = row[i] * vi;
            for (int j = i + 1; j < n; j++) {
                dot += row[j] * v[j];
                out[j] += row[j] * vi;
            }
            out[i] += dot;
        }
    }
}
