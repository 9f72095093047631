package org.hopfieldlab.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenseSweepTest {

    static int[] shuffledOrder(int n, Random random) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        Collections.shuffle(list, random);
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    static double[] corrupt(double[] pattern, double fraction, Random random) {
        double[] s = pattern.clone();
        for (int i = 0; i < s.length; i++) {
            if (random.nextDouble() < fraction) {
                s[i] = -s[i];
            }
        }
        return s;
    }

    // The definition, with every overlap recomputed from scratch: no running fields.
    static int naivePolynomialSweep(double[][] x, int power, boolean rectified, double[] sigma, int[] order) {
        int flips = 0;
        for (int i : order) {
            double old = sigma[i];
            double drop = 0;
            for (double[] p : x) {
                double up = 0;
                double down = 0;
                for (int j = 0; j < sigma.length; j++) {
                    double s = j == i ? 1 : sigma[j];
                    up += p[j] * s;
                    down += p[j] * (j == i ? -1 : sigma[j]);
                }
                drop += Math.pow(rectified ? Math.max(up, 0) : up, power)
                        - Math.pow(rectified ? Math.max(down, 0) : down, power);
            }
            sigma[i] = drop > 0 ? 1 : drop < 0 ? -1 : old;
            flips += sigma[i] != old ? 1 : 0;
        }
        return flips;
    }

    // Compares log sum exp of both sides, so it never overflows whatever beta is.
    static int naiveExponentialSweep(double[][] x, double beta, double[] sigma, int[] order) {
        int flips = 0;
        for (int i : order) {
            double old = sigma[i];
            double[] up = new double[x.length];
            double[] down = new double[x.length];
            for (int mu = 0; mu < x.length; mu++) {
                for (int j = 0; j < sigma.length; j++) {
                    up[mu] += x[mu][j] * (j == i ? 1 : sigma[j]);
                    down[mu] += x[mu][j] * (j == i ? -1 : sigma[j]);
                }
            }
            double diff = logSumExp(up, beta) - logSumExp(down, beta);
            sigma[i] = diff > 0 ? 1 : diff < 0 ? -1 : old;
            flips += sigma[i] != old ? 1 : 0;
        }
        return flips;
    }

    static double logSumExp(double[] a, double beta) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, beta * v);
        }
        double s = 0;
        for (double v : a) {
            s += Math.exp(beta * v - m);
        }
        return m + Math.log(s);
    }

    static double[] fieldsOf(double[][] x, double[] sigma) {
        double[] h = new double[x.length];
        for (int mu = 0; mu < x.length; mu++) {
            for (int j = 0; j < sigma.length; j++) {
                h[mu] += x[mu][j] * sigma[j];
            }
        }
        return h;
    }

    @ParameterizedTest(name = "K={0} N={1} power={2} rectified={3}")
    @CsvSource({"1, 5, 2, false", "7, 20, 3, false", "50, 60, 3, false", "33, 41, 4, true", "50, 60, 5, false",
                "12, 60, 2, true"})
    void polynomialSweepMatchesTheDefinitionOnBothPaths(int k, int n, int power, boolean rectified) {
        Random random = new Random(k * 7919L + n * 31L + power);
        double[][] x = Naive.spins(random, k, n);
        double[] start = corrupt(x[0], 0.3, random);
        int[] order = shuffledOrder(n, random);
        double[] expected = start.clone();
        int expectedFlips = naivePolynomialSweep(x, power, rectified, expected, order);
        PatternColumns columns = PatternColumns.of(x);

        double[] vector = start.clone();
        double[] vectorFields = fieldsOf(x, start);
        int vectorFlips = rectified
                ? DenseSweep.sweepRectified(columns, power, vector, vectorFields, order)
                : DenseSweepVector.polynomial(columns, power, false, vector, vectorFields, order);
        double[] scalar = start.clone();
        double[] scalarFields = fieldsOf(x, start);
        int scalarFlips = DenseSweep.polynomialScalar(columns, power, rectified, scalar, scalarFields, order);

        assertArrayEquals(expected, vector, 0.0);
        assertArrayEquals(expected, scalar, 0.0);
        assertEquals(expectedFlips, vectorFlips);
        assertEquals(expectedFlips, scalarFlips);
        assertArrayEquals(fieldsOf(x, expected), vectorFields, 0.0, "fields follow the flips");
        assertArrayEquals(fieldsOf(x, expected), scalarFields, 0.0);
    }

    @Test
    void theRowOverloadGivesTheSameSweepAsTheColumnView() {
        Random random = new Random(3);
        double[][] x = Naive.spins(random, 1000, 784);
        double[] start = corrupt(x[5], 0.1, random);
        int[] order = shuffledOrder(784, random);
        double[] a = start.clone();
        double[] ha = new double[1000];
        DenseSweep.fields(x, a, ha);
        assertArrayEquals(fieldsOf(x, a), ha, 0.0);
        double[] b = start.clone();
        double[] hb = ha.clone();
        int flipsA = DenseSweep.sweep(x, 3, a, ha, order);
        int flipsB = DenseSweep.polynomialScalar(PatternColumns.of(x), 3, false, b, hb, order);
        assertEquals(flipsB, flipsA);
        assertArrayEquals(b, a, 0.0);
        assertTrue(flipsA > 0, "a 10% corrupted pattern must move");
        assertArrayEquals(x[5], a, 0.0, "K = 1000 > 0.14 N, yet the cubic memory cleans a 10% corrupted pattern in one sweep");
    }

    @ParameterizedTest(name = "beta={0}")
    @CsvSource({"0.05", "1.0", "30.0"})  // at 30 a naive exp(beta * 60) overflows to infinity
    void exponentialSweepIsStableAndMatchesLogSumExpOnBothPaths(double beta) {
        Random random = new Random(Double.doubleToLongBits(beta));
        double[][] x = Naive.spins(random, 40, 60);
        double[] start = corrupt(x[2], 0.25, random);
        int[] order = shuffledOrder(60, random);
        double[] expected = start.clone();
        int expectedFlips = naiveExponentialSweep(x, beta, expected, order);
        PatternColumns columns = PatternColumns.of(x);
        double[] vector = start.clone();
        int vectorFlips = DenseSweepVector.exponential(columns, beta, vector, fieldsOf(x, start), order);
        double[] scalar = start.clone();
        int scalarFlips = DenseSweep.exponentialScalar(columns, beta, scalar, fieldsOf(x, start), order);
        assertArrayEquals(expected, vector, 0.0);
        assertArrayEquals(expected, scalar, 0.0);
        assertEquals(expectedFlips, vectorFlips);
        assertEquals(expectedFlips, scalarFlips);
    }

    @Test
    void columnsHoldEachFeatureAcrossMemories() {
        double[][] x = Naive.gaussian(new Random(8), 45, 70);
        PatternColumns c = PatternColumns.of(x);
        assertEquals(45, c.memories());
        assertEquals(70, c.features());
        for (int mu = 0; mu < 45; mu++) {
            for (int i = 0; i < 70; i++) {
                assertEquals(x[mu][i], c.values[i][mu], 0.0);
            }
        }
    }
}
