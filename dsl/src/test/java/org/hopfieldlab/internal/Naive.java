package org.hopfieldlab.internal;

import java.util.Random;

/** Textbook implementations, written for clarity only, that the fast kernels are checked against. */
final class Naive {

    private Naive() {
    }

    /** Runs {@code task} with the kernels on their scalar path ({@code -Dhopfieldlab.vector=false}), then restores the setting. */
    static void onScalarPath(Runnable task) {
        fromScalarPath(() -> {
            task.run();
            return null;
        });
    }

    /** What {@code work} returns with the kernels on their scalar path; the setting is restored afterwards. */
    static <T> T fromScalarPath(java.util.function.Supplier<T> work) {
        String before = System.getProperty(VectorSupport.PROPERTY);
        System.setProperty(VectorSupport.PROPERTY, "false");
        try {
            return work.get();
        } finally {
            if (before == null) {
                System.clearProperty(VectorSupport.PROPERTY);
            } else {
                System.setProperty(VectorSupport.PROPERTY, before);
            }
        }
    }

    static double[][] gaussian(Random random, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }

    static double[][] spins(Random random, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextBoolean() ? 1 : -1;
            }
        }
        return m;
    }

    static float[][] toFloat(double[][] m) {
        float[][] f = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            f[i] = new float[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                f[i][j] = (float) m[i][j];
            }
        }
        return f;
    }

    static double[][] toDouble(float[][] m) {
        double[][] d = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            d[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                d[i][j] = m[i][j];
            }
        }
        return d;
    }

    /** softmax(beta X q), computed the long way with the max subtracted. */
    static double[] softmaxWeights(double[][] x, double beta, double[] q) {
        double[] s = new double[x.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int mu = 0; mu < x.length; mu++) {
            for (int i = 0; i < q.length; i++) {
                s[mu] += x[mu][i] * q[i];
            }
            s[mu] *= beta;
            max = Math.max(max, s[mu]);
        }
        double total = 0;
        for (int mu = 0; mu < x.length; mu++) {
            s[mu] = Math.exp(s[mu] - max);
            total += s[mu];
        }
        for (int mu = 0; mu < x.length; mu++) {
            s[mu] /= total;
        }
        return s;
    }

    /** X^T softmax(beta X q) for every query row. */
    static double[][] softmaxStep(double[][] x, double beta, double[][] queries) {
        double[][] out = new double[queries.length][x[0].length];
        for (int b = 0; b < queries.length; b++) {
            double[] w = softmaxWeights(x, beta, queries[b]);
            for (int mu = 0; mu < x.length; mu++) {
                for (int i = 0; i < out[b].length; i++) {
                    out[b][i] += w[mu] * x[mu][i];
                }
            }
        }
        return out;
    }

    /** Largest |a - b| over all entries, scaled by the largest |b| (at least 1). */
    static double relativeError(double[][] a, double[][] b) {
        double err = 0;
        double scale = 1;
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < b[i].length; j++) {
                err = Math.max(err, Math.abs(a[i][j] - b[i][j]));
                scale = Math.max(scale, Math.abs(b[i][j]));
            }
        }
        return err / scale;
    }

    static double relativeError(double[] a, double[] b) {
        return relativeError(new double[][] {a}, new double[][] {b});
    }
}
