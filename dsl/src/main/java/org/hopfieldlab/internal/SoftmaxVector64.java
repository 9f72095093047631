package org.hopfieldlab.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API blocks of the online softmax in double precision. Scores are computed as 4 patterns x 4
 * queries register tiles (each pattern row and query row is loaded once per tile), the softmax
 * bookkeeping runs along the block's rows, and the weighted sum is a 4 queries x 4 vectors register
 * tile, so each pattern block is read twice from cache and once from memory.
 */
final class SoftmaxVector64 implements SoftmaxBlocks64, SoftmaxDriver64.Dots64 {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = SoftmaxDriver64.BLOCK;

    static final SoftmaxVector64 INSTANCE = new SoftmaxVector64(null, 0);

    /**
     * With at least one vector of queries, scores are a small GEMM against the queries transposed
     * ({@code [feature][query]}, beta folded in, padded to whole vectors) so the tile needs no
     * horizontal sums; with fewer queries each score is a dot product along the features.
     */
    private final double[] transposed;
    private final int padded;

    private SoftmaxVector64(double[][] queries, double beta) {
        if (queries == null || queries.length < L) {
            transposed = null;
            padded = 0;
            return;
        }
        int b = queries.length;
        int n = queries[0].length;
        padded = (b + L - 1) / L * L;
        transposed = new double[n * padded];
        // written in order; reads go across the queries, whose cache lines serve the next features too
        for (int i = 0; i < n; i++) {
            int o = i * padded;
            for (int q = 0; q < b; q++) {
                transposed[o + q] = beta * queries[q][i];
            }
        }
    }

    static void step(double[][] patterns, double beta, double[][] queries, double[][] out) {
        SoftmaxDriver64.step(new SoftmaxVector64(queries, beta), patterns, beta, queries, out);
    }

    @Override
    public int scratchSize(int queries) {
        // the batch kernel packs the weights of each group of eight queries after the scores
        return SoftmaxDriver64.BLOCK * Math.max(queries, padded) * (transposed == null ? 1 : 2);
    }

    static void weights(double[][] patterns, double beta, double[] query, double[] weights) {
        SoftmaxDriver64.weights(INSTANCE, patterns, beta, query, weights, INSTANCE);
    }

