package org.hopfieldlab.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API half of {@link AttentionPass}: four rows scored together, then added while still in L1. */
final class AttentionPassVector {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private AttentionPassVector() {
    }

    static void rows(double[][] patterns, int k0, int k1, double beta, double[] q, double[] scores,
                     double[] running, double[] sum) {
        int n = q.length;
        int bound = S.loopBound(n);
        double max = Double.NEGATIVE_INFINITY;
        double norm = 0;
        int mu = k0;
        for (; mu + 4 <= k1; mu += 4) {
            double[] x0 = patterns[mu];
            double[] x1 = patterns[mu + 1];
            double[] x2 = patterns[mu + 2];
            double[] x3 = patterns[mu + 3];
            DoubleVector c0 = DoubleVector.zero(S);
            DoubleVector c1 = c0;
            DoubleVector c2 = c0;
            DoubleVector c3 = c0;
            for (int i = 0; i < bound; i += L) {
                DoubleVector qv = DoubleVector.fromArray(S, q, i);
                c0 = DoubleVector.fromArray(S, x0, i).fma(qv, c0);
                c1 = DoubleVector.fromArray(S, x1, i).fma(qv, c1);
                c2 = DoubleVector.fromArray(S, x2, i).fma(qv, c2);
                c3 = DoubleVector.fromArray(S, x3, i).fma(qv, c3);
            }
            double d0 = c0.reduceLanes(VectorOperators.ADD) + tail(x0, q, bound);
            double d1 = c1.reduceLanes(VectorOperators.ADD) + tail(x1, q, bound);
            double d2 = c2.reduceLanes(VectorOperators.ADD) + tail(x2, q, bound);
            double d3 = c3.reduceLanes(VectorOperators.ADD) + tail(x3, q, bound);
            scores[mu] = d0;
            scores[mu + 1] = d1;
            scores[mu + 2] = d2;
            scores[mu + 3] = d3;
            double s0 = beta * d0;
            double s1 = beta * d1;
            double s2 = beta * d2;
            double s3 = beta * d3;
            double top = Math.max(Math.max(s0, s1), Math.max(s2, s3));
            if (top > max) {
                if (norm != 0) {
                    double f = Math.exp(max - top);
                    norm *= f;
                    scale(sum, f);
                }
                max = top;
            }
            double w0 = Math.exp(s0 - max);
            double w1 = Math.exp(s1 - max);
            double w2 = Math.exp(s2 - max);
            double w3 = Math.exp(s3 - max);
            norm += w0 + w1 + w2 + w3;
            DoubleVector v0 = DoubleVector.broadcast(S, w0);
            DoubleVector v1 = DoubleVector.broadcast(S, w1);
            DoubleVector v2 = DoubleVector.broadcast(S, w2);
            DoubleVector v3 = DoubleVector.broadcast(S, w3);
            int i = 0;
            for (; i < bound; i += L) {
                DoubleVector acc = DoubleVector.fromArray(S, sum, i);
                acc = DoubleVector.fromArray(S, x0, i).fma(v0, acc);
                acc = DoubleVector.fromArray(S, x1, i).fma(v1, acc);
                acc = DoubleVector.fromArray(S, x2, i).fma(v2, acc);
                acc = DoubleVector.fromArray(S, x3, i).fma(v3, acc);
                acc.intoArray(sum, i);
            }
            for (; i < n; i++) {
                sum[i] = Math.fma(x3[i], w3, Math.fma(x2[i], w2, Math.fma(x1[i], w1, Math.fma(x0[i], w0, sum[i]))));
            }
        }
        for (; mu < k1; mu++) {
            double[] x = patterns[mu];
            double d = SoftmaxVector64.dot(x, q);
            scores[mu] = d;
            double s = beta * d;
            if (s > max) {
                if (norm != 0) {
                    double f = Math.exp(max - s);
                    norm *= f;
                    scale(sum, f);
                }
                max = s;
            }
            double w = Math.exp(s - max);
            norm += w;
            DoubleVector v = DoubleVector.broadcast(S, w);
            int i = 0;
            for (; i < bound; i += L) {
                DoubleVector.fromArray(S, x, i).fma(v, DoubleVector.fromArray(S, sum, i)).intoArray(sum, i);
            }
            for (; i < n; i++) {
                sum[i] = Math.fma(x[i], w, sum[i]);
            }
        }
        running[0] = max;
        running[1] = norm;
    }

    private static double tail(double[] a, double[] b, int from) {
        double s = 0;
        for (int i = from; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void scale(double[] row, double factor) {
        int bound = S.loopBound(row.length);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, row, i).mul(factor).intoArray(row, i);
        }
        for (; i < row.length; i++) {
            row[i] *= factor;
        }
    }
}
