package org.hopfieldlab.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public kernels on the scalar path, as a JVM without {@code --add-modules jdk.incubator.vector}
 * runs them. In the normal test JVM the path is forced with the property; run alone in a JVM without
 * the module (see the second Surefire execution) it also checks that no vector class is ever loaded.
 */
class ScalarFallbackTest {

    @BeforeEach
    void forceScalar() {
        System.setProperty(VectorSupport.PROPERTY, "false");
    }

    @AfterEach
    void restore() {
        System.clearProperty(VectorSupport.PROPERTY);
    }

    @Test
    void detectionFollowsTheBootLayer() {
        assertEquals(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), VectorSupport.available());
        assertTrue(!VectorSupport.enabled(), "the property or the missing module turns the vector path off");
    }

    @Test
    void softmaxStepAndWeightsMatchTheNaiveReference() {
        Random random = new Random(77);
        double[][] x = Naive.gaussian(random, 2500, 120);
        double[][] q = Naive.gaussian(random, 3, 120);
        double[][] out = new double[3][120];
        SoftmaxStep.step(x, 0.2, q, out);
        assertTrue(Naive.relativeError(out, Naive.softmaxStep(x, 0.2, q)) < 1e-12);
        float[][] outF = new float[3][120];
        SoftmaxStep.step(Naive.toFloat(x), 0.2f, Naive.toFloat(q), outF);
        assertTrue(Naive.relativeError(Naive.toDouble(outF),
                Naive.softmaxStep(Naive.toDouble(Naive.toFloat(x)), 0.2f, Naive.toDouble(Naive.toFloat(q)))) < 1e-4);
        double[] w = new double[2500];
        SoftmaxStep.weights(x, 0.2, q[0], w);
        assertTrue(Naive.relativeError(w, Naive.softmaxWeights(x, 0.2, q[0])) < 1e-12);
    }

    @Test
    void classicalAndDenseKernelsMatchTheirDefinitions() {
        Random random = new Random(78);
        double[][] x = Naive.spins(random, 20, 64);
        double[][] t = Hebbian.matrix(x);
        double[][] expected = HebbianTest.naiveMatrix(x);
        for (int i = 0; i < 64; i++) {
            assertArrayEquals(expected[i], t[i], 0.0);
        }
        double[] start = DenseSweepTest.corrupt(x[1], 0.2, random);
        int[] order = DenseSweepTest.shuffledOrder(64, random);
        double[] reference = start.clone();
        int flips = DenseSweepTest.naivePolynomialSweep(x, 3, false, reference, order);
        double[] sigma = start.clone();
        double[] fields = new double[20];
        DenseSweep.fields(x, sigma, fields);
        assertEquals(flips, DenseSweep.sweep(x, 3, sigma, fields, order));
        assertArrayEquals(reference, sigma, 0.0);
    }
}
