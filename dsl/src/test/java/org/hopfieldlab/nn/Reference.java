package org.hopfieldlab.nn;

import java.util.SplittableRandom;

/**
 * Independent references for the layer tests: attention written out with explicit loops from the
 * textbook formula, seeded random matrices, and central finite differences.
 */
final class Reference {
    private Reference() {}

    static double[][] random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return m;
    }

    static double[][] product(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                double s = 0;
                for (int k = 0; k < b.length; k++) {
                    s += a[i][k] * b[k][j];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    /** softmax(scale Q K^T) V, each score exponentiated directly (the test inputs are small). */
    static double[][] attention(double[][] q, double[][] k, double[][] v, double scale) {
        double[][] out = new double[q.length][v[0].length];
        for (int b = 0; b < q.length; b++) {
            double[] e = new double[k.length];
            double total = 0;
            for (int j = 0; j < k.length; j++) {
                double score = 0;
                for (int c = 0; c < q[b].length; c++) {
                    score += q[b][c] * k[j][c];
                }
                e[j] = Math.exp(scale * score);
                total += e[j];
            }
            for (int j = 0; j < k.length; j++) {
                for (int c = 0; c < v[0].length; c++) {
                    out[b][c] += e[j] / total * v[j][c];
                }
            }
        }
        return out;
    }

    /** sum of a .* b: the loss whose gradient with respect to the output is b. */
    static double inner(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                s += a[i][j] * b[i][j];
            }
        }
        return s;
    }

    interface Loss {
        double at(double[][] parameter);
    }

    /** Central differences of {@code loss} with respect to every entry of {@code parameter}. */
    static double[][] numericGradient(Loss loss, double[][] parameter) {
        double h = 1e-6;
        double[][] grad = new double[parameter.length][parameter[0].length];
        for (int i = 0; i < parameter.length; i++) {
            for (int j = 0; j < parameter[i].length; j++) {
                double[][] plus = copy(parameter);
                double[][] minus = copy(parameter);
                plus[i][j] += h;
                minus[i][j] -= h;
                grad[i][j] = (loss.at(plus) - loss.at(minus)) / (2 * h);
            }
        }
        return grad;
    }

    static double maxAbsDifference(double[][] a, double[][] b) {
        if (a.length != b.length) {
            throw new AssertionError("row counts differ: " + a.length + " vs " + b.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                throw new AssertionError("row " + i + " lengths differ: " + a[i].length + " vs " + b[i].length);
            }
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }

    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }
}
