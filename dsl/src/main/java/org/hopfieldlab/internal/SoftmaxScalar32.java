package org.hopfieldlab.internal;

/** Plain-loop twin of {@link SoftmaxVector32}: the path taken without the Vector API module. */
final class SoftmaxScalar32 implements SoftmaxBlocks32, SoftmaxDriver32.Dots32 {

    static final SoftmaxScalar32 INSTANCE = new SoftmaxScalar32();

    private SoftmaxScalar32() {
    }

    static void step(float[][] patterns, float beta, float[][] queries, float[][] out) {
        SoftmaxDriver32.step(INSTANCE, patterns, beta, queries, out);
    }

    static void weights(float[][] patterns, float beta, float[] query, float[] weights) {
        SoftmaxDriver32.weights(INSTANCE, patterns, beta, query, weights, INSTANCE);
    }

    static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public void scores(float[][] patterns, int k0, int k1, float[] query, float beta, float[] out) {
        for (int k = k0; k < k1; k++) {
            out[k] = beta * dot(patterns[k], query);
        }
    }

    @Override
    public void block(float[][] patterns, int k0, int k1, float[][] queries, float beta,
                      float[] scores, float[] max, float[] norm, float[][] acc) {
        int rows = k1 - k0;
        int block = SoftmaxDriver32.BLOCK;
        for (int b = 0; b < queries.length; b++) {
            float blockMax = Float.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                float s = beta * dot(patterns[k0 + r], queries[b]);
                scores[b * block + r] = s;
                blockMax = Math.max(blockMax, s);
            }
            float m = Math.max(max[b], blockMax);
            if (m > max[b]) {
                if (norm[b] != 0) {
                    float f = (float) Math.exp(max[b] - m);
                    scale(acc[b], f);
                    norm[b] *= f;
                }
                max[b] = m;
            }
            float[] target = acc[b];
            for (int r = 0; r < rows; r++) {
                float w = (float) Math.exp(scores[b * block + r] - m);
                norm[b] += w;
                axpy(w, patterns[k0 + r], target);
            }
        }
    }

    @Override
    public void scale(float[] row, float factor) {
        for (int i = 0; i < row.length; i++) {
            row[i] *= factor;
        }
    }

    @Override
    public void axpy(float a, float[] x, float[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
