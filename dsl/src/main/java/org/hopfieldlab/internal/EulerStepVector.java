package org.hopfieldlab.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API half of {@link EulerStep}: dot product and weighted accumulation in one read of each row. */
final class EulerStepVector {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private EulerStepVector() {
    }

    static void rows(double[][] patterns, int k0, int k1, double[] g, double[] f, double[] h, double rate,
                     double[] pull) {
        int mu = k0;
        for (; mu + 4 <= k1; mu += 4) {
            rows4(patterns, mu, g, f, h, rate, pull);
        }
        for (; mu < k1; mu++) {
            row(patterns[mu], mu, g, f, h, rate, pull);
        }
    }

    // Four rows at once: pull is loaded and stored once for four weighted rows.
    private static void rows4(double[][] patterns, int mu, double[] g, double[] f, double[] h, double rate,
                              double[] pull) {
        double[] x0 = patterns[mu];
        double[] x1 = patterns[mu + 1];
        double[] x2 = patterns[mu + 2];
        double[] x3 = patterns[mu + 3];
        DoubleVector w0 = DoubleVector.broadcast(S, f[mu]);
        DoubleVector w1 = DoubleVector.broadcast(S, f[mu + 1]);
        DoubleVector w2 = DoubleVector.broadcast(S, f[mu + 2]);
        DoubleVector w3 = DoubleVector.broadcast(S, f[mu + 3]);
        DoubleVector d0 = DoubleVector.zero(S);
        DoubleVector d1 = d0;
        DoubleVector d2 = d0;
        DoubleVector d3 = d0;
        int n = g.length;
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector gv = DoubleVector.fromArray(S, g, i);
            DoubleVector a0 = DoubleVector.fromArray(S, x0, i);
            DoubleVector a1 = DoubleVector.fromArray(S, x1, i);
            DoubleVector a2 = DoubleVector.fromArray(S, x2, i);
            DoubleVector a3 = DoubleVector.fromArray(S, x3, i);
            d0 = a0.fma(gv, d0);
            d1 = a1.fma(gv, d1);
            d2 = a2.fma(gv, d2);
            d3 = a3.fma(gv, d3);
            a0.fma(w0, a1.fma(w1, a2.fma(w2, a3.fma(w3, DoubleVector.fromArray(S, pull, i))))).intoArray(pull, i);
        }
        double s0 = d0.reduceLanes(VectorOperators.ADD);
        double s1 = d1.reduceLanes(VectorOperators.ADD);
        double s2 = d2.reduceLanes(VectorOperators.ADD);
        double s3 = d3.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s0 += x0[i] * g[i];
            s1 += x1[i] * g[i];
            s2 += x2[i] * g[i];
            s3 += x3[i] * g[i];
            pull[i] += f[mu] * x0[i] + f[mu + 1] * x1[i] + f[mu + 2] * x2[i] + f[mu + 3] * x3[i];
        }
        h[mu] += rate * (s0 - h[mu]);
        h[mu + 1] += rate * (s1 - h[mu + 1]);
        h[mu + 2] += rate * (s2 - h[mu + 2]);
        h[mu + 3] += rate * (s3 - h[mu + 3]);
    }

    private static void row(double[] x, int mu, double[] g, double[] f, double[] h, double rate, double[] pull) {
        int n = g.length;
        int bound = S.loopBound(n);
        double w = f[mu];
        DoubleVector vw = DoubleVector.broadcast(S, w);
        DoubleVector dot = DoubleVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, i);
            dot = xv.fma(DoubleVector.fromArray(S, g, i), dot);
            xv.fma(vw, DoubleVector.fromArray(S, pull, i)).intoArray(pull, i);
        }
        double d = dot.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            d += x[i] * g[i];
            pull[i] += w * x[i];
        }
        h[mu] += rate * (d - h[mu]);
    }
}
