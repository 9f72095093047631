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

    /** Fills {@code t} (N rows; a null row is allocated here, by one of the threads that fill the matrix). */
    static void matrix(double[][] patterns, double[][] t) {
        int n = t.length;
        int k = patterns.length;
        int width = 4 * L;
        int strips = n / width;
        long work = (long) k * n * n / 2;
        int parts = Parallel.parts(work, Hebbian.MIN_WORK_PER_PART, 8);
        // Two packed copies of the patterns (2 K N values) turn every inner loop into contiguous reads:
        // strips of 4 vectors of columns, pattern after pattern, and the transpose for the broadcasts.
        // (arrays of rows, not one big block: a 2 GB G1 heap treats single arrays over 512 KB as humongous)
        double[][] packed = new double[strips][];
        double[][] columns = new double[n][];
        Parallel.forEach(parts, p -> {
            for (int i = p; i < n; i += parts) {
                if (t[i] == null) {
                    t[i] = new double[n];
                }
            }
            for (int s = p; s < strips; s += parts) {
                int j0 = s * width;
                double[] strip = new double[k * width];
                for (int mu = 0; mu < k; mu++) {
                    System.arraycopy(patterns[mu], j0, strip, mu * width, width);
                }
                packed[s] = strip;
            }
            int i0 = (int) ((long) n * p / parts);
            int i1 = (int) ((long) n * (p + 1) / parts);
            for (int i = i0; i < i1; i++) {
                columns[i] = new double[k];
            }
            for (int mu = 0; mu < k; mu++) {
                double[] x = patterns[mu];
                for (int i = i0; i < i1; i++) {
                    columns[i][mu] = x[i];
                }
            }
        });
        int groups = (n + 5) / 6;
        // groups of rows are dealt round-robin so every part gets a fair share of the triangle
        Parallel.forEach(parts, p -> {
            for (int g = p; g < groups; g += parts) {
                int i0 = 6 * g;
                for (int s = i0 / width; s < strips; s++) {
                    tile(packed, columns, k, n, t, i0, s);
                }
                if (strips * width < n) {
                    partialStrip(patterns, t, strips * width, i0, Math.min(n, i0 + 6));
                }
            }
        });
        int tiles = (n + TILE - 1) / TILE;
        Parallel.forEach(parts, p -> {
            for (int bi = p; bi < tiles; bi += parts) {
                mirrorTileRow(t, bi * TILE, Math.min(n, bi * TILE + TILE));
            }
        });
    }

    // Rows [i0, i0 + 6) against the full strip s, 24 accumulators: per pattern 4 strip loads and 6 broadcasts feed 24 FMAs.
    private static void tile(double[][] packed, double[][] columns, int k, int n, double[][] t, int i0, int s) {
        double[] b0 = columns[Math.min(i0 + 0, n - 1)];
        double[] b1 = columns[Math.min(i0 + 1, n - 1)];
        double[] b2 = columns[Math.min(i0 + 2, n - 1)];
        double[] b3 = columns[Math.min(i0 + 3, n - 1)];
        double[] b4 = columns[Math.min(i0 + 4, n - 1)];
        double[] b5 = columns[Math.min(i0 + 5, n - 1)];
        int width = 4 * L;
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00, c02 = c00, c03 = c00;
        DoubleVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        DoubleVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        DoubleVector c40 = c00, c41 = c00, c42 = c00, c43 = c00;
        DoubleVector c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        double[] strip = packed[s];
        for (int mu = 0, o = 0; mu < k; mu++, o += width) {
            DoubleVector v0 = DoubleVector.fromArray(S, strip, o);
            DoubleVector v1 = DoubleVector.fromArray(S, strip, o + L);
            DoubleVector v2 = DoubleVector.fromArray(S, strip, o + 2 * L);
            DoubleVector v3 = DoubleVector.fromArray(S, strip, o + 3 * L);
            DoubleVector a = DoubleVector.broadcast(S, b0[mu]);
            c00 = v0.fma(a, c00);
            c01 = v1.fma(a, c01);
            c02 = v2.fma(a, c02);
            c03 = v3.fma(a, c03);
            a = DoubleVector.broadcast(S, b1[mu]);
            c10 = v0.fma(a, c10);
            c11 = v1.fma(a, c11);
            c12 = v2.fma(a, c12);
            c13 = v3.fma(a, c13);
            a = DoubleVector.broadcast(S, b2[mu]);
            c20 = v0.fma(a, c20);
            c21 = v1.fma(a, c21);
            c22 = v2.fma(a, c22);
            c23 = v3.fma(a, c23);
            a = DoubleVector.broadcast(S, b3[mu]);
            c30 = v0.fma(a, c30);
            c31 = v1.fma(a, c31);
            c32 = v2.fma(a, c32);
            c33 = v3.fma(a, c33);
            a = DoubleVector.broadcast(S, b4[mu]);
            c40 = v0.fma(a, c40);
            c41 = v1.fma(a, c41);
            c42 = v2.fma(a, c42);
            c43 = v3.fma(a, c43);
            a = DoubleVector.broadcast(S, b5[mu]);
            c50 = v0.fma(a, c50);
            c51 = v1.fma(a, c51);
            c52 = v2.fma(a, c52);
            c53 = v3.fma(a, c53);
        }
        int j = s * width;
        if (i0 + 0 < n) {
            double[] row = t[i0 + 0];
            c00.intoArray(row, j);
            c01.intoArray(row, j + L);
            c02.intoArray(row, j + 2 * L);
            c03.intoArray(row, j + 3 * L);
        }
        if (i0 + 1 < n) {
            double[] row = t[i0 + 1];
            c10.intoArray(row, j);
            c11.intoArray(row, j + L);
            c12.intoArray(row, j + 2 * L);
            c13.intoArray(row, j + 3 * L);
        }
        if (i0 + 2 < n) {
            double[] row = t[i0 + 2];
            c20.intoArray(row, j);
            c21.intoArray(row, j + L);
            c22.intoArray(row, j + 2 * L);
            c23.intoArray(row, j + 3 * L);
        }
        if (i0 + 3 < n) {
            double[] row = t[i0 + 3];
            c30.intoArray(row, j);
            c31.intoArray(row, j + L);
            c32.intoArray(row, j + 2 * L);
            c33.intoArray(row, j + 3 * L);
        }
        if (i0 + 4 < n) {
            double[] row = t[i0 + 4];
            c40.intoArray(row, j);
            c41.intoArray(row, j + L);
            c42.intoArray(row, j + 2 * L);
            c43.intoArray(row, j + 3 * L);
        }
        if (i0 + 5 < n) {
            double[] row = t[i0 + 5];
            c50.intoArray(row, j);
            c51.intoArray(row, j + L);
            c52.intoArray(row, j + 2 * L);
            c53.intoArray(row, j + 3 * L);
        }
    }

    // The last strip when N is not a multiple of 4 vectors: every row against columns [j0, N).
    private static void partialStrip(double[][] patterns, double[][] t, int j0, int i0, int i1) {
        int n = t.length;
        int bound = j0 + S.loopBound(n - j0);
        for (int i = i0; i < i1; i++) {
            double[] row = t[i];
            for (int j = j0; j < bound; j += L) {
                DoubleVector c = DoubleVector.zero(S);
                for (double[] x : patterns) {
                    c = DoubleVector.fromArray(S, x, j).fma(DoubleVector.broadcast(S, x[i]), c);
                }
                c.intoArray(row, j);
            }
            for (int j = bound; j < n; j++) {
                double sum = 0;
                for (double[] x : patterns) {
                    sum += x[i] * x[j];
                }
                row[j] = sum;
            }
        }
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
