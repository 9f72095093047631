package org.hopfieldlab.nn;

/**
 * The one computation all three layers share, {@code Z = softmax(beta Q K^T) V} row by row, and its
 * backward pass. Callers have checked the shapes.
 */
final class Attention {
    private Attention() {}

    /** Row-wise {@code softmax(beta Q K^T)}, computed with each row's maximum subtracted. */
    static double[][] weights(double[][] q, double[][] k, double beta) {
        double[][] p = Matrices.multiplyTransposedRight(q, k);
        for (double[] row : p) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, beta * v);
            }
            double total = 0;
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.exp(beta * row[j] - max);
                total += row[j];
            }
            for (int j = 0; j < row.length; j++) {
                row[j] /= total;
            }
        }
        return p;
    }

    /** Gradients of a scalar loss with respect to Q, K and V, given its gradient {@code dZ} with respect to Z. */
    record Gradients(double[][] dQ, double[][] dK, double[][] dV) {}

    /**
     * With {@code A = beta Q K^T}, {@code P = softmax(A)} and {@code Z = P V}: {@code dV = P^T dZ},
     * {@code dP = dZ V^T}, {@code dA = P * (dP - rowsum(P * dP))} (the softmax Jacobian),
     * {@code dQ = beta dA K}, {@code dK = beta dA^T Q}.
     */
    static Gradients backward(double[][] q, double[][] k, double[][] v, double[][] p, double beta, double[][] dZ) {
        double[][] dV = Matrices.multiplyTransposedLeft(p, dZ);
        double[][] dP = Matrices.multiplyTransposedRight(dZ, v);
        double[][] dA = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            double inner = 0;
            for (int j = 0; j < p[i].length; j++) {
                inner += p[i][j] * dP[i][j];
            }
            dA[i] = new double[p[i].length];
            for (int j = 0; j < p[i].length; j++) {
                dA[i][j] = beta * p[i][j] * (dP[i][j] - inner);
            }
        }
        double[][] dQ = Matrices.multiply(dA, k);
        double[][] dK = Matrices.multiplyTransposedLeft(dA, q);
        return new Gradients(dQ, dK, dV);
    }
}
