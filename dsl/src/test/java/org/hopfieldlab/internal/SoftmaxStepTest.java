package org.hopfieldlab.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoftmaxStepTest {

    @Test
    void vectorModuleIsPresentInTheTestJvm() {
        // Surefire runs with --add-modules jdk.incubator.vector; without it the vector half of these tests would be vacuous.
        assertTrue(VectorSupport.available(), "jdk.incubator.vector should be loaded for the tests");
    }

    @ParameterizedTest(name = "K={0} N={1} B={2} beta={3}")
    @CsvSource({
        "1, 3, 1, 1.0",
        "13, 21, 1, 0.7",      // one query: a block that ends inside a group of eight rows
        "3001, 784, 1, 0.05",  // one query split into parts
        "500, 64, 1, 8.0",     // one query, sharp: the max keeps growing and the weighted sum is rescaled often
        "5, 17, 3, 0.5",
        "33, 40, 4, 2.0",
        "70, 9, 7, 1.0",
        "257, 784, 5, 0.05",
        "1000, 64, 64, 0.2",
        "3001, 200, 9, 0.1",   // large enough to be split into parts
        "300, 50, 20, 0.3",    // queries padded to whole vectors in both precisions
        "97, 200, 72, 0.1",    // groups of 8 queries with a leftover feature vector
        "40, 30, 2, 50.0",     // sharp softmax: scores in the hundreds, needs the max subtracted
    })
    void everyPathMatchesTheNaiveStep(int k, int n, int b, double beta) {
        Random random = new Random(31L * k + 7L * n + b);
        double[][] x = Naive.gaussian(random, k, n);
        double[][] q = Naive.gaussian(random, b, n);
        double[][] expected = Naive.softmaxStep(x, beta, q);

        double[][] scalar = new double[b][n];
        SoftmaxScalar64.step(x, beta, q, scalar);
        double[][] vector = new double[b][n];
        SoftmaxVector64.step(x, beta, q, vector);
        assertTrue(Naive.relativeError(scalar, expected) < 1e-12, "scalar f64 " + Naive.relativeError(scalar, expected));
        assertTrue(Naive.relativeError(vector, expected) < 1e-12, "vector f64 " + Naive.relativeError(vector, expected));

        float[][] xf = Naive.toFloat(x);
        float[][] qf = Naive.toFloat(q);
        double[][] expectedF = Naive.softmaxStep(Naive.toDouble(xf), (float) beta, Naive.toDouble(qf));
        float[][] scalarF = new float[b][n];
        SoftmaxScalar32.step(xf, (float) beta, qf, scalarF);
        float[][] vectorF = new float[b][n];
        SoftmaxVector32.step(xf, (float) beta, qf, vectorF);
        // float scores near 100 lose ~1e-5 absolute before exp; the weights inherit that relative error
        double tolerance = 2e-4 * Math.max(1, beta);
        assertTrue(Naive.relativeError(Naive.toDouble(scalarF), expectedF) < tolerance, "scalar f32");
        assertTrue(Naive.relativeError(Naive.toDouble(vectorF), expectedF) < tolerance, "vector f32");
    }

    @ParameterizedTest(name = "K={0} N={1}")
    @CsvSource({"1, 5", "37, 19", "5000, 128"})
    void weightsMatchTheNaiveSoftmax(int k, int n) {
        Random random = new Random(k + 1000L * n);
        double[][] x = Naive.gaussian(random, k, n);
        double[] q = Naive.gaussian(random, 1, n)[0];
        double[] expected = Naive.softmaxWeights(x, 0.3, q);
        double[] scalar = new double[k];
        SoftmaxScalar64.weights(x, 0.3, q, scalar);
        double[] vector = new double[k];
        SoftmaxVector64.weights(x, 0.3, q, vector);
        assertTrue(Naive.relativeError(scalar, expected) < 1e-12);
        assertTrue(Naive.relativeError(vector, expected) < 1e-12);

        float[] vectorF = new float[k];
        SoftmaxVector32.weights(Naive.toFloat(x), 0.3f, Naive.toFloat(new double[][] {q})[0], vectorF);
        float[] scalarF = new float[k];
        SoftmaxScalar32.weights(Naive.toFloat(x), 0.3f, Naive.toFloat(new double[][] {q})[0], scalarF);
        assertTrue(Naive.relativeError(Naive.toDouble(new float[][] {vectorF})[0], expected) < 1e-4);
        assertTrue(Naive.relativeError(Naive.toDouble(new float[][] {scalarF})[0], expected) < 1e-4);
    }

    @Test
    void thePropertySwitchesTheFacadeToTheScalarPathWithTheSameResult() {
        Random random = new Random(5);
        double[][] x = Naive.gaussian(random, 300, 50);
        double[][] q = Naive.gaussian(random, 6, 50);
        double[][] viaVector = new double[6][50];
        double[][] viaScalar = new double[6][50];
        double[][] scalarDirect = new double[6][50];
        SoftmaxStep.step(x, 0.4, q, viaVector);
        Naive.onScalarPath(() -> SoftmaxStep.step(x, 0.4, q, viaScalar));
        SoftmaxScalar64.step(x, 0.4, q, scalarDirect);
        for (int b = 0; b < 6; b++) {
            assertArrayEquals(scalarDirect[b], viaScalar[b], 0.0, "forced scalar path is the scalar kernel");
        }
        assertTrue(Naive.relativeError(viaVector, viaScalar) < 1e-12);
    }

    @Test
    void theResultDoesNotDependOnHowManyThreadsRanTheParts() {
        Random random = new Random(9);
        double[][] x = Naive.gaussian(random, 4000, 300);
        double[][] q = Naive.gaussian(random, 3, 300);
        float[][] xf = Naive.toFloat(x);
        float[][] qf = Naive.toFloat(q);
        double[][] shared = new double[3][300];
        double[][] alone = new double[3][300];
        float[][] sharedF = new float[3][300];
        float[][] aloneF = new float[3][300];
        for (int warmup = 0; warmup < 30; warmup++) {
            // interpreted and compiled Math.exp may differ in the last bit; compare compiled with compiled
            SoftmaxStep.step(x, 0.1, q, shared);
            SoftmaxStep.step(xf, 0.1f, qf, sharedF);
        }
        SoftmaxStep.step(x, 0.1, q, shared);
        SoftmaxStep.step(xf, 0.1f, qf, sharedF);
        Parallel.alone(() -> {
            SoftmaxStep.step(x, 0.1, q, alone);
            SoftmaxStep.step(xf, 0.1f, qf, aloneF);
        });
        for (int b = 0; b < 3; b++) {
            assertArrayEquals(shared[b], alone[b], 0.0);
            assertArrayEquals(sharedF[b], aloneF[b], 0.0f);
        }
    }

    @Test
    void onceCompiledADoubleStepAllocatesInProportionToTheQueriesNotThePatterns() {
        // A vector temporary that C2 cannot keep in registers (a kernel helper too big to inline, say) is boxed
        // on the heap once per block, so the garbage grows with K: 16 MB per K = 10,000, B = 64 step once did.
        int n = 784;
        double[][] small = Naive.gaussian(new Random(5), 2_000, n);
        double[][] large = Naive.gaussian(new Random(6), 16_000, n);
        for (int b : new int[] {1, 8}) {
            double[][] q = Naive.gaussian(new Random(b), b, n);
            double[][] out = new double[b][n];
            for (double[][] x : new double[][][] {small, large}) {
                for (int call = 0; call < 300; call++) { // until the JIT has compiled the kernels
                    SoftmaxStep.step(x, 0.05, q, out);
                }
                long least = Long.MAX_VALUE;
                for (int call = 0; call < 5; call++) {
                    long before = allocatedByAllThreads();
                    SoftmaxStep.step(x, 0.05, q, out);
                    least = Math.min(least, allocatedByAllThreads() - before);
                }
                long queryBytes = 8L * b * n;
                // partial sums of the parts and scratch, O(B N), plus a fixed bookkeeping of well under 128 KB
                assertTrue(least < 8 * queryBytes + 128 * 1024, "K = " + x.length + ", B = " + b
                        + ": a step allocated " + least + " bytes, expected O(B N) (B N = " + queryBytes + " bytes)");
            }
        }
    }

    private static long allocatedByAllThreads() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }
}
