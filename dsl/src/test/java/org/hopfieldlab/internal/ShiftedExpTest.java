package org.hopfieldlab.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A softmax layer's exponentials, on the vector path and the scalar path, against {@link Math#exp}. */
class ShiftedExpTest {

    /** Every length from empty to a few vectors plus a tail; values spread so some weights underflow to 0. */
    @Test
    void bothPathsGiveTheExponentialsAndTheirSumWithinOneUlpEach() {
        assertTrue(VectorSupport.available(), "this suite runs with the vector module (the scalar JVM has its own run)");
        Random random = new Random(5);
        double beta = 1.7;
        for (int length = 0; length <= 37; length++) {
            double[] x = new double[length];
            double largest = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < length; i++) {
                x[i] = i % 5 == 4 ? -500 * random.nextDouble() : 3 * random.nextGaussian();
                largest = Math.max(largest, x[i]);
            }
            double max = largest;
            double[] expected = new double[length];
            double expectedSum = 0;
            for (int i = 0; i < length; i++) {
                expected[i] = Math.exp(beta * (x[i] - max));
                expectedSum += expected[i];
            }
            for (boolean vector : new boolean[] {true, false}) {
                String path = (vector ? "vector" : "scalar") + " path, length " + length;
                double[] out = new double[length];
                double sum = onPath(vector, () -> ShiftedExp.fill(x, beta, max, out));
                for (int i = 0; i < length; i++) {
                    // the vector exp returns subnormal results (below Double.MIN_NORMAL) as 0
                    double tolerance = Math.max(Math.ulp(expected[i]), Double.MIN_NORMAL);
                    assertEquals(expected[i], out[i], tolerance, path + ", index " + i);
                }
                double tolerance = length * Math.ulp(Math.max(1, expectedSum));
                assertEquals(expectedSum, sum, tolerance, path);
                assertEquals(sum, onPath(vector, () -> ShiftedExp.sum(x, beta, max)), tolerance, path);
            }
        }
    }

    @Test
    void theOutputMayBeTheInput() {
        double[] x = {0.5, -1, 2, 7, -3, 0, 1, 2, 3};
        double[] expected = x.clone();
        for (int i = 0; i < x.length; i++) {
            expected[i] = Math.exp(0.5 * (x[i] - 7));
        }
        double sum = ShiftedExp.fill(x, 0.5, 7, x);
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], x[i], Math.ulp(expected[i]));
            total += x[i];
        }
        assertEquals(total, sum, 1e-15);
    }

    private static double onPath(boolean vector, java.util.function.DoubleSupplier work) {
        return vector ? work.getAsDouble() : Naive.fromScalarPath(work::getAsDouble);
    }
}
