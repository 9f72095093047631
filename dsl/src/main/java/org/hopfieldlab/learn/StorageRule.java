package org.hopfieldlab.learn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * How patterns become the weights of the memory layer. With a {@code polynomial(2)} memory layer of
 * weights {@code W}, the network is the classical one with coupling matrix {@code T = W^T W}; so each
 * classical rule is written here as the memory weights whose {@code W^T W} is its matrix.
 */
public sealed interface StorageRule permits StorageRule.Hebbian, StorageRule.Projection, StorageRule.Storkey {

    /** The memory layer's weights, one row per memory neuron, for these patterns (rows). */
    double[][] memoryWeights(double[][] patterns);

    /** The classical coupling matrix {@code T} (N x N) of this rule. */
    double[][] couplingMatrix(double[][] patterns);

    static StorageRule hebbian() { return new Hebbian(); }
    static StorageRule projection() { return new Projection(); }
    static StorageRule storkey() { return new Storkey(); }

    /** Hopfield 1982: each pattern is a memory neuron's weights; {@code T = sum_mu xi^mu xi^mu^T}. */
    record Hebbian() implements StorageRule {
        public double[][] memoryWeights(double[][] patterns) {
            return patterns;
        }
        public double[][] couplingMatrix(double[][] patterns) {
            return Matrices.gram(patterns);
        }
    }

    /**
     * The projection (pseudo-inverse) rule, Personnaz et al. 1985: {@code T = X^T (X X^T)^+ X}, which
     * makes every pattern a fixed point even when patterns are correlated, up to N linearly independent
     * patterns. As memory weights: {@code W = C^(+1/2) X} with {@code C = X X^T} (EJML eigen-decomposition).
     */
    record Projection() implements StorageRule {
        public double[][] memoryWeights(double[][] patterns) {
            double[][] c = Matrices.gramOfRows(patterns);
            double[][] root = Matrices.symmetricPower(c, -0.5);
            return Matrices.multiply(root, patterns);
        }
        public double[][] couplingMatrix(double[][] patterns) {
            DMatrixRMaj x = new DMatrixRMaj(patterns);
            DMatrixRMaj pinv = new DMatrixRMaj(x.numCols, x.numRows);
            CommonOps_DDRM.pinv(x, pinv);
            DMatrixRMaj t = new DMatrixRMaj(x.numCols, x.numCols);
            CommonOps_DDRM.mult(pinv, x, t);   // X^+ X = X^T (X X^T)^+ X
            return Matrices.toArray(t);
        }
    }

