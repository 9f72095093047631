package org.hopfieldlab.bench;

import java.util.SplittableRandom;

/** Seeded inputs shared by the benchmarks: the same shapes and distributions as the numpy side. */
final class Data {

    private Data() {
    }

    static double[][] gaussian(int rows, int cols, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                // Box-Muller: SplittableRandom has no nextGaussian on Java 17
                double u = 1 - random.nextDouble();
                double v = random.nextDouble();
                row[j] = scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
            }
        }
        return m;
    }

    static double[][] spins(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextBoolean() ? 1 : -1;
            }
        }
        return m;
    }

    static float[][] toFloat(double[][] m) {
        float[][] f = new float[m.length][m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                f[i][j] = (float) m[i][j];
            }
        }
        return f;
    }

    static int[] shuffled(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
