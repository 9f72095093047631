package org.hopfieldlab.internal;

/**
 * The two matrix-vector products of a network's dynamics, {@code W v} (one dot product per row) and
 * {@code W^T v} (one weighted row per entry of v), plus the dot product. Vector API when available, split
 * across cores when large, into a number of parts chosen from the sizes alone and combined in a fixed order,
 * so results do not depend on the number of threads.
 * {@code out} must not alias {@code v} or a row of {@code w}.
 */
public final class MatrixVector {

    /** Multiply-adds per part below which a second thread costs more than it saves (about 25 us of work). */
    static final long MIN_WORK_PER_PART = 200_000;
    static final int MAX_PARTS = 4;

    private MatrixVector() {
    }

    /** {@code a . b}. */
    public static double dot(double[] a, double[] b) {
        return VectorSupport.enabled() ? SoftmaxVector64.dot(a, b) : SoftmaxScalar64.dot(a, b);
    }

    /** {@code out[r] = w[r] . v} for every row r of {@code w}. */
    public static void multiply(double[][] w, double[] v, double[] out) {
        int rows = w.length;
        int parts = Parallel.parts((long) rows * v.length, MIN_WORK_PER_PART, MAX_PARTS);
        // the dot products are the softmax kernel's scores with beta = 1 (an exact factor): the same 4-row tile
        SoftmaxDriver64.Dots64 dots = VectorSupport.enabled() ? SoftmaxVector64.INSTANCE : SoftmaxScalar64.INSTANCE;
        if (parts == 1) {
            dots.scores(w, 0, rows, v, 1, out);
            return;
        }
        Parallel.forEach(parts, p -> dots.scores(w, boundary(rows, p, parts), boundary(rows, p + 1, parts), v, 1, out));
    }

    /**
     * {@code out[i] += sum_r v[r] w[r][i]}. Rows whose weight is exactly 0 are skipped (a sharp softmax
     * leaves most weights at 0). Large products are split by rows, so that every part streams whole rows:
     * part 0 adds into {@code out}, the others into their own sums, added to {@code out} in part order.
     */
    public static void multiplyTransposedAdd(double[][] w, double[] v, double[] out) {
        int[] used = new int[w.length];
        int count = 0;
        for (int r = 0; r < w.length; r++) {
            if (v[r] != 0) {
                used[count++] = r;
            }
        }
        if (count == 0) {
            return;
        }
        int n = out.length;
        int rowCount = count;
        boolean vector = VectorSupport.enabled();
        int parts = Parallel.parts((long) count * n, MIN_WORK_PER_PART, MAX_PARTS);
        if (parts == 1) {
            transposedRows(vector, w, used, 0, rowCount, v, out);
            return;
        }
        double[][] sums = new double[parts][];
        sums[0] = out;
        Parallel.forEach(parts, p -> {
            if (p > 0) {
                sums[p] = new double[n];
            }
            transposedRows(vector, w, used, boundary(rowCount, p, parts), boundary(rowCount, p + 1, parts), v, sums[p]);
        });
        for (int p = 1; p < parts; p++) {
            double[] sum = sums[p];
            for (int i = 0; i < n; i++) {
                out[i] += sum[i];
            }
        }
    }

    private static void transposedRows(boolean vector, double[][] w, int[] used, int u0, int u1, double[] v,
                                       double[] out) {
        if (vector) {
            MatrixVectorVector.transposedAdd(w, used, u0, u1, v, out);
        } else {
            transposedAddScalar(w, used, u0, u1, v, out);
        }
    }

    static void transposedAddScalar(double[][] w, int[] used, int u0, int u1, double[] v, double[] out) {
        for (int u = u0; u < u1; u++) {
            int r = used[u];
            double c = v[r];
            double[] row = w[r];
            for (int i = 0; i < out.length; i++) {
                out[i] += c * row[i];
            }
        }
    }

    /** Start of part p of {@code length} items split in {@code parts}: a multiple of 8, the last part ends at length. */
    static int boundary(int length, int p, int parts) {
        return p == parts ? length : (int) ((long) length * p / parts) / 8 * 8;
    }
}
