package org.hopfieldlab.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SymmetricProductTest {

    /** A symmetric matrix whose lower triangle holds NaN: a product that read it would return NaN. */
    private static double[][] upperOnly(double[][] symmetric) {
        int n = symmetric.length;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[i][j] = j >= i ? symmetric[i][j] : Double.NaN;
            }
        }
        return t;
    }

    private static double[] naiveProduct(double[][] t, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += t[i][j] * v[j];
            }
        }
        return out;
    }

    private static double[][] symmetricGaussian(Random random, int n) {
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                t[i][j] = random.nextGaussian();
                t[j][i] = t[i][j];
            }
        }
        return t;
    }

    @ParameterizedTest(name = "N={0}")
    @CsvSource({"1", "3", "7", "8", "9", "17", "64", "100", "333", "1000", "1201"})
    void readsOnlyTheUpperTriangleAndMatchesTheFullProductOnBothPaths(int n) {
        Random random = new Random(n);
        double[][] symmetric = symmetricGaussian(random, n);
        double[] v = Naive.gaussian(random, 1, n)[0];
        double[] expected = naiveProduct(symmetric, v);
        double[][] t = upperOnly(symmetric);
        double[] vector = new double[n];
        SymmetricProduct.multiply(t, v, vector);
        double[] scalar = new double[n];
        Naive.onScalarPath(() -> SymmetricProduct.multiply(t, v, scalar));
        for (int i = 0; i < n; i++) {
            // two orders of the same n products: each within n ulps of sum_j |t_ij v_j| (the summation error bound)
            double magnitude = 0;
            for (int j = 0; j < n; j++) {
                magnitude += Math.abs(symmetric[i][j] * v[j]);
            }
            double tolerance = 2 * n * Math.ulp(magnitude);
            assertEquals(expected[i], vector[i], tolerance, "vector path, row " + i);
            assertEquals(expected[i], scalar[i], tolerance, "scalar path, row " + i);
        }
    }

    @Test
    void integerMatricesGiveExactlyTheFullProductWhateverTheThreads() {
        // Hebbian matrices of +-1 patterns: integer sums, exact in any order
        Random random = new Random(5);
        int n = 1000;
        double[][] t = Hebbian.matrix(Naive.spins(random, 100, n));
        double[] v = Naive.spins(random, 1, n)[0];
        double[] expected = naiveProduct(t, v);
        double[] out = new double[n];
        SymmetricProduct.multiply(t, v, out);
        assertArrayEquals(expected, out, 0.0);
        double[] alone = new double[n];
        Parallel.alone(() -> SymmetricProduct.multiply(t, v, alone));
        assertArrayEquals(expected, alone, 0.0);
    }

    @Test
    void bandsCoverTheRowsInOrderWithEqualAreas() {
        int n = 1000;
        int parts = 4;
        double area = n * (n + 1) / 2.0;
        assertEquals(0, SymmetricProduct.bandStart(n, 0, parts));
        assertEquals(n, SymmetricProduct.bandStart(n, parts, parts));
        for (int p = 0; p < parts; p++) {
            int r0 = SymmetricProduct.bandStart(n, p, parts);
            int r1 = SymmetricProduct.bandStart(n, p + 1, parts);
            assertTrue(r0 < r1, "band " + p + " is empty");
            double bandArea = 0;
            for (int i = r0; i < r1; i++) {
                bandArea += n - i;
            }
            assertEquals(area / parts, bandArea, 0.01 * area / parts, "band " + p);
        }
    }
}
