package org.hopfieldlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TheoryTest {

    /** Composite Simpson rule: the independent reference for the error function and the normal tail. */
    private static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b, int intervals) {
        double h = (b - a) / intervals;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < intervals; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }

    private static double erfByIntegration(double x) {
        return simpson(t -> 2 / Math.sqrt(Math.PI) * Math.exp(-t * t), 0, x, 20_000);
    }

    @Test
    void erfMatchesTheIntegralOfTheGaussian() {
        for (double x : new double[] {0.01, 0.1, 0.5, 1, 1.7, 2.5, 3, 4.5, 5.9, -1.3}) {
            assertEquals(erfByIntegration(x), Theory.erf(x), 1e-13, "erf(" + x + ")");
        }
        assertEquals(0, Theory.erf(0), 0);
        assertEquals(1, Theory.erf(7), 0);
    }

    @Test
    void criticalLoadIsTheOneOfAmitGutfreundSompolinsky() {
        // AGS 1985: retrieval states exist up to alpha_c = 0.138, where the overlap jumps from 0.967 to 0.
        assertEquals(0.138, Theory.agsCriticalLoad(), 0.001);
        assertEquals(0.967, Theory.agsOverlapAtCriticalLoad(), 0.001);
        assertEquals(0, Theory.agsOverlap(Theory.agsCriticalLoad() + 1e-4), 0);
        assertTrue(Theory.agsOverlap(Theory.agsCriticalLoad() - 1e-6) > 0.96);
    }

    /**
     * The AGS saddle-point equations in their original form, iterated from perfect retrieval:
     * m = erf(m / sqrt(2 alpha r)), C = sqrt(2 / (pi alpha r)) exp(-m^2 / (2 alpha r)), r = 1 / (1 - C)^2.
     */
    private static double iteratedAgs(double alpha) {
        double m = 1;
        double r = 1;
        for (int i = 0; i < 200_000; i++) {
            double s = 2 * alpha * r;
            double c = Math.sqrt(2 / (Math.PI * alpha * r)) * Math.exp(-m * m / s);
            double nextM = erfByIntegrationFast(m / Math.sqrt(s));
            double nextR = 1 / ((1 - c) * (1 - c));
            if (Math.abs(nextM - m) < 1e-14 && Math.abs(nextR - r) < 1e-12) {
                return nextM;
            }
            m = nextM;
            r = nextR;
        }
        return m;
    }

    private static double erfByIntegrationFast(double x) {
        return simpson(t -> 2 / Math.sqrt(Math.PI) * Math.exp(-t * t), 0, x, 400);
    }

    @Test
    void overlapSolvesTheOriginalSaddlePointEquations() {
        for (double alpha : new double[] {0.02, 0.05, 0.1, 0.12, 0.13}) {
            assertEquals(iteratedAgs(alpha), Theory.agsOverlap(alpha), 1e-7, "alpha = " + alpha);
        }
        assertEquals(1, Theory.agsOverlap(0), 0);
    }

    @Test
    void badLoadIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Theory.agsOverlap(-0.1));
        assertEquals("alpha (the load K/N) must be zero or positive and finite, got -0.1", e.getMessage());
    }

    @Test
    void denseCapacityIsKrotovHopfieldFormula() {
        int n = 100;
        assertEquals(n / (2 * Math.log(n)), Theory.denseCapacity(n, 2), 1e-12, "power 2: N / (2 ln N)");
        assertEquals(n * n / (2 * 3 * Math.log(n)), Theory.denseCapacity(n, 3), 1e-9, "power 3: (2*3-3)!! = 3");
        assertEquals(Math.pow(n, 3) / (2 * 15 * Math.log(n)), Theory.denseCapacity(n, 4), 1e-6, "power 4: 5!! = 15");
    }

    @Test
    void finiteNCapacityPutsHalfThePatternsAtTheNoErrorThreshold() {
        for (int power = 2; power <= 4; power++) {
            for (int n : new int[] {30, 200}) {
                double k = Theory.denseCapacityFiniteN(n, power);
                double x = Math.sqrt(Math.pow(n, power - 1) / (k * Theory.doubleFactorial(2 * power - 3)));
                double tail = 0.5 - simpson(t -> Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI), 0, x, 20_000);
                assertEquals(Math.log(2), n * tail, 1e-9, "N = " + n + ", power " + power);
            }
        }
        // Its large-N limit is Krotov & Hopfield's formula: the ratio falls towards 1.
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {100, 10_000, 100_000_000}) {
            double ratio = Theory.denseCapacityFiniteN(n, 2) / Theory.denseCapacity(n, 2);
            assertTrue(ratio > 1 && ratio < previous, "ratio " + ratio + " at N = " + n);
            previous = ratio;
        }
    }

    @Test
    void exponentialCapacityOfDemircigil() {
        assertEquals(Math.log(2) / 2, Theory.exponentialAlphaBound(0), 1e-15);
        double x = 0.8;   // rho = 0.1
        assertEquals(0.25 * ((1 + x) * Math.log(1 + x) + (1 - x) * Math.log(1 - x)), Theory.exponentialAlphaBound(0.1),
                1e-15);
        assertTrue(Theory.exponentialAlphaBound(0.4) < Theory.exponentialAlphaBound(0.1));
        assertEquals(Math.exp(12), Theory.exponentialCapacity(40, 0.3), 1e-6);
        var e = assertThrows(IllegalArgumentException.class, () -> Theory.exponentialCapacity(40, 0.35));
        assertEquals("alpha must be between 0 and ln(2)/2 = 0.34657359027997264 (Demircigil et al. 2017), got 0.35",
                e.getMessage());
    }
}
