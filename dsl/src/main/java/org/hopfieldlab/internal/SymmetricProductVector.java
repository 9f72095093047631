package org.hopfieldlab.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API half of {@link SymmetricProduct}: four rows at a time, so {@code out} is loaded and stored once
 * per four rows and the four dot products are independent chains of fused multiply-adds.
 */
final class SymmetricProductVector {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private SymmetricProductVector() {
    }

    static void band(double[][] t, double[] v, int r0, int r1, double[] out) {
        int n = v.length;
        int bound = S.loopBound(n);
        int i = r0;
        // the rows of a tile share the columns from the first multiple of L right of its diagonal block;
        // rows near the end, where that leaves no vector, go the scalar way
        for (; i + 8 <= r1 && (i + 8 + L - 1) / L * L <= bound; i += 8) {
            int shared = (i + 8 + L - 1) / L * L;
            double d0 = head(t[i], v, i, shared, out);
            double d1 = head(t[i + 1], v, i + 1, shared, out);
            double d2 = head(t[i + 2], v, i + 2, shared, out);
            double d3 = head(t[i + 3], v, i + 3, shared, out);
            double d4 = head(t[i + 4], v, i + 4, shared, out);
            double d5 = head(t[i + 5], v, i + 5, shared, out);
            double d6 = head(t[i + 6], v, i + 6, shared, out);
            double d7 = head(t[i + 7], v, i + 7, shared, out);
            double[] x0 = t[i];
            double[] x1 = t[i + 1];
            double[] x2 = t[i + 2];
            double[] x3 = t[i + 3];
            double[] x4 = t[i + 4];
            double[] x5 = t[i + 5];
            double[] x6 = t[i + 6];
            double[] x7 = t[i + 7];
            DoubleVector w0 = DoubleVector.broadcast(S, v[i]);
            DoubleVector w1 = DoubleVector.broadcast(S, v[i + 1]);
            DoubleVector w2 = DoubleVector.broadcast(S, v[i + 2]);
            DoubleVector w3 = DoubleVector.broadcast(S, v[i + 3]);
            DoubleVector w4 = DoubleVector.broadcast(S, v[i + 4]);
            DoubleVector w5 = DoubleVector.broadcast(S, v[i + 5]);
            DoubleVector w6 = DoubleVector.broadcast(S, v[i + 6]);
            DoubleVector w7 = DoubleVector.broadcast(S, v[i + 7]);
            DoubleVector c0 = DoubleVector.zero(S);
            DoubleVector c1 = c0;
            DoubleVector c2 = c0;
            DoubleVector c3 = c0;
            DoubleVector c4 = c0;
            DoubleVector c5 = c0;
            DoubleVector c6 = c0;
            DoubleVector c7 = c0;
            for (int j = shared; j < bound; j += L) {
                DoubleVector vj = DoubleVector.fromArray(S, v, j);
                DoubleVector o = DoubleVector.fromArray(S, out, j);
                DoubleVector a0 = DoubleVector.fromArray(S, x0, j);
                c0 = a0.fma(vj, c0);
                o = a0.fma(w0, o);
                DoubleVector a1 = DoubleVector.fromArray(S, x1, j);
                c1 = a1.fma(vj, c1);
                o = a1.fma(w1, o);
                DoubleVector a2 = DoubleVector.fromArray(S, x2, j);
                c2 = a2.fma(vj, c2);
                o = a2.fma(w2, o);
                DoubleVector a3 = DoubleVector.fromArray(S, x3, j);
                c3 = a3.fma(vj, c3);
                o = a3.fma(w3, o);
                DoubleVector a4 = DoubleVector.fromArray(S, x4, j);
                c4 = a4.fma(vj, c4);
                o = a4.fma(w4, o);
                DoubleVector a5 = DoubleVector.fromArray(S, x5, j);
                c5 = a5.fma(vj, c5);
                o = a5.fma(w5, o);
                DoubleVector a6 = DoubleVector.fromArray(S, x6, j);
                c6 = a6.fma(vj, c6);
                o = a6.fma(w6, o);
                DoubleVector a7 = DoubleVector.fromArray(S, x7, j);
                c7 = a7.fma(vj, c7);
                o = a7.fma(w7, o);
                o.intoArray(out, j);
            }
            out[i] += d0 + c0.reduceLanes(VectorOperators.ADD) + tail(x0, v, v[i], bound, out);
            out[i + 1] += d1 + c1.reduceLanes(VectorOperators.ADD) + tail(x1, v, v[i + 1], bound, out);
            out[i + 2] += d2 + c2.reduceLanes(VectorOperators.ADD) + tail(x2, v, v[i + 2], bound, out);
            out[i + 3] += d3 + c3.reduceLanes(VectorOperators.ADD) + tail(x3, v, v[i + 3], bound, out);
            out[i + 4] += d4 + c4.reduceLanes(VectorOperators.ADD) + tail(x4, v, v[i + 4], bound, out);
            out[i + 5] += d5 + c5.reduceLanes(VectorOperators.ADD) + tail(x5, v, v[i + 5], bound, out);
            out[i + 6] += d6 + c6.reduceLanes(VectorOperators.ADD) + tail(x6, v, v[i + 6], bound, out);
            out[i + 7] += d7 + c7.reduceLanes(VectorOperators.ADD) + tail(x7, v, v[i + 7], bound, out);
        }
        SymmetricProduct.bandScalar(t, v, i, r1, out);
    }

    /**
     * Row r's entries from its diagonal up to column {@code end} (exclusive): the dot product is returned,
     * {@code v[r]} times the off-diagonal entries is added to {@code out}.
     */
    private static double head(double[] row, double[] v, int r, int end, double[] out) {
        double vr = v[r];
        double dot = row[r] * vr;
        for (int j = r + 1; j < end; j++) {
            dot += row[j] * v[j];
            out[j] += row[j] * vr;
        }
        return dot;
    }

    /** Columns {@code from} to the end, right of the diagonal: the dot product is returned, vr times them added. */
    private static double tail(double[] row, double[] v, double vr, int from, double[] out) {
        double dot = 0;
        for (int j = from; j < v.length; j++) {
            dot += row[j] * v[j];
            out[j] += row[j] * vr;
        }
        return dot;
    }
}