    static double dot(double[] a, double[] b) {
        int n = a.length;
        int bound = S.loopBound(n);
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            acc = DoubleVector.fromArray(S, a, i).fma(DoubleVector.fromArray(S, b, i), acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double tail(double[] a, double[] b, int from) {
        double s = 0;
        for (int i = from; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public void scores(double[][] patterns, int k0, int k1, double[] query, double beta, double[] out) {
        int n = query.length;
        int bound = S.loopBound(n);
        int k = k0;
        // eight rows at a time stream 7 % faster from memory than four (one thread, K = 10,000, N = 784:
        // 1.65 against 1.77 ms); every row's dot product is the same chain either way
        for (; k + 8 <= k1; k += 8) {
            scores8(patterns, k, query, beta, bound, out);
        }
        for (; k + 4 <= k1; k += 4) {
            double[] x0 = patterns[k];
            double[] x1 = patterns[k + 1];
            double[] x2 = patterns[k + 2];
            double[] x3 = patterns[k + 3];
            DoubleVector c0 = DoubleVector.zero(S);
            DoubleVector c1 = c0;
            DoubleVector c2 = c0;
            DoubleVector c3 = c0;
            for (int i = 0; i < bound; i += L) {
                DoubleVector q = DoubleVector.fromArray(S, query, i);
                c0 = DoubleVector.fromArray(S, x0, i).fma(q, c0);
                c1 = DoubleVector.fromArray(S, x1, i).fma(q, c1);
                c2 = DoubleVector.fromArray(S, x2, i).fma(q, c2);
                c3 = DoubleVector.fromArray(S, x3, i).fma(q, c3);
            }
            out[k] = beta * (c0.reduceLanes(VectorOperators.ADD) + tail(x0, query, bound));
            out[k + 1] = beta * (c1.reduceLanes(VectorOperators.ADD) + tail(x1, query, bound));
            out[k + 2] = beta * (c2.reduceLanes(VectorOperators.ADD) + tail(x2, query, bound));
            out[k + 3] = beta * (c3.reduceLanes(VectorOperators.ADD) + tail(x3, query, bound));
        }
        for (; k < k1; k++) {
            out[k] = beta * dot(patterns[k], query);
        }
    }

    /** {@code out[k + j] = beta * X[k + j] . query} for the eight rows from k. */
    static void scores8(double[][] patterns, int k, double[] query, double beta, int bound, double[] out) {
        double[] x0 = patterns[k];
        double[] x1 = patterns[k + 1];
        double[] x2 = patterns[k + 2];
        double[] x3 = patterns[k + 3];
        double[] x4 = patterns[k + 4];
        double[] x5 = patterns[k + 5];
        double[] x6 = patterns[k + 6];
        double[] x7 = patterns[k + 7];
        DoubleVector c0 = DoubleVector.zero(S);
        DoubleVector c1 = c0;
        DoubleVector c2 = c0;
        DoubleVector c3 = c0;
        DoubleVector c4 = c0;
        DoubleVector c5 = c0;
        DoubleVector c6 = c0;
        DoubleVector c7 = c0;
        for (int i = 0; i < bound; i += L) {
            DoubleVector q = DoubleVector.fromArray(S, query, i);
            c0 = DoubleVector.fromArray(S, x0, i).fma(q, c0);
            c1 = DoubleVector.fromArray(S, x1, i).fma(q, c1);
            c2 = DoubleVector.fromArray(S, x2, i).fma(q, c2);
            c3 = DoubleVector.fromArray(S, x3, i).fma(q, c3);
            c4 = DoubleVector.fromArray(S, x4, i).fma(q, c4);
            c5 = DoubleVector.fromArray(S, x5, i).fma(q, c5);
            c6 = DoubleVector.fromArray(S, x6, i).fma(q, c6);
            c7 = DoubleVector.fromArray(S, x7, i).fma(q, c7);
        }
        out[k] = beta * (c0.reduceLanes(VectorOperators.ADD) + tail(x0, query, bound));
        out[k + 1] = beta * (c1.reduceLanes(VectorOperators.ADD) + tail(x1, query, bound));
        out[k + 2] = beta * (c2.reduceLanes(VectorOperators.ADD) + tail(x2, query, bound));
        out[k + 3] = beta * (c3.reduceLanes(VectorOperators.ADD) + tail(x3, query, bound));
        out[k + 4] = beta * (c4.reduceLanes(VectorOperators.ADD) + tail(x4, query, bound));
        out[k + 5] = beta * (c5.reduceLanes(VectorOperators.ADD) + tail(x5, query, bound));
        out[k + 6] = beta * (c6.reduceLanes(VectorOperators.ADD) + tail(x6, query, bound));
        out[k + 7] = beta * (c7.reduceLanes(VectorOperators.ADD) + tail(x7, query, bound));
    }

    @Override
    public void block(double[][] patterns, int k0, int k1, double[][] queries, double beta,
                      double[] scores, double[] max, double[] norm, double[][] acc) {
        int rows = k1 - k0;
        int nq = queries.length;
        if (transposed != null) {
            blockTransposed(patterns, k0, rows, nq, scores, max, norm, acc);
            return;
        }
        if (nq == 1) {
            blockSingle(patterns, k0, rows, queries[0], beta, scores, max, norm, acc[0]);
            return;
        }
        int b = 0;
        for (; b + 4 <= nq; b += 4) {
            for (int r = 0; r < rows; r += 4) {
                score4x4(patterns, k0, rows, r, queries, b, beta, scores);
            }
        }
        for (; b < nq; b++) {
            for (int r = 0; r < rows; r += 4) {
                score4x1(patterns, k0, rows, r, queries[b], b, beta, scores);
            }
        }
        for (int q = 0; q < nq; q++) {
            softmaxRows(scores, q * BLOCK, rows, q, max, norm, acc[q]);
        }
        accumulate(patterns, k0, rows, scores, 1, BLOCK, -1, acc);
    }

    // One query: eight rows at a time are scored (eight independent FMA chains and eight memory streams)
    // and, while still in L1, folded into the weighted sum with one vector exp for all eight weights.
    private static void blockSingle(double[][] patterns, int k0, int rows, double[] q, double beta,
                                    double[] scratch, double[] max, double[] norm, double[] acc) {
        int n = q.length;
        int bound = S.loopBound(n);
        for (int r = 0; r < rows; r += 8) {
            double[] x0 = patterns[k0 + r];
            double[] x1 = patterns[k0 + Math.min(r + 1, rows - 1)];
            double[] x2 = patterns[k0 + Math.min(r + 2, rows - 1)];
            double[] x3 = patterns[k0 + Math.min(r + 3, rows - 1)];
            double[] x4 = patterns[k0 + Math.min(r + 4, rows - 1)];
            double[] x5 = patterns[k0 + Math.min(r + 5, rows - 1)];
            double[] x6 = patterns[k0 + Math.min(r + 6, rows - 1)];
            double[] x7 = patterns[k0 + Math.min(r + 7, rows - 1)];
            DoubleVector d0 = DoubleVector.zero(S);
            DoubleVector d1 = d0;
            DoubleVector d2 = d0;
            DoubleVector d3 = d0;
            DoubleVector d4 = d0;
            DoubleVector d5 = d0;
            DoubleVector d6 = d0;
            DoubleVector d7 = d0;
            for (int i = 0; i < bound; i += L) {
                DoubleVector v = DoubleVector.fromArray(S, q, i);
                d0 = DoubleVector.fromArray(S, x0, i).fma(v, d0);
                d1 = DoubleVector.fromArray(S, x1, i).fma(v, d1);
                d2 = DoubleVector.fromArray(S, x2, i).fma(v, d2);
                d3 = DoubleVector.fromArray(S, x3, i).fma(v, d3);
                d4 = DoubleVector.fromArray(S, x4, i).fma(v, d4);
                d5 = DoubleVector.fromArray(S, x5, i).fma(v, d5);
                d6 = DoubleVector.fromArray(S, x6, i).fma(v, d6);
                d7 = DoubleVector.fromArray(S, x7, i).fma(v, d7);
            }
            java.util.Arrays.fill(scratch, 0, Math.max(8, L), Double.NEGATIVE_INFINITY);
            scratch[0] = beta * (d0.reduceLanes(VectorOperators.ADD) + tail(x0, q, bound));
            double top = scratch[0];
            if (r + 1 < rows) {
                scratch[1] = beta * (d1.reduceLanes(VectorOperators.ADD) + tail(x1, q, bound));
                top = Math.max(top, scratch[1]);
            }
            if (r + 2 < rows) {
                scratch[2] = beta * (d2.reduceLanes(VectorOperators.ADD) + tail(x2, q, bound));
                top = Math.max(top, scratch[2]);
            }
            if (r + 3 < rows) {
                scratch[3] = beta * (d3.reduceLanes(VectorOperators.ADD) + tail(x3, q, bound));
                top = Math.max(top, scratch[3]);
            }
            if (r + 4 < rows) {
                scratch[4] = beta * (d4.reduceLanes(VectorOperators.ADD) + tail(x4, q, bound));
                top = Math.max(top, scratch[4]);
            }
            if (r + 5 < rows) {
                scratch[5] = beta * (d5.reduceLanes(VectorOperators.ADD) + tail(x5, q, bound));
                top = Math.max(top, scratch[5]);
            }
            if (r + 6 < rows) {
                scratch[6] = beta * (d6.reduceLanes(VectorOperators.ADD) + tail(x6, q, bound));
                top = Math.max(top, scratch[6]);
            }
            if (r + 7 < rows) {
                scratch[7] = beta * (d7.reduceLanes(VectorOperators.ADD) + tail(x7, q, bound));
                top = Math.max(top, scratch[7]);
            }
            if (top > max[0]) {
                if (norm[0] != 0) {
                    double f = Math.exp(max[0] - top);
                    INSTANCE.scale(acc, f);
                    norm[0] *= f;
                }
                max[0] = top;
            }
            // rows past the block end have score -inf, so weight 0
            if (L >= 8) {
                DoubleVector w = SoftmaxExp64.exp(DoubleVector.fromArray(S, scratch, 0).sub(max[0]));
                norm[0] += w.reduceLanes(VectorOperators.ADD);
                w.intoArray(scratch, 0);
            } else {
                norm[0] += weightsOneByOne(scratch, max[0]);
            }
            double w0 = scratch[0];
            double w1 = scratch[1];
            double w2 = scratch[2];
            double w3 = scratch[3];
            double w4 = scratch[4];
            double w5 = scratch[5];
            double w6 = scratch[6];
            double w7 = scratch[7];
            DoubleVector vw0 = DoubleVector.broadcast(S, w0);
            DoubleVector vw1 = DoubleVector.broadcast(S, w1);
            DoubleVector vw2 = DoubleVector.broadcast(S, w2);
            DoubleVector vw3 = DoubleVector.broadcast(S, w3);
            DoubleVector vw4 = DoubleVector.broadcast(S, w4);
            DoubleVector vw5 = DoubleVector.broadcast(S, w5);
            DoubleVector vw6 = DoubleVector.broadcast(S, w6);
            DoubleVector vw7 = DoubleVector.broadcast(S, w7);
            int i = 0;
            for (; i < bound; i += L) {
                DoubleVector a = DoubleVector.fromArray(S, acc, i);
                DoubleVector b = DoubleVector.fromArray(S, x1, i).mul(vw1);
                a = DoubleVector.fromArray(S, x0, i).fma(vw0, a);
                a = DoubleVector.fromArray(S, x2, i).fma(vw2, a);
                b = DoubleVector.fromArray(S, x3, i).fma(vw3, b);
                a = DoubleVector.fromArray(S, x4, i).fma(vw4, a);
                b = DoubleVector.fromArray(S, x5, i).fma(vw5, b);
                a = DoubleVector.fromArray(S, x6, i).fma(vw6, a);
                b = DoubleVector.fromArray(S, x7, i).fma(vw7, b);
                a.add(b).intoArray(acc, i);
            }
            for (; i < n; i++) {
                acc[i] += w0 * x0[i] + w1 * x1[i] + w2 * x2[i] + w3 * x3[i] + w4 * x4[i] + w5 * x5[i] + w6 * x6[i] + w7 * x7[i];
            }
        }
    }

    // With fewer than eight lanes (L is a constant, so C2 compiles only one of the two branches in the caller) the
    // eight scores in scratch[0, 8) become weights exp(score - max) one by one; returns their sum. Scalar: at this
    // width blockSingle is too large for C2 to inline the vector exp into it (NodeCountInliningCutoff), and a
    // vector exp left as a call boxes its vectors (0.5 MB of garbage per K = 16,000 step).
    private static double weightsOneByOne(double[] scratch, double max) {
        double sum = 0;
        for (int j = 0; j < 8; j++) {
            scratch[j] = Math.exp(scratch[j] - max);
            sum += scratch[j];
        }
        return sum;
    }

    // Scores laid out [row][padded query]: the GEMM tile writes them, the softmax runs along queries.
    private void blockTransposed(double[][] patterns, int k0, int rows, int nq, double[] scores,
                                 double[] max, double[] norm, double[][] acc) {
        int c = 0;
        for (; c + 4 * L <= padded; c += 4 * L) {
            for (int r = 0; r < rows; r += 6) {
                gemm6x4(patterns, k0, rows, r, c, scores);
            }
        }
        for (; c < padded; c += L) {
            for (int r = 0; r < rows; r += 4) {
                gemm4x1(patterns, k0, rows, r, c, scores);
            }
        }
        for (c = 0; c < padded; c += L) {
            // block max of L queries at once; only queries whose max grew are touched one by one
            DoubleVector top = DoubleVector.fromArray(S, scores, c);
            for (int r = 1; r < rows; r++) {
                top = top.max(DoubleVector.fromArray(S, scores, r * padded + c));
            }
            VectorMask<Double> live = S.indexInRange(c, nq);
            VectorMask<Double> grew = top.compare(VectorOperators.GT, DoubleVector.fromArray(S, max, c, live)).and(live);
            if (grew.anyTrue()) {
                for (int q = c; q < Math.min(nq, c + L); q++) {
                    double blockMax = top.lane(q - c);
                    if (blockMax > max[q]) {
                        if (norm[q] != 0) {
                            double f = (double) Math.exp(max[q] - blockMax);
                            scale(acc[q], f);
                            norm[q] *= f;
                        }
                        max[q] = blockMax;
                    }
                }
            }
        }
        for (c = 0; c < padded; c += L) {
            VectorMask<Double> live = S.indexInRange(c, nq);
            DoubleVector m = DoubleVector.fromArray(S, max, c, live);
            DoubleVector sum = DoubleVector.zero(S);
            for (int r = 0; r < rows; r++) {
                int o = r * padded + c;
                DoubleVector w = SoftmaxExp64.exp(DoubleVector.fromArray(S, scores, o).sub(m));
                w.intoArray(scores, o);
                sum = sum.add(w);
            }
            DoubleVector.fromArray(S, norm, c, live).add(sum).intoArray(norm, c, live);
        }
        // the weights of each group of eight queries, row after row, so the tile reads them at a fixed stride
        int packed = BLOCK * padded;
        for (int q = 0; q + 8 <= nq; q += 8) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(scores, r * padded + q, scores, packed + q * rows + 8 * r, 8);
            }
        }
        accumulate(patterns, k0, rows, scores, padded, 1, packed, acc);
    }

    // scores[row][c .. c + 4L) for 6 rows: per feature, 6 broadcasts and 4 query loads feed 24 FMAs.
    private void gemm6x4(double[][] patterns, int k0, int rows, int r, int c, double[] scores) {
        double[] x0 = patterns[k0 + r];
        double[] x1 = patterns[k0 + Math.min(r + 1, rows - 1)];
        double[] x2 = patterns[k0 + Math.min(r + 2, rows - 1)];
        double[] x3 = patterns[k0 + Math.min(r + 3, rows - 1)];
        double[] x4 = patterns[k0 + Math.min(r + 4, rows - 1)];
        double[] x5 = patterns[k0 + Math.min(r + 5, rows - 1)];
        double[] qt = transposed;
        int n = x0.length;
        int stride = padded;
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00, c02 = c00, c03 = c00;
        DoubleVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        DoubleVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        DoubleVector c40 = c00, c41 = c00, c42 = c00, c43 = c00;
        DoubleVector c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        for (int i = 0, o = c; i < n; i++, o += stride) {
            DoubleVector v0 = DoubleVector.fromArray(S, qt, o);
            DoubleVector v1 = DoubleVector.fromArray(S, qt, o + L);
            DoubleVector v2 = DoubleVector.fromArray(S, qt, o + 2 * L);
            DoubleVector v3 = DoubleVector.fromArray(S, qt, o + 3 * L);
            DoubleVector a = DoubleVector.broadcast(S, x0[i]);
            c00 = v0.fma(a, c00);
            c01 = v1.fma(a, c01);
            c02 = v2.fma(a, c02);
            c03 = v3.fma(a, c03);
            a = DoubleVector.broadcast(S, x1[i]);
            c10 = v0.fma(a, c10);
            c11 = v1.fma(a, c11);
            c12 = v2.fma(a, c12);
            c13 = v3.fma(a, c13);
            a = DoubleVector.broadcast(S, x2[i]);
            c20 = v0.fma(a, c20);
            c21 = v1.fma(a, c21);
            c22 = v2.fma(a, c22);
            c23 = v3.fma(a, c23);
            a = DoubleVector.broadcast(S, x3[i]);
            c30 = v0.fma(a, c30);
            c31 = v1.fma(a, c31);
            c32 = v2.fma(a, c32);
            c33 = v3.fma(a, c33);
            a = DoubleVector.broadcast(S, x4[i]);
            c40 = v0.fma(a, c40);
            c41 = v1.fma(a, c41);
            c42 = v2.fma(a, c42);
            c43 = v3.fma(a, c43);
            a = DoubleVector.broadcast(S, x5[i]);
            c50 = v0.fma(a, c50);
            c51 = v1.fma(a, c51);
            c52 = v2.fma(a, c52);
            c53 = v3.fma(a, c53);
        }
        int o = r * stride + c;
        c00.intoArray(scores, o);
        c01.intoArray(scores, o + L);
        c02.intoArray(scores, o + 2 * L);
        c03.intoArray(scores, o + 3 * L);
        if (r + 1 < rows) {
            o += stride;
            c10.intoArray(scores, o);
            c11.intoArray(scores, o + L);
            c12.intoArray(scores, o + 2 * L);
            c13.intoArray(scores, o + 3 * L);
        }
        if (r + 2 < rows) {
            o += stride;
            c20.intoArray(scores, o);
            c21.intoArray(scores, o + L);
            c22.intoArray(scores, o + 2 * L);
            c23.intoArray(scores, o + 3 * L);
        }
        if (r + 3 < rows) {
            o += stride;
            c30.intoArray(scores, o);
            c31.intoArray(scores, o + L);
            c32.intoArray(scores, o + 2 * L);
            c33.intoArray(scores, o + 3 * L);
        }
        if (r + 4 < rows) {
            o += stride;
            c40.intoArray(scores, o);
            c41.intoArray(scores, o + L);
            c42.intoArray(scores, o + 2 * L);
            c43.intoArray(scores, o + 3 * L);
        }
        if (r + 5 < rows) {
            o += stride;
            c50.intoArray(scores, o);
            c51.intoArray(scores, o + L);
            c52.intoArray(scores, o + 2 * L);
            c53.intoArray(scores, o + 3 * L);
        }
    }

    private void gemm4x1(double[][] patterns, int k0, int rows, int r, int c, double[] scores) {
        double[] x0 = patterns[k0 + r];
        double[] x1 = patterns[k0 + Math.min(r + 1, rows - 1)];
        double[] x2 = patterns[k0 + Math.min(r + 2, rows - 1)];
        double[] x3 = patterns[k0 + Math.min(r + 3, rows - 1)];
        double[] qt = transposed;
        int n = x0.length;
        int stride = padded;
        DoubleVector c0 = DoubleVector.zero(S);
        DoubleVector c1 = c0, c2 = c0, c3 = c0;
        for (int i = 0, o = c; i < n; i++, o += stride) {
            DoubleVector v = DoubleVector.fromArray(S, qt, o);
            c0 = v.fma(DoubleVector.broadcast(S, x0[i]), c0);
            c1 = v.fma(DoubleVector.broadcast(S, x1[i]), c1);
            c2 = v.fma(DoubleVector.broadcast(S, x2[i]), c2);
            c3 = v.fma(DoubleVector.broadcast(S, x3[i]), c3);
        }
        int o = r * stride + c;
        c0.intoArray(scores, o);
        if (r + 1 < rows) {
            c1.intoArray(scores, o + stride);
        }
        if (r + 2 < rows) {
            c2.intoArray(scores, o + 2 * stride);
        }
        if (r + 3 < rows) {
            c3.intoArray(scores, o + 3 * stride);
        }
    }

    // Turns one query's scores into weights exp(score - max), rescaling its running state when the max grows.
    private void softmaxRows(double[] scores, int off, int rows, int q, double[] max, double[] norm, double[] acc) {
        int bound = S.loopBound(rows);
        DoubleVector vmax = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        int r = 0;
        for (; r < bound; r += L) {
            vmax = vmax.max(DoubleVector.fromArray(S, scores, off + r));
        }
        double blockMax = vmax.reduceLanes(VectorOperators.MAX);
        for (; r < rows; r++) {
            blockMax = Math.max(blockMax, scores[off + r]);
        }
        double m = Math.max(max[q], blockMax);
        if (m > max[q]) {
            if (norm[q] != 0) {
                double f = (double) Math.exp(max[q] - m);
                scale(acc, f);
                norm[q] *= f;
            }
            max[q] = m;
        }
        DoubleVector vm = DoubleVector.broadcast(S, m);
        DoubleVector vsum = DoubleVector.zero(S);
        r = 0;
        for (; r < bound; r += L) {
            DoubleVector w = SoftmaxExp64.exp(DoubleVector.fromArray(S, scores, off + r).sub(vm));
            w.intoArray(scores, off + r);
            vsum = vsum.add(w);
        }
        double sum = vsum.reduceLanes(VectorOperators.ADD);
        for (; r < rows; r++) {
            double w = (double) Math.exp(scores[off + r] - m);
            scores[off + r] = w;
            sum += w;
        }
        norm[q] += sum;
    }

    // 4 pattern rows x 4 queries; rows past the block end repeat the last row and are not written.
    private static void score4x4(double[][] patterns, int k0, int rows, int r, double[][] queries, int b,
                                 double beta, double[] scores) {
        double[] x0 = patterns[k0 + r];
        double[] x1 = patterns[k0 + Math.min(r + 1, rows - 1)];
        double[] x2 = patterns[k0 + Math.min(r + 2, rows - 1)];
        double[] x3 = patterns[k0 + Math.min(r + 3, rows - 1)];
        double[] q0 = queries[b];
        double[] q1 = queries[b + 1];
        double[] q2 = queries[b + 2];
        double[] q3 = queries[b + 3];
        int n = q0.length;
        int bound = S.loopBound(n);
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00, c02 = c00, c03 = c00;
        DoubleVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        DoubleVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        for (int i = 0; i < bound; i += L) {
            DoubleVector a0 = DoubleVector.fromArray(S, x0, i);
            DoubleVector a1 = DoubleVector.fromArray(S, x1, i);
            DoubleVector a2 = DoubleVector.fromArray(S, x2, i);
            DoubleVector a3 = DoubleVector.fromArray(S, x3, i);
            DoubleVector v = DoubleVector.fromArray(S, q0, i);
            c00 = a0.fma(v, c00);
            c10 = a1.fma(v, c10);
            c20 = a2.fma(v, c20);
            c30 = a3.fma(v, c30);
            v = DoubleVector.fromArray(S, q1, i);
            c01 = a0.fma(v, c01);
            c11 = a1.fma(v, c11);
            c21 = a2.fma(v, c21);
            c31 = a3.fma(v, c31);
            v = DoubleVector.fromArray(S, q2, i);
            c02 = a0.fma(v, c02);
            c12 = a1.fma(v, c12);
            c22 = a2.fma(v, c22);
            c32 = a3.fma(v, c32);
            v = DoubleVector.fromArray(S, q3, i);
            c03 = a0.fma(v, c03);
            c13 = a1.fma(v, c13);
            c23 = a2.fma(v, c23);
            c33 = a3.fma(v, c33);
        }
        int o0 = b * BLOCK + r;
        int o1 = o0 + BLOCK;
        int o2 = o1 + BLOCK;
        int o3 = o2 + BLOCK;
        scores[o0] = beta * (c00.reduceLanes(VectorOperators.ADD) + tail(x0, q0, bound));
        scores[o1] = beta * (c01.reduceLanes(VectorOperators.ADD) + tail(x0, q1, bound));
        scores[o2] = beta * (c02.reduceLanes(VectorOperators.ADD) + tail(x0, q2, bound));
        scores[o3] = beta * (c03.reduceLanes(VectorOperators.ADD) + tail(x0, q3, bound));
        if (r + 1 < rows) {
            scores[o0 + 1] = beta * (c10.reduceLanes(VectorOperators.ADD) + tail(x1, q0, bound));
            scores[o1 + 1] = beta * (c11.reduceLanes(VectorOperators.ADD) + tail(x1, q1, bound));
            scores[o2 + 1] = beta * (c12.reduceLanes(VectorOperators.ADD) + tail(x1, q2, bound));
            scores[o3 + 1] = beta * (c13.reduceLanes(VectorOperators.ADD) + tail(x1, q3, bound));
        }
        if (r + 2 < rows) {
            scores[o0 + 2] = beta * (c20.reduceLanes(VectorOperators.ADD) + tail(x2, q0, bound));
            scores[o1 + 2] = beta * (c21.reduceLanes(VectorOperators.ADD) + tail(x2, q1, bound));
            scores[o2 + 2] = beta * (c22.reduceLanes(VectorOperators.ADD) + tail(x2, q2, bound));
            scores[o3 + 2] = beta * (c23.reduceLanes(VectorOperators.ADD) + tail(x2, q3, bound));
        }
        if (r + 3 < rows) {
            scores[o0 + 3] = beta * (c30.reduceLanes(VectorOperators.ADD) + tail(x3, q0, bound));
            scores[o1 + 3] = beta * (c31.reduceLanes(VectorOperators.ADD) + tail(x3, q1, bound));
            scores[o2 + 3] = beta * (c32.reduceLanes(VectorOperators.ADD) + tail(x3, q2, bound));
            scores[o3 + 3] = beta * (c33.reduceLanes(VectorOperators.ADD) + tail(x3, q3, bound));
        }
    }

    private static void score4x1(double[][] patterns, int k0, int rows, int r, double[] q, int b,
                                 double beta, double[] scores) {
        double[] x0 = patterns[k0 + r];
        double[] x1 = patterns[k0 + Math.min(r + 1, rows - 1)];
        double[] x2 = patterns[k0 + Math.min(r + 2, rows - 1)];
        double[] x3 = patterns[k0 + Math.min(r + 3, rows - 1)];
        int bound = S.loopBound(q.length);
        DoubleVector c0 = DoubleVector.zero(S);
        DoubleVector c1 = c0, c2 = c0, c3 = c0;
        for (int i = 0; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, q, i);
            c0 = DoubleVector.fromArray(S, x0, i).fma(v, c0);
            c1 = DoubleVector.fromArray(S, x1, i).fma(v, c1);
            c2 = DoubleVector.fromArray(S, x2, i).fma(v, c2);
            c3 = DoubleVector.fromArray(S, x3, i).fma(v, c3);
        }
        int o = b * BLOCK + r;
        scores[o] = beta * (c0.reduceLanes(VectorOperators.ADD) + tail(x0, q, bound));
        if (r + 1 < rows) {
            scores[o + 1] = beta * (c1.reduceLanes(VectorOperators.ADD) + tail(x1, q, bound));
        }
        if (r + 2 < rows) {
            scores[o + 2] = beta * (c2.reduceLanes(VectorOperators.ADD) + tail(x2, q, bound));
        }
        if (r + 3 < rows) {
            scores[o + 3] = beta * (c3.reduceLanes(VectorOperators.ADD) + tail(x3, q, bound));
        }
    }

    // acc[q] += sum_r weight[q][r] * X[k0 + r], tiled 4 queries x 4 vectors so the accumulators stay in registers.
    // packed >= 0: the weights of queries [q, q + 8) at row r are also at weights[packed + q * rows + 8 r + j]
    private static void accumulate(double[][] patterns, int k0, int rows, double[] weights, int rs, int qs, int packed,
                                   double[][] acc) {
        int nq = acc.length;
        int n = acc[0].length;
        int bound = S.loopBound(n);
        // Features outer, queries inner: a strip of two vectors of the block's rows (12 KB of doubles) is read
        // from L2 once and then from L1 by every group of eight queries, instead of the whole block (300 KB)
        // from L2 once per group.
        int groups = nq / 8 * 8;
        int strip = 0;
        for (; strip + 2 * L <= bound; strip += 2 * L) {
            for (int q = 0; q < groups; q += 8) {
                if (packed >= 0) {
                    accumulate8x2Packed(patterns, k0, rows, weights, packed + q * rows, acc, q, strip);
                } else {
                    accumulate8x2(patterns, k0, rows, weights, rs, qs, acc, q, strip);
                }
            }
        }
        for (; strip < bound; strip += L) {
            for (int q = 0; q < groups; q += 4) {
                accumulate4x1(patterns, k0, rows, weights, rs, qs, acc, q, strip);
            }
        }
        for (int j = 0; j < groups; j++) {
            accumulateTail(patterns, k0, rows, weights, rs, qs, j, acc[j], bound);
        }
        int q = groups;
        for (; q + 4 <= nq; q += 4) {
            int i = 0;
            for (; i + 4 * L <= bound; i += 4 * L) {
                accumulate4x4(patterns, k0, rows, weights, rs, qs, acc, q, i);
            }
            for (; i < bound; i += L) {
                accumulate4x1(patterns, k0, rows, weights, rs, qs, acc, q, i);
            }
            for (int j = q; j < q + 4; j++) {
                accumulateTail(patterns, k0, rows, weights, rs, qs, j, acc[j], bound);
            }
        }
        for (; q < nq; q++) {
            for (int i = 0; i < bound; i += L) {
                accumulate1x1(patterns, k0, rows, weights, rs, q * qs, acc[q], i);
            }
            accumulateTail(patterns, k0, rows, weights, rs, qs, q, acc[q], bound);
        }
    }

    private static void accumulate1x1(double[][] patterns, int k0, int rows, double[] weights, int rs, int off,
                                      double[] a, int i) {
        DoubleVector c = DoubleVector.fromArray(S, a, i);
        for (int r = 0; r < rows; r++) {
            c = DoubleVector.fromArray(S, patterns[k0 + r], i).fma(DoubleVector.broadcast(S, weights[off + r * rs]), c);
        }
        c.intoArray(a, i);
    }

    private static void accumulateTail(double[][] patterns, int k0, int rows, double[] weights, int rs, int qs,
                                       int q, double[] a, int from) {
        for (int r = 0; r < rows && from < a.length; r++) {
            double w = weights[q * qs + r * rs];
            double[] x = patterns[k0 + r];
            for (int i = from; i < a.length; i++) {
                a[i] += w * x[i];
            }
        }
    }

    // 8 queries x 2 vectors of features: each pattern block is re-read from L2 once per 8 queries, not per 4.
    private static void accumulate8x2(double[][] patterns, int k0, int rows, double[] weights, int rs, int qs,
                                      double[][] acc, int q, int i) {
        double[] a0 = acc[q + 0];
        double[] a1 = acc[q + 1];
        double[] a2 = acc[q + 2];
        double[] a3 = acc[q + 3];
        double[] a4 = acc[q + 4];
        double[] a5 = acc[q + 5];
        double[] a6 = acc[q + 6];
        double[] a7 = acc[q + 7];
        int i1 = i + L;
        DoubleVector c00 = DoubleVector.fromArray(S, a0, i);
        DoubleVector c01 = DoubleVector.fromArray(S, a0, i1);
        DoubleVector c10 = DoubleVector.fromArray(S, a1, i);
        DoubleVector c11 = DoubleVector.fromArray(S, a1, i1);
        DoubleVector c20 = DoubleVector.fromArray(S, a2, i);
        DoubleVector c21 = DoubleVector.fromArray(S, a2, i1);
        DoubleVector c30 = DoubleVector.fromArray(S, a3, i);
        DoubleVector c31 = DoubleVector.fromArray(S, a3, i1);
        DoubleVector c40 = DoubleVector.fromArray(S, a4, i);
        DoubleVector c41 = DoubleVector.fromArray(S, a4, i1);
        DoubleVector c50 = DoubleVector.fromArray(S, a5, i);
        DoubleVector c51 = DoubleVector.fromArray(S, a5, i1);
        DoubleVector c60 = DoubleVector.fromArray(S, a6, i);
        DoubleVector c61 = DoubleVector.fromArray(S, a6, i1);
        DoubleVector c70 = DoubleVector.fromArray(S, a7, i);
        DoubleVector c71 = DoubleVector.fromArray(S, a7, i1);
        int o = q * qs;
        for (int r = 0, ro = o; r < rows; r++, ro += rs) {
            double[] x = patterns[k0 + r];
            DoubleVector x0 = DoubleVector.fromArray(S, x, i);
            DoubleVector x1 = DoubleVector.fromArray(S, x, i1);
            DoubleVector w = DoubleVector.broadcast(S, weights[ro + 0 * qs]);
            c00 = x0.fma(w, c00);
            c01 = x1.fma(w, c01);
            w = DoubleVector.broadcast(S, weights[ro + 1 * qs]);
            c10 = x0.fma(w, c10);
            c11 = x1.fma(w, c11);
            w = DoubleVector.broadcast(S, weights[ro + 2 * qs]);
            c20 = x0.fma(w, c20);
            c21 = x1.fma(w, c21);
            w = DoubleVector.broadcast(S, weights[ro + 3 * qs]);
            c30 = x0.fma(w, c30);
            c31 = x1.fma(w, c31);
            w = DoubleVector.broadcast(S, weights[ro + 4 * qs]);
            c40 = x0.fma(w, c40);
            c41 = x1.fma(w, c41);
            w = DoubleVector.broadcast(S, weights[ro + 5 * qs]);
            c50 = x0.fma(w, c50);
            c51 = x1.fma(w, c51);
            w = DoubleVector.broadcast(S, weights[ro + 6 * qs]);
            c60 = x0.fma(w, c60);
            c61 = x1.fma(w, c61);
            w = DoubleVector.broadcast(S, weights[ro + 7 * qs]);
            c70 = x0.fma(w, c70);
            c71 = x1.fma(w, c71);
        }
        c00.intoArray(a0, i);
        c01.intoArray(a0, i1);
        c10.intoArray(a1, i);
        c11.intoArray(a1, i1);
        c20.intoArray(a2, i);
        c21.intoArray(a2, i1);
        c30.intoArray(a3, i);
        c31.intoArray(a3, i1);
        c40.intoArray(a4, i);
        c41.intoArray(a4, i1);
        c50.intoArray(a5, i);
        c51.intoArray(a5, i1);
        c60.intoArray(a6, i);
        c61.intoArray(a6, i1);
        c70.intoArray(a7, i);
        c71.intoArray(a7, i1);
    }

    // The same tile with the weights packed: their index is linear in r with a constant stride, so C2 checks
    // their bounds once before the loop instead of eight times per row.
    private static void accumulate8x2Packed(double[][] patterns, int k0, int rows, double[] weights, int at,
                                            double[][] acc, int q, int i) {
        double[] a0 = acc[q + 0];
        double[] a1 = acc[q + 1];
        double[] a2 = acc[q + 2];
        double[] a3 = acc[q + 3];
        double[] a4 = acc[q + 4];
        double[] a5 = acc[q + 5];
        double[] a6 = acc[q + 6];
        double[] a7 = acc[q + 7];
        int i1 = i + L;
        DoubleVector c00 = DoubleVector.fromArray(S, a0, i);
        DoubleVector c01 = DoubleVector.fromArray(S, a0, i1);
        DoubleVector c10 = DoubleVector.fromArray(S, a1, i);
        DoubleVector c11 = DoubleVector.fromArray(S, a1, i1);
        DoubleVector c20 = DoubleVector.fromArray(S, a2, i);
        DoubleVector c21 = DoubleVector.fromArray(S, a2, i1);
        DoubleVector c30 = DoubleVector.fromArray(S, a3, i);
        DoubleVector c31 = DoubleVector.fromArray(S, a3, i1);
        DoubleVector c40 = DoubleVector.fromArray(S, a4, i);
        DoubleVector c41 = DoubleVector.fromArray(S, a4, i1);
        DoubleVector c50 = DoubleVector.fromArray(S, a5, i);
        DoubleVector c51 = DoubleVector.fromArray(S, a5, i1);
        DoubleVector c60 = DoubleVector.fromArray(S, a6, i);
        DoubleVector c61 = DoubleVector.fromArray(S, a6, i1);
        DoubleVector c70 = DoubleVector.fromArray(S, a7, i);
        DoubleVector c71 = DoubleVector.fromArray(S, a7, i1);
        for (int r = 0; r < rows; r++) {
            int ro = at + 8 * r;
            double[] x = patterns[k0 + r];
            DoubleVector x0 = DoubleVector.fromArray(S, x, i);
            DoubleVector x1 = DoubleVector.fromArray(S, x, i1);
            DoubleVector w = DoubleVector.broadcast(S, weights[ro]);
            c00 = x0.fma(w, c00);
            c01 = x1.fma(w, c01);
            w = DoubleVector.broadcast(S, weights[ro + 1]);
            c10 = x0.fma(w, c10);
            c11 = x1.fma(w, c11);
            w = DoubleVector.broadcast(S, weights[ro + 2]);
            c20 = x0.fma(w, c20);
            c21 = x1.fma(w, c21);
            w = DoubleVector.broadcast(S, weights[ro + 3]);
            c30 = x0.fma(w, c30);
            c31 = x1.fma(w, c31);
            w = DoubleVector.broadcast(S, weights[ro + 4]);
            c40 = x0.fma(w, c40);
            c41 = x1.fma(w, c41);
            w = DoubleVector.broadcast(S, weights[ro + 5]);
            c50 = x0.fma(w, c50);
            c51 = x1.fma(w, c51);
            w = DoubleVector.broadcast(S, weights[ro + 6]);
            c60 = x0.fma(w, c60);
            c61 = x1.fma(w, c61);
            w = DoubleVector.broadcast(S, weights[ro + 7]);
            c70 = x0.fma(w, c70);
            c71 = x1.fma(w, c71);
        }
        c00.intoArray(a0, i);
        c01.intoArray(a0, i1);
        c10.intoArray(a1, i);
        c11.intoArray(a1, i1);
        c20.intoArray(a2, i);
        c21.intoArray(a2, i1);
        c30.intoArray(a3, i);
        c31.intoArray(a3, i1);
        c40.intoArray(a4, i);
        c41.intoArray(a4, i1);
        c50.intoArray(a5, i);
        c51.intoArray(a5, i1);
        c60.intoArray(a6, i);
        c61.intoArray(a6, i1);
        c70.intoArray(a7, i);
        c71.intoArray(a7, i1);
    }

    private static void accumulate4x4(double[][] patterns, int k0, int rows, double[] weights, int rs, int qs,
                                      double[][] acc, int q, int i) {
        double[] a0 = acc[q];
        double[] a1 = acc[q + 1];
        double[] a2 = acc[q + 2];
        double[] a3 = acc[q + 3];
        int i1 = i + L;
        int i2 = i1 + L;
        int i3 = i2 + L;
        DoubleVector c00 = DoubleVector.fromArray(S, a0, i);
        DoubleVector c01 = DoubleVector.fromArray(S, a0, i1);
        DoubleVector c02 = DoubleVector.fromArray(S, a0, i2);
        DoubleVector c03 = DoubleVector.fromArray(S, a0, i3);
        DoubleVector c10 = DoubleVector.fromArray(S, a1, i);
        DoubleVector c11 = DoubleVector.fromArray(S, a1, i1);
        DoubleVector c12 = DoubleVector.fromArray(S, a1, i2);
        DoubleVector c13 = DoubleVector.fromArray(S, a1, i3);
        DoubleVector c20 = DoubleVector.fromArray(S, a2, i);
        DoubleVector c21 = DoubleVector.fromArray(S, a2, i1);
        DoubleVector c22 = DoubleVector.fromArray(S, a2, i2);
        DoubleVector c23 = DoubleVector.fromArray(S, a2, i3);
        DoubleVector c30 = DoubleVector.fromArray(S, a3, i);
        DoubleVector c31 = DoubleVector.fromArray(S, a3, i1);
        DoubleVector c32 = DoubleVector.fromArray(S, a3, i2);
        DoubleVector c33 = DoubleVector.fromArray(S, a3, i3);
        int o0 = q * qs;
        int o1 = o0 + qs;
        int o2 = o1 + qs;
        int o3 = o2 + qs;
        for (int r = 0, ro = 0; r < rows; r++, ro += rs) {
            double[] x = patterns[k0 + r];
            DoubleVector x0 = DoubleVector.fromArray(S, x, i);
            DoubleVector x1 = DoubleVector.fromArray(S, x, i1);
            DoubleVector x2 = DoubleVector.fromArray(S, x, i2);
            DoubleVector x3 = DoubleVector.fromArray(S, x, i3);
            DoubleVector w = DoubleVector.broadcast(S, weights[o0 + ro]);
            c00 = x0.fma(w, c00);
            c01 = x1.fma(w, c01);
            c02 = x2.fma(w, c02);
            c03 = x3.fma(w, c03);
            w = DoubleVector.broadcast(S, weights[o1 + ro]);
            c10 = x0.fma(w, c10);
            c11 = x1.fma(w, c11);
            c12 = x2.fma(w, c12);
            c13 = x3.fma(w, c13);
            w = DoubleVector.broadcast(S, weights[o2 + ro]);
            c20 = x0.fma(w, c20);
            c21 = x1.fma(w, c21);
            c22 = x2.fma(w, c22);
            c23 = x3.fma(w, c23);
            w = DoubleVector.broadcast(S, weights[o3 + ro]);
            c30 = x0.fma(w, c30);
            c31 = x1.fma(w, c31);
            c32 = x2.fma(w, c32);
            c33 = x3.fma(w, c33);
        }
        c00.intoArray(a0, i);
        c01.intoArray(a0, i1);
        c02.intoArray(a0, i2);
        c03.intoArray(a0, i3);
        c10.intoArray(a1, i);
        c11.intoArray(a1, i1);
        c12.intoArray(a1, i2);
        c13.intoArray(a1, i3);
        c20.intoArray(a2, i);
        c21.intoArray(a2, i1);
        c22.intoArray(a2, i2);
        c23.intoArray(a2, i3);
        c30.intoArray(a3, i);
        c31.intoArray(a3, i1);
        c32.intoArray(a3, i2);
        c33.intoArray(a3, i3);
    }

    private static void accumulate4x1(double[][] patterns, int k0, int rows, double[] weights, int rs, int qs,
                                      double[][] acc, int q, int i) {
        double[] a0 = acc[q];
        double[] a1 = acc[q + 1];
        double[] a2 = acc[q + 2];
        double[] a3 = acc[q + 3];
        DoubleVector c0 = DoubleVector.fromArray(S, a0, i);
        DoubleVector c1 = DoubleVector.fromArray(S, a1, i);
        DoubleVector c2 = DoubleVector.fromArray(S, a2, i);
        DoubleVector c3 = DoubleVector.fromArray(S, a3, i);
        int o0 = q * qs;
        for (int r = 0, ro = 0; r < rows; r++, ro += rs) {
            DoubleVector x = DoubleVector.fromArray(S, patterns[k0 + r], i);
            c0 = x.fma(DoubleVector.broadcast(S, weights[o0 + ro]), c0);
            c1 = x.fma(DoubleVector.broadcast(S, weights[o0 + qs + ro]), c1);
            c2 = x.fma(DoubleVector.broadcast(S, weights[o0 + 2 * qs + ro]), c2);
            c3 = x.fma(DoubleVector.broadcast(S, weights[o0 + 3 * qs + ro]), c3);
        }
        c0.intoArray(a0, i);
        c1.intoArray(a1, i);
        c2.intoArray(a2, i);
        c3.intoArray(a3, i);
    }

    @Override
    public void scale(double[] row, double factor) {
        int bound = S.loopBound(row.length);
        DoubleVector f = DoubleVector.broadcast(S, factor);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, row, i).mul(f).intoArray(row, i);
        }
        for (; i < row.length; i++) {
            row[i] *= factor;
        }
    }

    @Override
    public void axpy(double a, double[] x, double[] y) {
        int bound = S.loopBound(y.length);
        DoubleVector va = DoubleVector.broadcast(S, a);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).fma(va, DoubleVector.fromArray(S, y, i)).intoArray(y, i);
        }
        for (; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
