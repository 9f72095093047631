package org.hopfieldlab.internal;

/**
 * The two matrix-vector products of a network's dynamics, {@code W v} (one dot product per row) and
 * {@code W^T v} (one weighted row per entry of v), plus the dot product. Vector API when available, split
 * across cores when large. Each output value is computed the same way whatever the number of parts (rows
 * and columns are split on multiples of 8), so results do not depend on the number of threads.
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
     * leaves most weights at 0); each output value adds the remaining rows in row order.
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
            transposedColumns(vector, w, used, rowCount, v, out, 0, n);
            return;
        }
        Parallel.forEach(parts, p -> transposedColumns(vector, w, used, rowCount, v, out,
                boundary(n, p, parts), boundary(n, p + 1, parts)));
    }

    private static void transposedColumns(boolean vector, double[][] w, int[] used, int count, double[] v,
                                          double[] out, int i0, int i1) {
        if (vector) {
            MatrixVectorVector.transposedAdd(w, used, count, v, out, i0, i1);
        } else {
            transposedAddScalar(w, used, count, v, out, i0, i1);
        }
    }

    static void transposedAddScalar(double[][] w, int[] used, int count, double[] v, double[] out, int i0, int i1) {
        for (int u = 0; u < count; u++) {
            int r = used[u];
            double c = v[r];
            double[] row = w[r];
            for (int i = i0; i < i1; i++) {
                out[i] += c * row[i];
            }
        }
    }

    /** Start of part p of {@code length} items split in {@code parts}: a multiple of 8, the last part ends at length. */
    static int boundary(int length, int p, int parts) {
        return p == parts ? length : (int) ((long) length * p / parts) / 8 * 8;
    }
}
