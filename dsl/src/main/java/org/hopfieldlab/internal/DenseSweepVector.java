package org.hopfieldlab.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API half of {@link DenseSweep}: each neuron's sum over memories runs along a feature column. */
final class DenseSweepVector {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private DenseSweepVector() {
    }

    static int polynomial(PatternColumns columns, int power, boolean rectified, double[] sigma, double[] fields,
                          int[] order) {
        int k = columns.memories;
        double[][] values = columns.values;
        int bound = S.loopBound(k);
        int flips = 0;
        for (int i : order) {
            double[] column = values[i];
            double s = sigma[i];
            DoubleVector vs = DoubleVector.broadcast(S, s);
            DoubleVector sum = DoubleVector.zero(S);
            int mu = 0;
            for (; mu < bound; mu += L) {
                DoubleVector c = DoubleVector.fromArray(S, column, mu);
                DoubleVector rest = c.neg().fma(vs, DoubleVector.fromArray(S, fields, mu));
                DoubleVector up = rest.add(c);
                DoubleVector down = rest.sub(c);
                if (rectified) {
                    up = up.max(0);
                    down = down.max(0);
                }
                sum = sum.add(pow(up, power)).sub(pow(down, power));
            }
            double drop = sum.reduceLanes(VectorOperators.ADD);
            for (; mu < k; mu++) {
                double c = column[mu];
                double rest = fields[mu] - c * s;
                drop += DenseSweep.power(rest + c, power, rectified) - DenseSweep.power(rest - c, power, rectified);
            }
            flips += settle(column, k, i, drop, sigma, fields);
        }
        return flips;
    }

    private static DoubleVector pow(DoubleVector x, int power) {
        DoubleVector r = x;
        for (int p = 1; p < power; p++) {
            r = r.mul(x);
        }
        return power == 0 ? DoubleVector.broadcast(S, 1) : r;
    }

    static int exponential(PatternColumns columns, double beta, double[] sigma, double[] fields, int[] order) {
        int k = columns.memories;
        double[][] values = columns.values;
        int bound = S.loopBound(k);
        int flips = 0;
        for (int i : order) {
            double[] column = values[i];
            double s = sigma[i];
            DoubleVector vs = DoubleVector.broadcast(S, s);
            DoubleVector top = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
            int mu = 0;
            for (; mu < bound; mu += L) {
                DoubleVector c = DoubleVector.fromArray(S, column, mu);
                DoubleVector rest = c.neg().fma(vs, DoubleVector.fromArray(S, fields, mu));
                top = top.max(rest.add(c.abs()));
            }
            double m = top.reduceLanes(VectorOperators.MAX);
            for (; mu < k; mu++) {
                double c = column[mu];
                m = Math.max(m, fields[mu] - c * s + Math.abs(c));
            }
            double shift = beta * m;
            DoubleVector vb = DoubleVector.broadcast(S, beta);
            DoubleVector vshift = DoubleVector.broadcast(S, shift);
            DoubleVector sum = DoubleVector.zero(S);
            for (mu = 0; mu < bound; mu += L) {
                DoubleVector c = DoubleVector.fromArray(S, column, mu);
                DoubleVector rest = c.neg().fma(vs, DoubleVector.fromArray(S, fields, mu));
                DoubleVector up = rest.add(c).fma(vb, vshift.neg()).lanewise(VectorOperators.EXP);
                DoubleVector down = rest.sub(c).fma(vb, vshift.neg()).lanewise(VectorOperators.EXP);
                sum = sum.add(up).sub(down);
            }
            double drop = sum.reduceLanes(VectorOperators.ADD);
            for (; mu < k; mu++) {
                double c = column[mu];
                double rest = fields[mu] - c * s;
                drop += Math.exp(beta * (rest + c) - shift) - Math.exp(beta * (rest - c) - shift);
            }
            flips += settle(column, k, i, drop, sigma, fields);
        }
        return flips;
    }

    private static int settle(double[] column, int k, int i, double drop, double[] sigma, double[] fields) {
        double old = sigma[i];
        double next = drop > 0 ? 1 : drop < 0 ? -1 : old;
        if (next == old) {
            return 0;
        }
        sigma[i] = next;
        DoubleVector delta = DoubleVector.broadcast(S, next - old);
        int bound = S.loopBound(k);
        int mu = 0;
        for (; mu < bound; mu += L) {
            DoubleVector.fromArray(S, column, mu).fma(delta, DoubleVector.fromArray(S, fields, mu))
                    .intoArray(fields, mu);
        }
        for (; mu < k; mu++) {
            fields[mu] += column[mu] * (next - old);
        }
        return 1;
    }
}
