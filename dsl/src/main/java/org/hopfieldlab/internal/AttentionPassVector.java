package org.hopfieldlab.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API half of {@link AttentionPass}: eight rows scored together, then added while still in L1. */
final class AttentionPassVector {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int GROUP = 8;

    private AttentionPassVector() {
    }

    static void rows(double[][] patterns, int k0, int k1, double beta, double[] q, double[] scores,
                     double[] running, double[] sum) {
        int n = q.length;
        int bound = S.loopBound(n);
        double[] weights = new double[GROUP];
        double max = Double.NEGATIVE_INFINITY;
        double norm = 0;
        int mu = k0;
        for (; mu + GROUP <= k1; mu += GROUP) {
            // eight dot products at once (eight FMA chains, eight memory streams): the product's tile, beta 1
            SoftmaxVector64.scores8(patterns, mu, q, 1, bound, scores);
            double top = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < GROUP; r++) {
                top = Math.max(top, beta * scores[mu + r]);
            }
            if (top > max) {
                if (norm != 0) {
                    double f = Math.exp(max - top);
                    norm *= f;
                    scale(sum, f);
                }
                max = top;
            }
            for (int r = 0; r < GROUP; r++) {
                weights[r] = Math.exp(beta * scores[mu + r] - max);
                norm += weights[r];
            }
            add8(patterns, mu, weights, bound, sum);
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

    // The eight weighted rows, read again while still in L1: sum is loaded and stored once per eight rows.
    private static void add8(double[][] patterns, int mu, double[] w, int bound, double[] sum) {
        double[] x0 = patterns[mu];
        double[] x1 = patterns[mu + 1];
        double[] x2 = patterns[mu + 2];
        double[] x3 = patterns[mu + 3];
        double[] x4 = patterns[mu + 4];
        double[] x5 = patterns[mu + 5];
        double[] x6 = patterns[mu + 6];
        double[] x7 = patterns[mu + 7];
        DoubleVector w0 = DoubleVector.broadcast(S, w[0]);
        DoubleVector w1 = DoubleVector.broadcast(S, w[1]);
        DoubleVector w2 = DoubleVector.broadcast(S, w[2]);
        DoubleVector w3 = DoubleVector.broadcast(S, w[3]);
        DoubleVector w4 = DoubleVector.broadcast(S, w[4]);
        DoubleVector w5 = DoubleVector.broadcast(S, w[5]);
        DoubleVector w6 = DoubleVector.broadcast(S, w[6]);
        DoubleVector w7 = DoubleVector.broadcast(S, w[7]);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector acc = DoubleVector.fromArray(S, sum, i);
            acc = DoubleVector.fromArray(S, x0, i).fma(w0, acc);
            acc = DoubleVector.fromArray(S, x1, i).fma(w1, acc);
            acc = DoubleVector.fromArray(S, x2, i).fma(w2, acc);
            acc = DoubleVector.fromArray(S, x3, i).fma(w3, acc);
            acc = DoubleVector.fromArray(S, x4, i).fma(w4, acc);
            acc = DoubleVector.fromArray(S, x5, i).fma(w5, acc);
            acc = DoubleVector.fromArray(S, x6, i).fma(w6, acc);
            acc = DoubleVector.fromArray(S, x7, i).fma(w7, acc);
            acc.intoArray(sum, i);
        }
        for (; i < sum.length; i++) {
            double a = sum[i];
            a = Math.fma(x0[i], w[0], a);
            a = Math.fma(x1[i], w[1], a);
            a = Math.fma(x2[i], w[2], a);
            a = Math.fma(x3[i], w[3], a);
            a = Math.fma(x4[i], w[4], a);
            a = Math.fma(x5[i], w[5], a);
            a = Math.fma(x6[i], w[6], a);
            a = Math.fma(x7[i], w[7], a);
            sum[i] = a;
        }
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
