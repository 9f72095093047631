package org.hopfieldlab.internal;

/**
 * One modern-Hopfield retrieval step, {@code out[b] = sum_mu softmax_mu(beta X[mu] . q[b]) X[mu]}:
 * transformer attention with the stored patterns as keys and values. Fused online softmax (the K x B
 * score matrix is never held), Vector API when available, split across cores when large enough.
 * Extra memory is O(B N). Patterns, queries and the output are rows; {@code out} must not alias
 * {@code queries} or the patterns. Inputs are assumed checked (rectangular, finite, beta > 0).
 */
public final class SoftmaxStep {

    private SoftmaxStep() {
    }

    /** Double-precision step for B queries of N values each; writes B rows of N into {@code out}. */
    public static void step(double[][] patterns, double beta, double[][] queries, double[][] out) {
        if (VectorSupport.enabled()) {
            SoftmaxVector64.step(patterns, beta, queries, out);
        } else {
            SoftmaxScalar64.step(patterns, beta, queries, out);
        }
    }

    /** Single-precision step for B queries of N values each; writes B rows of N into {@code out}. */
    public static void step(float[][] patterns, float beta, float[][] queries, float[][] out) {
        if (VectorSupport.enabled()) {
            SoftmaxVector32.step(patterns, beta, queries, out);
        } else {
            SoftmaxScalar32.step(patterns, beta, queries, out);
        }
    }

    /** The K softmax weights {@code softmax(beta X q)} of one query, written to {@code weightsOut}. */
    public static void weights(double[][] patterns, double beta, double[] query, double[] weightsOut) {
        if (VectorSupport.enabled()) {
            SoftmaxVector64.weights(patterns, beta, query, weightsOut);
        } else {
            SoftmaxScalar64.weights(patterns, beta, query, weightsOut);
        }
    }

    /** The K softmax weights of one query in single precision, written to {@code weightsOut}. */
    public static void weights(float[][] patterns, float beta, float[] query, float[] weightsOut) {
        if (VectorSupport.enabled()) {
            SoftmaxVector32.weights(patterns, beta, query, weightsOut);
        } else {
            SoftmaxScalar32.weights(patterns, beta, query, weightsOut);
        }
    }
}
