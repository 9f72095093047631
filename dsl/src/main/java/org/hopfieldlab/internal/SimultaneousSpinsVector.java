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

    // Four rows per pass over the columns: both running sums are loaded and stored once per four rows.
    static void quadratic(double[][] patterns, double[] sigma, double[] fields, double[] drops, double[] squares,
                          int i0, int i1) {
        java.util.Arrays.fill(drops, i0, i1, 0);
        int k = patterns.length;
        int bound = i0 + S.loopBound(i1 - i0);
        int mu = 0;
        for (; mu + 4 <= k; mu += 4) {
            double[] x0 = patterns[mu];
            double[] x1 = patterns[mu + 1];
            double[] x2 = patterns[mu + 2];
            double[] x3 = patterns[mu + 3];
            double h0 = fields[mu];
            double h1 = fields[mu + 1];
            double h2 = fields[mu + 2];
            double h3 = fields[mu + 3];
            DoubleVector w0 = DoubleVector.broadcast(S, h0);
            DoubleVector w1 = DoubleVector.broadcast(S, h1);
            DoubleVector w2 = DoubleVector.broadcast(S, h2);
            DoubleVector w3 = DoubleVector.broadcast(S, h3);
            int i = i0;
            for (; i < bound; i += L) {
                DoubleVector a0 = DoubleVector.fromArray(S, x0, i);
                DoubleVector a1 = DoubleVector.fromArray(S, x1, i);
                DoubleVector a2 = DoubleVector.fromArray(S, x2, i);
                DoubleVector a3 = DoubleVector.fromArray(S, x3, i);
                DoubleVector overlap = DoubleVector.fromArray(S, drops, i);
                overlap = a3.fma(w3, a2.fma(w2, a1.fma(w1, a0.fma(w0, overlap))));
                overlap.intoArray(drops, i);
                DoubleVector square = DoubleVector.fromArray(S, squares, i);
                square = a3.fma(a3, a2.fma(a2, a1.fma(a1, a0.fma(a0, square))));
                square.intoArray(squares, i);
            }
            for (; i < i1; i++) {
                drops[i] = Math.fma(x3[i], h3, Math.fma(x2[i], h2, Math.fma(x1[i], h1, Math.fma(x0[i], h0, drops[i]))));
                squares[i] = Math.fma(x3[i], x3[i], Math.fma(x2[i], x2[i], Math.fma(x1[i], x1[i],
                        Math.fma(x0[i], x0[i], squares[i]))));
            }
        }
        for (; mu < k; mu++) {
            double[] x = patterns[mu];
            double h = fields[mu];
            for (int i = i0; i < i1; i++) {
                drops[i] = Math.fma(x[i], h, drops[i]);
                squares[i] = Math.fma(x[i], x[i], squares[i]);
            }
        }
        for (int i = i0; i < i1; i++) {
            drops[i] = 4 * (drops[i] - sigma[i] * squares[i]);
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
