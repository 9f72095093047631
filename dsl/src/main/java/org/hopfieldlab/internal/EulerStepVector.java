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
        int n = g.length;
        int bound = S.loopBound(n);
        for (int mu = k0; mu < k1; mu++) {
            double[] x = patterns[mu];
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
}
