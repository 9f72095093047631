package org.hopfieldlab.internal;

/**
 * One block of the online softmax in double precision: fold up to {@link SoftmaxDriver64#BLOCK}
 * stored patterns into the running state (max score, normaliser, weighted sum) of every query.
 * Implemented once with plain loops and once with the Vector API.
 */
interface SoftmaxBlocks64 {

    /**
     * Folds patterns {@code [k0, k1)} into the state of every query.
     *
     * @param scores scratch of {@link #scratchSize} values
     * @param max    running maximum of {@code beta * x . q} per query ({@code -inf} before the first block)
     * @param norm   running sum of {@code exp(score - max)} per query
     * @param acc    running sum of {@code exp(score - max) * x} per query, one row of N each
     */
    void block(double[][] patterns, int k0, int k1, double[][] queries, double beta,
               double[] scores, double[] max, double[] norm, double[][] acc);

    /** Length of the per-part scratch array passed to {@link #block} as {@code scores}. */
    default int scratchSize(int queries) {
        return SoftmaxDriver64.BLOCK * queries;
    }

    /** {@code row *= factor}. */
    void scale(double[] row, double factor);

    /** {@code y += a * x}. */
    void axpy(double a, double[] x, double[] y);
}
