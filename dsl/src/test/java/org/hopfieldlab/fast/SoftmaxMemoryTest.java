package org.hopfieldlab.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SoftmaxMemoryTest {

    static float[][] spins(int k, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] x = new float[k][n];
        for (float[] row : x) {
            long bits = 0;
            for (int i = 0; i < n; i++) {
                if (i % 64 == 0) {
                    bits = random.nextLong();
                }
                row[i] = ((bits >>> (i % 64)) & 1) == 0 ? -1f : 1f;
            }
        }
        return x;
    }

    static double[][] gaussian(int k, int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[k][n];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                row[i] = random.nextGaussian();
            }
        }
        return x;
    }

    // X^T softmax(beta X q), the long way.
    static double[] naive(double[][] x, double beta, double[] q) {
        double[] s = new double[x.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int mu = 0; mu < x.length; mu++) {
            for (int i = 0; i < q.length; i++) {
                s[mu] += beta * x[mu][i] * q[i];
            }
            max = Math.max(max, s[mu]);
        }
        double total = 0;
        for (int mu = 0; mu < x.length; mu++) {
            s[mu] = Math.exp(s[mu] - max);
            total += s[mu];
        }
        double[] out = new double[q.length];
        for (int mu = 0; mu < x.length; mu++) {
            for (int i = 0; i < q.length; i++) {
                out[i] += s[mu] / total * x[mu][i];
            }
        }
        return out;
    }

    static long allocatedByAllThreads() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    @Test
    void retrievesFromOneHundredThousandFloatPatternsWithoutCopyingThem() {
        int k = 100_000;
        int n = 784;
        float[][] patterns = spins(k, n, 2024);
        SoftmaxMemory memory = SoftmaxMemory.of(patterns, 1.0);
        int batch = 8;
        float[][] queries = new float[batch][];
        SplittableRandom random = new SplittableRandom(7);
        for (int b = 0; b < batch; b++) {
            queries[b] = patterns[1000 + 12_345 * b].clone();
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < 0.2) {
                    queries[b][i] = -queries[b][i];
                }
            }
        }
        memory.retrieve(queries); // first call starts the worker threads and compiles the kernels

        long before = allocatedByAllThreads();
        float[][] recalled = memory.retrieve(queries);
        long allocated = allocatedByAllThreads() - before;

        // overlap 0.6 N = 470 against a best impostor near 4.4 sqrt(N) = 123: the weight on the target is ~1
        for (int b = 0; b < batch; b++) {
            assertArrayEquals(patterns[1000 + 12_345 * b], recalled[b], 1e-5f, "query " + b);
        }
        // before the JIT has settled, vector temporaries may still be boxed; a copy would be 313 MB regardless
        long patternBytes = 4L * k * n;
        assertTrue(allocated < patternBytes / 100, "a retrieval of " + batch + " queries allocated " + allocated
                + " bytes; the patterns are " + patternBytes + " bytes and must not be copied");
    }

    @Test
    void onceCompiledARetrievalAllocatesInProportionToTheQueriesNotThePatterns() {
        int n = 784;
        SoftmaxMemory small = SoftmaxMemory.of(spins(5_000, n, 1), 0.5);
        SoftmaxMemory large = SoftmaxMemory.of(spins(40_000, n, 2), 0.5);
        for (int batch : new int[] {1, 8, 32}) {
            float[][] warmup = spins(batch, n, batch);
            for (int call = 0; call < 300; call++) {
                small.retrieve(warmup); // until C2 has compiled the kernels and scalarised their vector temporaries
            }
        }
        for (SoftmaxMemory memory : new SoftmaxMemory[] {small, large}) {
            int k = memory.memories();
            for (int batch : new int[] {1, 8, 32}) {
                float[][] queries = spins(batch, n, batch + 100);
                long least = Long.MAX_VALUE;
                for (int call = 0; call < 10; call++) {
                    long before = allocatedByAllThreads();
                    memory.retrieve(queries);
                    least = Math.min(least, allocatedByAllThreads() - before);
                }
                long queryBytes = 4L * batch * n;
                // output, partial sums of the parts, transposed queries, plus a fixed ~100 KB of bookkeeping;
                // the K = 40,000 patterns are 125 MB, so anything growing with K would blow this bound
                assertTrue(least < 8 * queryBytes + 128 * 1024, "K = " + k + ", B = " + batch
                        + ": a retrieval allocated " + least + " bytes, expected O(B N) (B N = " + queryBytes + " bytes)");
            }
        }
    }

    @Test
    void everyOverloadMatchesTheNaiveStepInBothStorages() {
        double[][] x = gaussian(300, 40, 1);
        double[][] q = gaussian(5, 40, 2);
        float[][] xf = new float[300][40];
        for (int mu = 0; mu < 300; mu++) {
            for (int i = 0; i < 40; i++) {
                xf[mu][i] = (float) x[mu][i];
            }
        }
        SoftmaxMemory doubles = SoftmaxMemory.of(x, 0.25);
        SoftmaxMemory floats = SoftmaxMemory.of(xf, 0.25);
        double[][] batch = doubles.retrieve(q);
        for (int b = 0; b < 5; b++) {
            double[] expected = naive(x, 0.25, q[b]);
            assertArrayEquals(expected, batch[b], 1e-12);
            assertArrayEquals(expected, doubles.retrieve(q[b]), 1e-12);
            assertArrayEquals(expected, floats.retrieve(q[b]), 1e-4);
            float[] qf = new float[40];
            for (int i = 0; i < 40; i++) {
                qf[i] = (float) q[b][i];
            }
            float[] viaFloat = floats.retrieve(qf);
            float[] viaDouble = doubles.retrieve(qf);
            for (int i = 0; i < 40; i++) {
                assertEquals(expected[i], viaFloat[i], 1e-4);
                assertEquals(expected[i], viaDouble[i], 1e-4);
            }
        }
        double[] w = doubles.weights(q[0]);
        double sum = 0;
        for (double v : w) {
            assertTrue(v >= 0);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(300, floats.weights(q[0]).length);
    }

    @Test
    void concurrentCallersGetTheSameAnswersAsOneCaller() throws Exception {
        double[][] x = gaussian(4000, 200, 3);
        SoftmaxMemory memory = SoftmaxMemory.of(x, 0.1);
        double[][] queries = gaussian(12, 200, 4);
        for (int warmup = 0; warmup < 30; warmup++) {
            memory.retrieve(queries[warmup % 12]); // interpreted and compiled Math.exp may differ in the last bit
        }
        double[][] expected = new double[12][];
        for (int b = 0; b < 12; b++) {
            expected[b] = memory.retrieve(queries[b]);
        }
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int b = 0; b < 12; b++) {
                    double[] query = queries[b];
                    futures.add(callers.submit(() -> memory.retrieve(query)));
                }
            }
            for (int f = 0; f < futures.size(); f++) {
                // a race would garble whole rows; 1e-12 only forgives a JIT tier change in the last bit of exp
                assertArrayEquals(expected[f % 12], futures.get(f).get(), 1e-12);
            }
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void badInputIsRejectedWhereItEntersWithAMessageThatSaysWhatWasExpected() {
        double[][] x = gaussian(3, 784, 5);
        SoftmaxMemory memory = SoftmaxMemory.of(x, 1.0);
        assertEquals("query has 783 values, memory expects 784 features",
                assertThrows(IllegalArgumentException.class, () -> memory.retrieve(new double[783])).getMessage());
        double[] nan = new double[784];
        nan[40] = Double.NaN;
        assertEquals("query contains NaN at index 40, expected finite values",
                assertThrows(IllegalArgumentException.class, () -> memory.retrieve(nan)).getMessage());
        assertEquals("query 1 has 3 values, memory expects 784 features",
                assertThrows(IllegalArgumentException.class,
                        () -> memory.retrieve(new float[][] {new float[784], new float[3]})).getMessage());
        assertEquals("queries is empty, expected at least one query",
                assertThrows(IllegalArgumentException.class, () -> memory.retrieve(new double[0][])).getMessage());
        assertEquals("beta must be positive and finite, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> SoftmaxMemory.of(x, -1.0)).getMessage());
        assertEquals("beta must be positive and finite, got Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> SoftmaxMemory.of(x, Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("pattern 1 has 2 values, pattern 0 has 3",
                assertThrows(IllegalArgumentException.class,
                        () -> SoftmaxMemory.of(new double[][] {{1, 2, 3}, {1, 2}}, 1.0)).getMessage());
        assertEquals("pattern 1 contains NaN at index 0, expected finite values",
                assertThrows(IllegalArgumentException.class,
                        () -> SoftmaxMemory.of(new float[][] {{1}, {Float.NaN}}, 1.0)).getMessage());
        assertEquals("patterns is empty, expected at least one pattern",
                assertThrows(IllegalArgumentException.class, () -> SoftmaxMemory.of(new double[0][], 1.0)).getMessage());
        assertEquals("patterns is null, expected K rows of N values",
                assertThrows(IllegalArgumentException.class, () -> SoftmaxMemory.of((float[][]) null, 1.0)).getMessage());
    }

    @Test
    void anOverflowingScoreIsReportedInsteadOfReturningNaN() {
        SoftmaxMemory memory = SoftmaxMemory.of(new float[][] {{1e20f, 0}, {0, 1e20f}}, 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> memory.retrieve(new float[] {1e20f, 1}));
        assertTrue(e.getMessage().startsWith("beta * pattern . query overflows the float range"), e.getMessage());
    }

    @Test
    void toStringFitsOnAJShellLine() {
        SoftmaxMemory memory = SoftmaxMemory.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}, 2.0);
        assertTrue(memory.toString().startsWith("SoftmaxMemory[3 patterns x 2 features, float, beta=2.0, "),
                memory.toString());
        assertEquals(3, memory.memories());
        assertEquals(2, memory.features());
        assertTrue(memory.singlePrecision());
    }
}
