package org.hopfieldlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every Lagrangian keeps: its activation is its gradient, and convex ones curve upwards. */
class LagrangianContractTest {

    static Stream<Lagrangian> all() {
        return Stream.of(new Lagrangian.Identity(), new Lagrangian.Sign(), new Lagrangian.Tanh(0.7),
                new Lagrangian.Relu(), new Lagrangian.Spherical(), new Lagrangian.Softmax(1.0), new Lagrangian.Softmax(3.5),
                new Lagrangian.Polynomial(1), new Lagrangian.Polynomial(2), new Lagrangian.Polynomial(3),
                new Lagrangian.Polynomial(4), new Lagrangian.RectifiedPolynomial(2), new Lagrangian.RectifiedPolynomial(3),
                new Lagrangian.Exponential(1.0), new Lagrangian.Exponential(0.3));
    }

    /** Random points kept away from 0, where sign, relu and the rectified polynomials have kinks. */
    private static double[] point(SplittableRandom random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double magnitude = 0.2 + 1.3 * random.nextDouble();
            x[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("all")
    void activationIsTheGradientOfTheLagrangian(Lagrangian lagrangian) {
        SplittableRandom random = new SplittableRandom(11);
        double h = 1e-6;
        for (int trial = 0; trial < 20; trial++) {
            double[] x = point(random, 6);
            double[] g = new double[x.length];
            lagrangian.activation(x, g);
            for (int i = 0; i < x.length; i++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (lagrangian.value(up) - lagrangian.value(down)) / (2 * h);
                assertEquals(numeric, g[i], 1e-5 * Math.max(1, Math.abs(numeric)),
                        lagrangian.describe() + ": dL/dx_" + i + " at trial " + trial);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("all")
    void convexLagrangiansHaveAPositiveSemiDefiniteHessianAndTheOthersDoNot(Lagrangian lagrangian) {
        SplittableRandom random = new SplittableRandom(12);
        double smallestCurvature = Double.POSITIVE_INFINITY;
        for (int trial = 0; trial < 200; trial++) {
            double[] x = point(random, 5);
            double[] direction = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                direction[i] = random.nextGaussian();
            }
            // v^T H v from the change of the gradient along v: (g(x + e v) - g(x - e v)) . v / (2 e)
            double e = 1e-5;
            double[] up = x.clone();
            double[] down = x.clone();
            for (int i = 0; i < x.length; i++) {
                up[i] += e * direction[i];
                down[i] -= e * direction[i];
            }
            double[] gUp = new double[x.length];
            double[] gDown = new double[x.length];
            lagrangian.activation(up, gUp);
            lagrangian.activation(down, gDown);
            double curvature = 0;
            double scale = 0;
            for (int i = 0; i < x.length; i++) {
                curvature += (gUp[i] - gDown[i]) * direction[i] / (2 * e);
                scale += Math.abs(gUp[i]) * Math.abs(direction[i]);
            }
            smallestCurvature = Math.min(smallestCurvature, curvature / Math.max(1, scale));
        }
        if (lagrangian.convex()) {
            assertTrue(smallestCurvature >= -1e-6, lagrangian.describe() + " claims convexity but v^T H v = "
                    + smallestCurvature);
        } else {
            assertTrue(smallestCurvature < -1e-3, lagrangian.describe() + " claims it is not convex, yet no negative"
                    + " curvature was found (smallest " + smallestCurvature + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("all")
    void scaledFormsDivideByTheScaleAndPreferenceHasTheSignOfTheDifference(Lagrangian lagrangian) {
        SplittableRandom random = new SplittableRandom(13);
        for (int trial = 0; trial < 20; trial++) {
            double[] a = point(random, 4);
            double[] b = point(random, 4);
            double scale = 1.7;
            assertEquals(lagrangian.value(a) * Math.exp(-scale), lagrangian.value(a, scale),
                    1e-12 * Math.max(1, Math.abs(lagrangian.value(a))));
            double[] g = new double[4];
            double[] scaled = new double[4];
            lagrangian.activation(a, g);
            lagrangian.activation(a, scale, scaled);
            for (int i = 0; i < 4; i++) {
                assertEquals(g[i] * Math.exp(-scale), scaled[i], 1e-12 * Math.max(1, Math.abs(g[i])));
            }
            double difference = lagrangian.value(a) - lagrangian.value(b);
            assertEquals(Math.signum(difference), Math.signum(lagrangian.preference(a, b)));
        }
    }

    @org.junit.jupiter.api.Test
    void exponentialStaysExactWhereExpOverflows() {
        Lagrangian exponential = new Lagrangian.Exponential(1.0);
        double[] a = {1000, 999, 2};
        double[] b = {998, 1000, 3};
        // L(a) - L(b) = e^998 (e^2 + e - e^0 - e^2) + (e^2 - e^3): positive, though every term overflows
        assertTrue(exponential.preference(a, b) > 0);
        assertFalse(Double.isFinite(exponential.value(a)), "the plain value overflows, which is why scaling exists");
        double scaled = exponential.value(a, exponential.logScaleFor(1000));
        assertEquals(1 + Math.exp(-1), scaled, 1e-12);
        double[] g = new double[3];
        exponential.activation(a, exponential.logScaleFor(1000), g);
        assertEquals(1.0, g[0], 1e-15);
        assertEquals(Math.exp(-1), g[1], 1e-15);
    }

    @org.junit.jupiter.api.Test
    void softmaxIsFiniteForHugeInputs() {
        Lagrangian softmax = new Lagrangian.Softmax(2.0);
        double[] h = {5000, 4999, -3};
        double[] g = new double[3];
        softmax.activation(h, g);
        double z = 1 + Math.exp(-2);
        assertEquals(1 / z, g[0], 1e-15);
        assertEquals(Math.exp(-2) / z, g[1], 1e-15);
        assertEquals(5000 + Math.log(z) / 2, softmax.value(h), 1e-9);
    }
}
