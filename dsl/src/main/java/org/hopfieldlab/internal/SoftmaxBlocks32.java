package org.hopfieldlab.internal;

/**
 * One block of the online softmax in float precision: fold up to {@link SoftmaxDriver32#BLOCK}
 * stored patterns into the running state (max score, normaliser, weighted sum) of every query.
 * Implemented once with plain loops and once with the Vector API.
 */
interface SoftmaxBlocks32 {

    /**
     * Folds patterns {@code [k0, k1)} into the state of every query.
     *
     * @param scores scratch of {@link #scratchSize} values
     * @param max    running maximum of {@code beta * x . q} per query ({@code -inf} before the first block)
     * @param norm   running sum of {@code exp(score - max)} per query
     * @param acc    running sum of {@code exp(score - max) * x} per query, one row of N each
     */
    void block(float[][] patterns, int k0, int k1, float[][] queries, float beta,
               float[] scores, float[] max, float[] norm, float[][] acc);

    /** How many patterns one {@link #block} call may fold; {@link SoftmaxDriver32#BLOCK} unless the kernel says otherwise. */
    default int rowsPerCall(int queries) {
        return SoftmaxDriver32.BLOCK;
    }

    /** Length of the per-part scratch array passed to {@link #block} as {@code scores}. */
    default int scratchSize(int queries) {
        return SoftmaxDriver32.BLOCK * queries;
    }

    /** {@code row *= factor}. */
    void scale(float[] row, float factor);

    /** {@code y += a * x}. */
    void axpy(float a, float[] x, float[] y);
}
