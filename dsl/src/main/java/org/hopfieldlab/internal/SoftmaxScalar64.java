package org.hopfieldlab.internal;

/** Plain-loop twin of {@link SoftmaxVector64}: the path taken without the Vector API module. */
final class SoftmaxScalar64 implements SoftmaxBlocks64, SoftmaxDriver64.Dots64 {

    static final SoftmaxScalar64 INSTANCE = new SoftmaxScalar64();

    private SoftmaxScalar64() {
    }

    static void step(double[][] patterns, double beta, double[][] queries, double[][] out) {
        SoftmaxDriver64.step(INSTANCE, patterns, beta, queries, out);
    }

    static void weights(double[][] patterns, double beta, double[] query, double[] weights) {
        SoftmaxDriver64.weights(INSTANCE, patterns, beta, query, weights, INSTANCE);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public void scores(double[][] patterns, int k0, int k1, double[] query, double beta, double[] out) {
        for (int k = k0; k < k1; k++) {
            out[k] = beta * dot(patterns[k], query);
        }
    }

    @Override
    public void block(double[][] patterns, int k0, int k1, double[][] queries, double beta,
                      double[] scores, double[] max, double[] norm, double[][] acc) {
        int rows = k1 - k0;
        int block = SoftmaxDriver64.BLOCK;
        for (int b = 0; b < queries.length; b++) {
            double blockMax = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                double s = beta * dot(patterns[k0 + r], queries[b]);
                scores[b * block + r] = s;
                blockMax = Math.max(blockMax, s);
            }
            double m = Math.max(max[b], blockMax);
            if (m > max[b]) {
                if (norm[b] != 0) {
                    double f = (double) Math.exp(max[b] - m);
                    scale(acc[b], f);
                    norm[b] *= f;
                }
                max[b] = m;
            }
            double[] target = acc[b];
            for (int r = 0; r < rows; r++) {
                double w = (double) Math.exp(scores[b * block + r] - m);
                norm[b] += w;
                axpy(w, patterns[k0 + r], target);
            }
        }
    }

    @Override
    public void scale(double[] row, double factor) {
        for (int i = 0; i < row.length; i++) {
            row[i] *= factor;
        }
    }

    @Override
    public void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
