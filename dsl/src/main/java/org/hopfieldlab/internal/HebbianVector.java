package org.hopfieldlab.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API half of {@link Hebbian}. The matrix is built upper triangle first, four rows at a time
 * with four vectors of columns held in registers while the patterns stream past, then mirrored in
 * cache-sized tiles.
 */
final class HebbianVector {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int TILE = 32;

    private HebbianVector() {
    }

    static void fields(double[][] t, int i0, int i1, double[] sigma, double[] out) {
        // the fields are the softmax kernel's scores with beta = 1: the same 4-row dot-product tile
        SoftmaxVector64.INSTANCE.scores(t, i0, i1, sigma, 1, out);
    }

    /** Fills {@code t} (N rows; a null row is allocated here, by the thread that computes it). */
    static void matrix(double[][] patterns, double[][] t) {
        int n = t.length;
        int groups = (n + 3) / 4;
        long work = (long) patterns.length * n * n / 2;
        int parts = Parallel.parts(work, Hebbian.MIN_WORK_PER_PART, 8);
        // groups are dealt round-robin so every part gets a fair share of the triangle
        Parallel.forEach(parts, p -> {
            for (int g = p; g < groups; g += parts) {
                for (int i = 4 * g; i < Math.min(n, 4 * g + 4); i++) {
                    if (t[i] == null) {
                        t[i] = new double[n];
                    }
                }
                upperRows(patterns, t, 4 * g, Math.min(n, 4 * g + 4));
            }
        });
        int tiles = (n + TILE - 1) / TILE;
        Parallel.forEach(parts, p -> {
            for (int bi = p; bi < tiles; bi += parts) {
                mirrorTileRow(t, bi * TILE, Math.min(n, bi * TILE + TILE));
            }
        });
    }

    // t[i][j] for i in [i0, i1) and j from the vector holding i0 to the end.
    private static void upperRows(double[][] patterns, double[][] t, int i0, int i1) {
        int n = t.length;
        int jStart = i0 / L * L;
        int bound = jStart + S.loopBound(n - jStart);
        int j = jStart;
        for (; j + 4 * L <= bound; j += 4 * L) {
            tile4x4(patterns, t, i0, i1, j);
        }
        for (; j < bound; j += L) {
            for (int i = i0; i < i1; i++) {
                DoubleVector c = DoubleVector.zero(S);
                for (double[] x : patterns) {
                    c = DoubleVector.fromArray(S, x, j).fma(DoubleVector.broadcast(S, x[i]), c);
                }
                c.intoArray(t[i], j);
            }
        }
        for (int i = i0; i < i1; i++) {
            double[] row = t[i];
            for (int jj = bound; jj < n; jj++) {
                double s = 0;
                for (double[] x : patterns) {
                    s += x[i] * x[jj];
                }
                row[jj] = s;
            }
        }
    }

    private static void tile4x4(double[][] patterns, double[][] t, int i0, int i1, int j) {
        int r1 = Math.min(i0 + 1, i1 - 1);
        int r2 = Math.min(i0 + 2, i1 - 1);
        int r3 = Math.min(i0 + 3, i1 - 1);
        int j1 = j + L;
        int j2 = j1 + L;
        int j3 = j2 + L;
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00, c02 = c00, c03 = c00;
        DoubleVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        DoubleVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        for (double[] x : patterns) {
            DoubleVector v0 = DoubleVector.fromArray(S, x, j);
            DoubleVector v1 = DoubleVector.fromArray(S, x, j1);
            DoubleVector v2 = DoubleVector.fromArray(S, x, j2);
            DoubleVector v3 = DoubleVector.fromArray(S, x, j3);
            DoubleVector a = DoubleVector.broadcast(S, x[i0]);
            c00 = v0.fma(a, c00);
            c01 = v1.fma(a, c01);
            c02 = v2.fma(a, c02);
            c03 = v3.fma(a, c03);
            a = DoubleVector.broadcast(S, x[r1]);
            c10 = v0.fma(a, c10);
            c11 = v1.fma(a, c11);
            c12 = v2.fma(a, c12);
            c13 = v3.fma(a, c13);
            a = DoubleVector.broadcast(S, x[r2]);
            c20 = v0.fma(a, c20);
            c21 = v1.fma(a, c21);
            c22 = v2.fma(a, c22);
            c23 = v3.fma(a, c23);
            a = DoubleVector.broadcast(S, x[r3]);
            c30 = v0.fma(a, c30);
            c31 = v1.fma(a, c31);
            c32 = v2.fma(a, c32);
            c33 = v3.fma(a, c33);
        }
        // rows past i1 repeat the last row; writing the repeat again is harmless
        double[] t0 = t[i0];
        double[] t1 = t[r1];
        double[] t2 = t[r2];
        double[] t3 = t[r3];
        c30.intoArray(t3, j);
        c31.intoArray(t3, j1);
        c32.intoArray(t3, j2);
        c33.intoArray(t3, j3);
        c20.intoArray(t2, j);
        c21.intoArray(t2, j1);
        c22.intoArray(t2, j2);
        c23.intoArray(t2, j3);
        c10.intoArray(t1, j);
        c11.intoArray(t1, j1);
        c12.intoArray(t1, j2);
        c13.intoArray(t1, j3);
        c00.intoArray(t0, j);
        c01.intoArray(t0, j1);
        c02.intoArray(t0, j2);
        c03.intoArray(t0, j3);
    }

    // Copies the upper triangle into the lower one for rows [i0, i1), tile by tile so both sides stay in cache.
    private static void mirrorTileRow(double[][] t, int i0, int i1) {
        for (int j0 = 0; j0 < i1; j0 += TILE) {
            int j1 = Math.min(i1, j0 + TILE);
            for (int i = i0; i < i1; i++) {
                double[] row = t[i];
                for (int j = j0; j < Math.min(j1, i); j++) {
                    row[j] = t[j][i];
                }
            }
        }
    }
}
