package org.hopfieldlab.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API half of {@link SimultaneousSpins}: each neuron's sum runs along its feature column. */
final class SimultaneousSpinsVector {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private SimultaneousSpinsVector() {
    }

    static void polynomial(PatternColumns columns, int power, boolean rectified, double[] sigma, double[] fields,
                           double[] drops, int i0, int i1) {
        int k = columns.memories;
        int bound = S.loopBound(k);
        for (int i = i0; i < i1; i++) {
            double[] column = columns.values[i];
            double s = sigma[i];
            DoubleVector vs = DoubleVector.broadcast(S, s);
            DoubleVector sum = DoubleVector.zero(S);
            int mu = 0;
            for (; mu < bound; mu += L) {
                DoubleVector c = DoubleVector.fromArray(S, column, mu);
                DoubleVector rest = DoubleVector.fromArray(S, fields, mu).sub(c.mul(vs));
                DoubleVector up = rest.add(c);
                DoubleVector down = rest.sub(c);
                if (rectified) {
                    up = up.max(0);
                    down = down.max(0);
                }
                sum = sum.add(pow(up, power).sub(pow(down, power)));
            }
            double drop = sum.reduceLanes(VectorOperators.ADD);
            for (; mu < k; mu++) {
                double c = column[mu];
                double rest = fields[mu] - c * s;
                drop += DenseSweep.power(rest + c, power, rectified) - DenseSweep.power(rest - c, power, rectified);
            }
            drops[i] = drop;
        }
    }

    private static DoubleVector pow(DoubleVector x, int power) {
        DoubleVector r = x;
        for (int p = 1; p < power; p++) {
            r = r.mul(x);
        }
        return r;
    }

    static void exponential(PatternColumns columns, double beta, double[] sigma, double[] fields, double[] drops,
                            int i0, int i1) {
        int k = columns.memories;
        int bound = S.loopBound(k);
        for (int i = i0; i < i1; i++) {
            double[] column = columns.values[i];
            double s = sigma[i];
            DoubleVector vs = DoubleVector.broadcast(S, s);
            DoubleVector highest = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
            int mu = 0;
            for (; mu < bound; mu += L) {
                DoubleVector c = DoubleVector.fromArray(S, column, mu);
                DoubleVector rest = DoubleVector.fromArray(S, fields, mu).sub(c.mul(vs));
                highest = highest.max(rest.add(c.abs()).mul(beta));
            }
            double top = highest.reduceLanes(VectorOperators.MAX);
            for (; mu < k; mu++) {
                double c = column[mu];
                top = Math.max(top, beta * (fields[mu] - c * s + Math.abs(c)));
            }
            DoubleVector sum = DoubleVector.zero(S);
            for (mu = 0; mu < bound; mu += L) {
                DoubleVector c = DoubleVector.fromArray(S, column, mu);
                DoubleVector rest = DoubleVector.fromArray(S, fields, mu).sub(c.mul(vs));
                DoubleVector up = SoftmaxExp64.exp(rest.add(c).mul(beta).sub(top));
                DoubleVector down = SoftmaxExp64.exp(rest.sub(c).mul(beta).sub(top));
                sum = sum.add(up.sub(down));
            }
            double drop = sum.reduceLanes(VectorOperators.ADD);
            for (; mu < k; mu++) {
                double c = column[mu];
                double rest = fields[mu] - c * s;
                drop += Math.exp(beta * (rest + c) - top) - Math.exp(beta * (rest - c) - top);
            }
            drops[i] = drop;
        }
    }
}