    /**
     * Storkey's rule (Storkey 1997), learned one pattern at a time with local fields
     * {@code h_ij = sum_{k != i,j} T_ik xi_k}: {@code T += (xi_i xi_j - xi_i h_ji - h_ij xi_j) / N}.
     * As memory weights: {@code T + c I = W^T W} with c lifting the smallest eigenvalue to zero. The
     * diagonal shift changes no asynchronous update (a spin's own term does not change when it flips),
     * so asynchronous recall is exactly Storkey's; synchronous recall gains self-coupling c.
     */
    record Storkey() implements StorageRule {
        public double[][] memoryWeights(double[][] patterns) {
            double[][] t = couplingMatrix(patterns);
            return Matrices.factorPositive(t);
        }
        public double[][] couplingMatrix(double[][] patterns) {
            int n = patterns[0].length;
            double[][] t = new double[n][n];
            double[] field = new double[n];
            for (double[] xi : patterns) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += t[i][k] * xi[k];
                    }
                    field[i] = s;
                }
                double[][] next = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (i == j) {
                            continue;   // no self-coupling, as in Storkey's paper
                        }
                        // h_ij excludes k = i and k = j from the field of neuron i
                        double hij = field[i] - t[i][i] * xi[i] - t[i][j] * xi[j];
                        double hji = field[j] - t[j][j] * xi[j] - t[j][i] * xi[i];
                        next[i][j] = t[i][j] + (xi[i] * xi[j] - xi[i] * hji - hij * xi[j]) / n;
                    }
                }
                t = next;
            }
            return t;
        }
    }

    /** Eigen-decompositions and products; EJML underneath (not in any hot path). */
    final class Matrices {
        private Matrices() {}

        static double[][] gram(double[][] rows) {          // X^T X
            int n = rows[0].length;
            double[][] t = new double[n][n];
            for (double[] r : rows) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        t[i][j] += r[i] * r[j];
                    }
                }
            }
            return t;
        }

        static double[][] gramOfRows(double[][] rows) {    // X X^T
            int k = rows.length;
            double[][] c = new double[k][k];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b <= a; b++) {
                    double s = 0;
                    for (int i = 0; i < rows[a].length; i++) {
                        s += rows[a][i] * rows[b][i];
                    }
                    c[a][b] = s;
                    c[b][a] = s;
                }
            }
            return c;
        }

        /** S^p for symmetric positive semi-definite S; eigenvalues below 1e-10 of the largest count as zero. */
        static double[][] symmetricPower(double[][] s, double power) {
            int n = s.length;
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
            if (!eig.decompose(new DMatrixRMaj(s))) {
                throw new IllegalStateException("eigen-decomposition failed on a " + n + " x " + n + " matrix");
            }
            double largest = 0;
            for (int i = 0; i < n; i++) {
                largest = Math.max(largest, Math.abs(eig.getEigenvalue(i).real));
            }
            double[][] out = new double[n][n];
            for (int e = 0; e < n; e++) {
                double lambda = eig.getEigenvalue(e).real;
                if (lambda <= 1e-10 * largest) {
                    continue;
                }
                double factor = Math.pow(lambda, power);
                DMatrixRMaj v = eig.getEigenVector(e);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        out[i][j] += factor * v.get(i) * v.get(j);
                    }
                }
            }
            return out;
        }

        /** Rows W with W^T W = T + c I, c = max(0, -smallest eigenvalue of symmetric T). */
        static double[][] factorPositive(double[][] t) {
            int n = t.length;
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
            if (!eig.decompose(new DMatrixRMaj(t))) {
                throw new IllegalStateException("eigen-decomposition failed on a " + n + " x " + n + " matrix");
            }
            double smallest = Double.POSITIVE_INFINITY;
            for (int e = 0; e < n; e++) {
                smallest = Math.min(smallest, eig.getEigenvalue(e).real);
            }
            double shift = Math.max(0, -smallest);
            java.util.List<double[]> rows = new java.util.ArrayList<>();
            for (int e = 0; e < n; e++) {
                double lambda = eig.getEigenvalue(e).real + shift;
                if (lambda <= 1e-12) {
                    continue;
                }
                DMatrixRMaj v = eig.getEigenVector(e);
                double scale = Math.sqrt(lambda) / Math.sqrt(CommonOps_DDRM.dot(v, v));
                double[] row = new double[n];
                for (int i = 0; i < n; i++) {
                    row[i] = scale * v.get(i);
                }
                rows.add(row);
            }
            return rows.toArray(new double[0][]);
        }

        static double[][] multiply(double[][] a, double[][] b) {
            double[][] out = new double[a.length][b[0].length];
            for (int i = 0; i < a.length; i++) {
                for (int k = 0; k < b.length; k++) {
                    double c = a[i][k];
                    if (c == 0) {
                        continue;
                    }
                    for (int j = 0; j < b[0].length; j++) {
                        out[i][j] += c * b[k][j];
                    }
                }
            }
            return out;
        }

        static double[][] toArray(DMatrixRMaj m) {
            double[][] out = new double[m.numRows][m.numCols];
            for (int i = 0; i < m.numRows; i++) {
                for (int j = 0; j < m.numCols; j++) {
                    out[i][j] = m.get(i, j);
                }
            }
            return out;
        }
    }
}
