package org.hopfieldlab.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API half of {@link MatrixVector}: the transposed product as weighted rows, four at a time. */
final class MatrixVectorVector {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private MatrixVectorVector() {
    }

    /**
     * {@code out[i] += sum_u v[used[u]] w[used[u]][i]} over {@code u} in [u0, u1). Four rows per pass over the
     * columns, so {@code out} is loaded and stored once per four rows; every value is a chain of fused
     * multiply-adds in row order, in the vector body and in the tail alike.
     */
    static void transposedAdd(double[][] w, int[] used, int u0, int u1, double[] v, double[] out) {
        int n = out.length;
        int bound = S.loopBound(n);
        int u = u0;
        for (; u + 4 <= u1; u += 4) {
            double[] x0 = w[used[u]];
            double[] x1 = w[used[u + 1]];
            double[] x2 = w[used[u + 2]];
            double[] x3 = w[used[u + 3]];
            double c0 = v[used[u]];
            double c1 = v[used[u + 1]];
            double c2 = v[used[u + 2]];
            double c3 = v[used[u + 3]];
            DoubleVector w0 = DoubleVector.broadcast(S, c0);
            DoubleVector w1 = DoubleVector.broadcast(S, c1);
            DoubleVector w2 = DoubleVector.broadcast(S, c2);
            DoubleVector w3 = DoubleVector.broadcast(S, c3);
            int i = 0;
            for (; i < bound; i += L) {
                DoubleVector acc = DoubleVector.fromArray(S, out, i);
                acc = DoubleVector.fromArray(S, x0, i).fma(w0, acc);
                acc = DoubleVector.fromArray(S, x1, i).fma(w1, acc);
                acc = DoubleVector.fromArray(S, x2, i).fma(w2, acc);
                acc = DoubleVector.fromArray(S, x3, i).fma(w3, acc);
                acc.intoArray(out, i);
            }
            for (; i < n; i++) {
                out[i] = Math.fma(x3[i], c3, Math.fma(x2[i], c2, Math.fma(x1[i], c1, Math.fma(x0[i], c0, out[i]))));
            }
        }
        for (; u < u1; u++) {
            double[] x = w[used[u]];
            double c = v[used[u]];
            DoubleVector wc = DoubleVector.broadcast(S, c);
            int i = 0;
            for (; i < bound; i += L) {
                DoubleVector.fromArray(S, x, i).fma(wc, DoubleVector.fromArray(S, out, i)).intoArray(out, i);
            }
            for (; i < n; i++) {
                out[i] = Math.fma(x[i], c, out[i]);
            }
        }
    }
}
