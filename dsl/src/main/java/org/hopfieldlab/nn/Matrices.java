package org.hopfieldlab.nn;

/** Dense row-major matrix arithmetic for the layers, and the checks at their edges. */
final class Matrices {
    private Matrices() {}

    /** Checks a matrix entering a layer: present, rectangular, finite; returns its number of columns. */
    static int check(String name, double[][] m) {
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException(name + " is empty: expected at least one row");
        }
        if (m[0] == null || m[0].length == 0) {
            throw new IllegalArgumentException(name + " row 0 is empty: expected at least one value");
        }
        int cols = m[0].length;
        for (int r = 0; r < m.length; r++) {
            if (m[r] == null || m[r].length != cols) {
                throw new IllegalArgumentException(name + " row " + r + " has " + (m[r] == null ? 0 : m[r].length)
                        + " values, row 0 has " + cols + ": a matrix needs rows of equal length");
            }
            for (int c = 0; c < cols; c++) {
                if (!Double.isFinite(m[r][c])) {
                    throw new IllegalArgumentException(name + " contains " + m[r][c] + " at row " + r + ", column " + c
                            + "; only finite numbers are allowed");
                }
            }
        }
        return cols;
    }

    /** Checks that {@code m} has {@code rows} rows and {@code cols} columns, saying why in the message. */
    static void requireShape(String name, double[][] m, int rows, int cols, String why) {
        int c = check(name, m);
        if (m.length != rows || c != cols) {
            throw new IllegalArgumentException(name + " is " + m.length + " x " + c + ", expected " + rows + " x " + cols
                    + " (" + why + ")");
        }
    }

    static void requirePositiveFinite(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }

    /** A B. */
    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] row = out[i];
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    row[j] += aik * bk[j];
                }
            }
        }
        return out;
    }

    /** A B^T. */
    static double[][] multiplyTransposedRight(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double s = 0;
                for (int k = 0; k < a[i].length; k++) {
                    s += a[i][k] * b[j][k];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    /** A^T B. */
    static double[][] multiplyTransposedLeft(double[][] a, double[][] b) {
        int n = a[0].length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int k = 0; k < a.length; k++) {
            for (int i = 0; i < n; i++) {
                double aki = a[k][i];
                if (aki == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    out[i][j] += aki * b[k][j];
                }
            }
        }
        return out;
    }

    static double[][] add(double[][] a, double[][] b) {
        double[][] out = copy(a);
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] += b[i][j];
            }
        }
        return out;
    }

    static double[][] identity(int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            out[i][i] = 1;
        }
        return out;
    }

    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
