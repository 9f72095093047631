package org.hopfieldlab.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HebbianTest {

    static double[][] naiveMatrix(double[][] x) {
        int n = x[0].length;
        double[][] t = new double[n][n];
        for (double[] p : x) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    t[i][j] += p[i] * p[j];
                }
            }
        }
        return t;
    }

    @ParameterizedTest(name = "K={0} N={1}")
    @CsvSource({"1, 1", "3, 7", "10, 33", "20, 100", "100, 1000"})
    void spinPatternsGiveTheExactIntegerMatrixOnBothPaths(int k, int n) {
        double[][] x = Naive.spins(new Random(k * 131L + n), k, n);
        double[][] expected = naiveMatrix(x);
        double[][] vector = new double[n][n];
        HebbianVector.matrix(x, vector);
        double[][] scalar = new double[n][n];
        Hebbian.matrixScalar(x, scalar);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(expected[i], vector[i], 0.0, "vector row " + i);
            assertArrayEquals(expected[i], scalar[i], 0.0, "scalar row " + i);
        }
        assertEquals(k, vector[n / 2][n / 2], "the diagonal is kept: each pattern adds xi_i^2 = 1");
    }

    @ParameterizedTest(name = "K={0} N={1}")
    @CsvSource({"1, 1", "1, 9", "63, 17", "64, 40", "65, 33", "100, 1000", "130, 71", "200, 250"})
    void bitCountingGivesTheNaiveSumExactlyOnBothPaths(int k, int n) {
        double[][] x = Naive.spins(new Random(k * 977L + n), k, n);
        double[][] expected = naiveMatrix(x);
        assertNotNull(HebbianBits.pack(x), "+-1 patterns take the bit-counting path");
        double[][] vector = Hebbian.matrix(x);
        double[][][] alone = new double[1][][];
        Parallel.alone(() -> alone[0] = Hebbian.matrix(x));
        double[][] scalar = Naive.fromScalarPath(() -> Hebbian.matrix(x));
        for (int i = 0; i < n; i++) {
            assertArrayEquals(expected[i], vector[i], 0.0, "vector row " + i);
            assertArrayEquals(expected[i], alone[0][i], 0.0, "one thread, row " + i);
            assertArrayEquals(expected[i], scalar[i], 0.0, "scalar row " + i);
        }
    }

    @ParameterizedTest(name = "entry {0}")
    @ValueSource(doubles = {0.5, 0.0, -0.0, 2.0, -3.0, Double.NaN, Double.POSITIVE_INFINITY, 1.0000000000000002})
    void anEntryOtherThanPlusOrMinusOneTakesTheMultiplyingPath(double entry) {
        double[][] x = Naive.spins(new Random(21), 70, 45);
        x[69][44] = entry; // the very last entry read: the check must not stop early
        assertNull(HebbianBits.pack(x));
        if (Double.isFinite(entry)) {
            double[][] expected = naiveMatrix(x);
            double[][] t = Hebbian.matrix(x);
            for (int i = 0; i < 45; i++) {
                assertArrayEquals(expected[i], t[i], 0.0, "row " + i + ": sums of these products are exact");
            }
        }
    }

    @Test
    void packedBitsMarkTheMinusOnesWordByWord() {
        double[][] x = new double[65][3];
        for (double[] p : x) {
            java.util.Arrays.fill(p, 1);
        }
        x[0][1] = -1;
        x[63][2] = -1;
        x[64][0] = -1;
        long[] bits = HebbianBits.pack(x);
        assertArrayEquals(new long[] {0, 1L, 1L << 63, 1L, 0, 0}, bits);
        assertEquals(1, HebbianBits.words(64));
        assertEquals(2, HebbianBits.words(65));
    }

    @Test
    void realValuedPatternsGiveASymmetricMatrixCloseToTheNaiveOne() {
        double[][] x = Naive.gaussian(new Random(4), 37, 123);
        double[][] expected = naiveMatrix(x);
        double[][] t = Hebbian.matrix(x);
        assertTrue(Naive.relativeError(t, expected) < 1e-13);
        for (int i = 0; i < 123; i++) {
            for (int j = 0; j < 123; j++) {
                assertEquals(t[i][j], t[j][i], 0.0);
            }
        }
    }

    @ParameterizedTest(name = "N={0}")
    @CsvSource({"5", "64", "1000"})
    void syncStepIsTheSignOfTheFieldOnBothPaths(int n) {
        Random random = new Random(n);
        double[][] x = Naive.spins(random, 10, n);
        double[][] t = naiveMatrix(x);
        double[] sigma = Naive.spins(random, 1, n)[0];
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            double h = 0;
            for (int j = 0; j < n; j++) {
                h += t[i][j] * sigma[j];
            }
            expected[i] = h > 0 ? 1 : h < 0 ? -1 : sigma[i];
        }
        double[] out = new double[n];
        Hebbian.syncStep(t, sigma, out);
        assertArrayEquals(expected, out, 0.0);
        double[] scalar = new double[n];
        Naive.onScalarPath(() -> Hebbian.syncStep(t, sigma, scalar));
        assertArrayEquals(expected, scalar, 0.0);
    }

    @Test
    void aNeuronWithZeroFieldKeepsItsState() {
        // fields (0, 1, 1): neuron 0 keeps +1, neuron 1 flips to +1 (the step takes symmetric matrices)
        double[][] t = {{0, 1, 1}, {1, 0, 0}, {1, 0, 0}};
        double[] sigma = {1, -1, 1};
        double[] out = new double[3];
        Hebbian.syncStep(t, sigma, out);
        assertArrayEquals(new double[] {1, 1, 1}, out, 0.0);
    }

    @Test
    void storedPatternsAreFixedPointsWhenFewAreStored() {
        // Hopfield's classical result: well below capacity (K = 3 << 0.138 N) every stored pattern is stable.
        double[][] x = Naive.spins(new Random(12), 3, 200);
        double[][] t = Hebbian.matrix(x);
        double[] out = new double[200];
        for (double[] p : x) {
            Hebbian.syncStep(t, p, out);
            assertArrayEquals(p, out, 0.0);
        }
    }
}
