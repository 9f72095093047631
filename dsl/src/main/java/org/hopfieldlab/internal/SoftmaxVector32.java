package org.hopfieldlab.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API blocks of the online softmax in float precision. Scores are computed as 4 patterns x 4
 * queries register tiles (each pattern row and query row is loaded once per tile), the softmax
 * bookkeeping runs along the block's rows, and the weighted sum is a 4 queries x 4 vectors register
 * tile, so each pattern block is read twice from cache and once from memory.
 */
final class SoftmaxVector32 implements SoftmaxBlocks32, SoftmaxDriver32.Dots32 {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = SoftmaxDriver32.BLOCK;

    static final SoftmaxVector32 INSTANCE = new SoftmaxVector32(null, 0);

    /**
     * With at least one vector of queries, scores are a small GEMM against the queries transposed
     * ({@code [feature][query]}, beta folded in, padded to whole vectors) so the tile needs no
     * horizontal sums; with fewer queries each score is a dot product along the features.
     */
    private final float[] transposed;
    private final int padded;

    private SoftmaxVector32(float[][] queries, float beta) {
        if (queries == null || queries.length < L) {
            transposed = null;
            padded = 0;
            return;
        }
        int b = queries.length;
        int n = queries[0].length;
        padded = (b + L - 1) / L * L;
        transposed = new float[n * padded];
        // written in order; reads go across the queries, whose cache lines serve the next features too
        for (int i = 0; i < n; i++) {
            int o = i * padded;
            for (int q = 0; q < b; q++) {
                transposed[o + q] = beta * queries[q][i];
            }
        }
    }

    static void step(float[][] patterns, float beta, float[][] queries, float[][] out) {
        SoftmaxDriver32.step(new SoftmaxVector32(queries, beta), patterns, beta, queries, out);
    }

    @Override
    public int rowsPerCall(int queries) {
        // one query with its own kernel takes a whole part in one call: it needs no block-sized scratch
        return queries == 1 && transposed == null ? Integer.MAX_VALUE : BLOCK;
    }

    @Override
    public int scratchSize(int queries) {
        // the single-query kernel keeps a group's scores, then weights; the batch kernel packs the weights of
        // each group of eight queries after the scores
        return Math.max(SoftmaxDriver32.BLOCK * Math.max(queries, padded) * (transposed == null ? 1 : 2), GROUP_SCRATCH);
    }

    static void weights(float[][] patterns, float beta, float[] query, float[] weights) {
        SoftmaxDriver32.weights(INSTANCE, patterns, beta, query, weights, INSTANCE);
    }

    static float dot(float[] a, float[] b) {
        int n = a.length;
        int bound = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            acc = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static float tail(float[] a, float[] b, int from) {
        float s = 0;
        for (int i = from; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public void scores(float[][] patterns, int k0, int k1, float[] query, float beta, float[] out) {
        int n = query.length;
        int bound = S.loopBound(n);
        int k = k0;
        for (; k + 4 <= k1; k += 4) {
            float[] x0 = patterns[k];
            float[] x1 = patterns[k + 1];
            float[] x2 = patterns[k + 2];
            float[] x3 = patterns[k + 3];
            FloatVector c0 = FloatVector.zero(S);
            FloatVector c1 = c0;
            FloatVector c2 = c0;
            FloatVector c3 = c0;
            for (int i = 0; i < bound; i += L) {
                FloatVector q = FloatVector.fromArray(S, query, i);
                c0 = FloatVector.fromArray(S, x0, i).fma(q, c0);
                c1 = FloatVector.fromArray(S, x1, i).fma(q, c1);
                c2 = FloatVector.fromArray(S, x2, i).fma(q, c2);
                c3 = FloatVector.fromArray(S, x3, i).fma(q, c3);
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

    @Override
    public void block(float[][] patterns, int k0, int k1, float[][] queries, float beta,
                      float[] scores, float[] max, float[] norm, float[][] acc) {
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

    /** Scratch of the single-query kernel: a group's eight scores, then weights, padded to one whole vector. */
    private static final int GROUP_SCRATCH = Math.max(8, L);

    // One query, eight rows at a time: the group's eight dot products (eight independent chains, eight memory
    // streams), their weights, then the group, now in L1, added to the weighted sum. Measured against a
    // software-pipelined loop that scored the next group while adding the previous one: that loop carried twice
    // the instructions per row streamed from memory, so fewer memory reads were in flight and it ran 27 % slower
    // (one thread, K = 10,000 f32: 1.49 against 1.09 ms; the plain dot products alone 0.95 ms).
    // Each step is a method of its own that takes and returns only arrays and scalars, so that C2 inlines the
    // vector exp and keeps every vector in registers (as one method it boxed them).
    private static void blockSingle(float[][] patterns, int k0, int rows, float[] q, float beta,
                                    float[] scratch, float[] max, float[] norm, float[] acc) {
        // rows past the block end repeat its last row; their scores are dropped (weight 0)
        int last = k0 + rows - 1;
        for (int r = 0; r < rows; r += 8) {
            int k = k0 + r;
            float[] x0 = patterns[k];
            float[] x1 = patterns[Math.min(k + 1, last)];
            float[] x2 = patterns[Math.min(k + 2, last)];
            float[] x3 = patterns[Math.min(k + 3, last)];
            float[] x4 = patterns[Math.min(k + 4, last)];
            float[] x5 = patterns[Math.min(k + 5, last)];
            float[] x6 = patterns[Math.min(k + 6, last)];
            float[] x7 = patterns[Math.min(k + 7, last)];
            scoreGroup(x0, x1, x2, x3, x4, x5, x6, x7, q, scratch);
            weightsOfGroup(scratch, rows - r, beta, max, norm, acc);
            addGroup(x0, x1, x2, x3, x4, x5, x6, x7, scratch, acc);
        }
    }

    // scratch[0, 8) = the eight rows' dot products with q.
    private static void scoreGroup(float[] x0, float[] x1, float[] x2, float[] x3, float[] x4, float[] x5,
                                   float[] x6, float[] x7, float[] q, float[] scratch) {
        int bound = S.loopBound(q.length);
        FloatVector d0 = FloatVector.zero(S);
        FloatVector d1 = d0;
        FloatVector d2 = d0;
        FloatVector d3 = d0;
        FloatVector d4 = d0;
        FloatVector d5 = d0;
        FloatVector d6 = d0;
        FloatVector d7 = d0;
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, q, i);
            d0 = FloatVector.fromArray(S, x0, i).fma(v, d0);
            d1 = FloatVector.fromArray(S, x1, i).fma(v, d1);
            d2 = FloatVector.fromArray(S, x2, i).fma(v, d2);
            d3 = FloatVector.fromArray(S, x3, i).fma(v, d3);
            d4 = FloatVector.fromArray(S, x4, i).fma(v, d4);
            d5 = FloatVector.fromArray(S, x5, i).fma(v, d5);
            d6 = FloatVector.fromArray(S, x6, i).fma(v, d6);
            d7 = FloatVector.fromArray(S, x7, i).fma(v, d7);
        }
        scratch[0] = d0.reduceLanes(VectorOperators.ADD) + tail(x0, q, bound);
        scratch[1] = d1.reduceLanes(VectorOperators.ADD) + tail(x1, q, bound);
        scratch[2] = d2.reduceLanes(VectorOperators.ADD) + tail(x2, q, bound);
        scratch[3] = d3.reduceLanes(VectorOperators.ADD) + tail(x3, q, bound);
        scratch[4] = d4.reduceLanes(VectorOperators.ADD) + tail(x4, q, bound);
        scratch[5] = d5.reduceLanes(VectorOperators.ADD) + tail(x5, q, bound);
        scratch[6] = d6.reduceLanes(VectorOperators.ADD) + tail(x6, q, bound);
        scratch[7] = d7.reduceLanes(VectorOperators.ADD) + tail(x7, q, bound);
    }

    // acc += the eight rows weighted by scratch[0, 8).
    private static void addGroup(float[] p0, float[] p1, float[] p2, float[] p3, float[] p4, float[] p5,
                                 float[] p6, float[] p7, float[] scratch, float[] acc) {
        int n = acc.length;
        int bound = S.loopBound(n);
        float w0 = scratch[0];
        float w1 = scratch[1];
        float w2 = scratch[2];
        float w3 = scratch[3];
        float w4 = scratch[4];
        float w5 = scratch[5];
        float w6 = scratch[6];
        float w7 = scratch[7];
        FloatVector vw0 = FloatVector.broadcast(S, w0);
        FloatVector vw1 = FloatVector.broadcast(S, w1);
        FloatVector vw2 = FloatVector.broadcast(S, w2);
        FloatVector vw3 = FloatVector.broadcast(S, w3);
        FloatVector vw4 = FloatVector.broadcast(S, w4);
        FloatVector vw5 = FloatVector.broadcast(S, w5);
        FloatVector vw6 = FloatVector.broadcast(S, w6);
        FloatVector vw7 = FloatVector.broadcast(S, w7);
        for (int i = 0; i < bound; i += L) {
            FloatVector a = FloatVector.fromArray(S, acc, i);
            FloatVector b = FloatVector.fromArray(S, p1, i).mul(vw1);
            a = FloatVector.fromArray(S, p0, i).fma(vw0, a);
            a = FloatVector.fromArray(S, p2, i).fma(vw2, a);
            b = FloatVector.fromArray(S, p3, i).fma(vw3, b);
            a = FloatVector.fromArray(S, p4, i).fma(vw4, a);
            b = FloatVector.fromArray(S, p5, i).fma(vw5, b);
            a = FloatVector.fromArray(S, p6, i).fma(vw6, a);
            b = FloatVector.fromArray(S, p7, i).fma(vw7, b);
            a.add(b).intoArray(acc, i);
        }
        for (int i = bound; i < n; i++) {
            acc[i] += w0 * p0[i] + w1 * p1[i] + w2 * p2[i] + w3 * p3[i] + w4 * p4[i] + w5 * p5[i] + w6 * p6[i] + w7 * p7[i];
        }
    }

    // The dot products of a group in scratch[0, 8) become weights exp(beta dot - max) in place, 0 for the rows
    // past the first `valid`; the running max, normaliser and weighted sum are rescaled first when the group
    // raises the max.
    private static void weightsOfGroup(float[] scratch, int valid, float beta, float[] max, float[] norm,
                                       float[] acc) {
        float top = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < GROUP_SCRATCH; j++) {
            float score = j < Math.min(8, valid) ? beta * scratch[j] : Float.NEGATIVE_INFINITY;
            scratch[j] = score;
            top = Math.max(top, score);
        }
        if (top > max[0]) {
            if (norm[0] != 0) {
                float f = (float) Math.exp(max[0] - top);
                INSTANCE.scale(acc, f);
                norm[0] *= f;
            }
            max[0] = top;
        }
        // a vector of fewer than eight lanes takes the eight scores in steps; the sum stays scalar (a vector
        // carried around this loop could be boxed)
        float sum = 0;
        for (int j = 0; j < 8; j += L) {
            FloatVector w = SoftmaxExp32.exp(FloatVector.fromArray(S, scratch, j).sub(max[0]));
            w.intoArray(scratch, j);
            sum += w.reduceLanes(VectorOperators.ADD);
        }
        norm[0] += sum;
    }

    // Scores laid out [row][padded query]: the GEMM tile writes them, the softmax runs along queries.
    private void blockTransposed(float[][] patterns, int k0, int rows, int nq, float[] scores,
                                 float[] max, float[] norm, float[][] acc) {
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
            FloatVector top = FloatVector.fromArray(S, scores, c);
            for (int r = 1; r < rows; r++) {
                top = top.max(FloatVector.fromArray(S, scores, r * padded + c));
            }
            VectorMask<Float> live = S.indexInRange(c, nq);
            VectorMask<Float> grew = top.compare(VectorOperators.GT, FloatVector.fromArray(S, max, c, live)).and(live);
            if (grew.anyTrue()) {
                for (int q = c; q < Math.min(nq, c + L); q++) {
                    float blockMax = top.lane(q - c);
                    if (blockMax > max[q]) {
                        if (norm[q] != 0) {
                            float f = (float) Math.exp(max[q] - blockMax);
                            scale(acc[q], f);
                            norm[q] *= f;
                        }
                        max[q] = blockMax;
                    }
                }
            }
        }
        for (c = 0; c < padded; c += L) {
            VectorMask<Float> live = S.indexInRange(c, nq);
            FloatVector m = FloatVector.fromArray(S, max, c, live);
            FloatVector sum = FloatVector.zero(S);
            for (int r = 0; r < rows; r++) {
                int o = r * padded + c;
                FloatVector w = SoftmaxExp32.exp(FloatVector.fromArray(S, scores, o).sub(m));
                w.intoArray(scores, o);
                sum = sum.add(w);
            }
            FloatVector.fromArray(S, norm, c, live).add(sum).intoArray(norm, c, live);
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
    private void gemm6x4(float[][] patterns, int k0, int rows, int r, int c, float[] scores) {
        float[] x0 = patterns[k0 + r];
        float[] x1 = patterns[k0 + Math.min(r + 1, rows - 1)];
        float[] x2 = patterns[k0 + Math.min(r + 2, rows - 1)];
        float[] x3 = patterns[k0 + Math.min(r + 3, rows - 1)];
        float[] x4 = patterns[k0 + Math.min(r + 4, rows - 1)];
        float[] x5 = patterns[k0 + Math.min(r + 5, rows - 1)];
        float[] qt = transposed;
        int n = x0.length;
        int stride = padded;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00, c43 = c00;
        FloatVector c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        for (int i = 0, o = c; i < n; i++, o += stride) {
            FloatVector v0 = FloatVector.fromArray(S, qt, o);
            FloatVector v1 = FloatVector.fromArray(S, qt, o + L);
            FloatVector v2 = FloatVector.fromArray(S, qt, o + 2 * L);
            FloatVector v3 = FloatVector.fromArray(S, qt, o + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x0[i]);
            c00 = v0.fma(a, c00);
            c01 = v1.fma(a, c01);
            c02 = v2.fma(a, c02);
            c03 = v3.fma(a, c03);
            a = FloatVector.broadcast(S, x1[i]);
            c10 = v0.fma(a, c10);
            c11 = v1.fma(a, c11);
            c12 = v2.fma(a, c12);
            c13 = v3.fma(a, c13);
            a = FloatVector.broadcast(S, x2[i]);
            c20 = v0.fma(a, c20);
            c21 = v1.fma(a, c21);
            c22 = v2.fma(a, c22);
            c23 = v3.fma(a, c23);
            a = FloatVector.broadcast(S, x3[i]);
            c30 = v0.fma(a, c30);
            c31 = v1.fma(a, c31);
            c32 = v2.fma(a, c32);
            c33 = v3.fma(a, c33);
            a = FloatVector.broadcast(S, x4[i]);
            c40 = v0.fma(a, c40);
            c41 = v1.fma(a, c41);
            c42 = v2.fma(a, c42);
            c43 = v3.fma(a, c43);
            a = FloatVector.broadcast(S, x5[i]);
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

    private void gemm4x1(float[][] patterns, int k0, int rows, int r, int c, float[] scores) {
        float[] x0 = patterns[k0 + r];
        float[] x1 = patterns[k0 + Math.min(r + 1, rows - 1)];
        float[] x2 = patterns[k0 + Math.min(r + 2, rows - 1)];
        float[] x3 = patterns[k0 + Math.min(r + 3, rows - 1)];
        float[] qt = transposed;
        int n = x0.length;
        int stride = padded;
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0, c2 = c0, c3 = c0;
        for (int i = 0, o = c; i < n; i++, o += stride) {
            FloatVector v = FloatVector.fromArray(S, qt, o);
            c0 = v.fma(FloatVector.broadcast(S, x0[i]), c0);
            c1 = v.fma(FloatVector.broadcast(S, x1[i]), c1);
            c2 = v.fma(FloatVector.broadcast(S, x2[i]), c2);
            c3 = v.fma(FloatVector.broadcast(S, x3[i]), c3);
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
    private void softmaxRows(float[] scores, int off, int rows, int q, float[] max, float[] norm, float[] acc) {
        int bound = S.loopBound(rows);
        FloatVector vmax = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        int r = 0;
        for (; r < bound; r += L) {
            vmax = vmax.max(FloatVector.fromArray(S, scores, off + r));
        }
        float blockMax = vmax.reduceLanes(VectorOperators.MAX);
        for (; r < rows; r++) {
            blockMax = Math.max(blockMax, scores[off + r]);
        }
        float m = Math.max(max[q], blockMax);
        if (m > max[q]) {
            if (norm[q] != 0) {
                float f = (float) Math.exp(max[q] - m);
                scale(acc, f);
                norm[q] *= f;
            }
            max[q] = m;
        }
        FloatVector vm = FloatVector.broadcast(S, m);
        FloatVector vsum = FloatVector.zero(S);
        r = 0;
        for (; r < bound; r += L) {
            FloatVector w = SoftmaxExp32.exp(FloatVector.fromArray(S, scores, off + r).sub(vm));
            w.intoArray(scores, off + r);
            vsum = vsum.add(w);
        }
        float sum = vsum.reduceLanes(VectorOperators.ADD);
        for (; r < rows; r++) {
            float w = (float) Math.exp(scores[off + r] - m);
            scores[off + r] = w;
            sum += w;
        }
        norm[q] += sum;
    }

    // 4 pattern rows x 4 queries; rows past the block end repeat the last row and are not written.
    private static void score4x4(float[][] patterns, int k0, int rows, int r, float[][] queries, int b,
                                 float beta, float[] scores) {
        float[] x0 = patterns[k0 + r];
        float[] x1 = patterns[k0 + Math.min(r + 1, rows - 1)];
        float[] x2 = patterns[k0 + Math.min(r + 2, rows - 1)];
        float[] x3 = patterns[k0 + Math.min(r + 3, rows - 1)];
        float[] q0 = queries[b];
        float[] q1 = queries[b + 1];
        float[] q2 = queries[b + 2];
        float[] q3 = queries[b + 3];
        int n = q0.length;
        int bound = S.loopBound(n);
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        for (int i = 0; i < bound; i += L) {
            FloatVector a0 = FloatVector.fromArray(S, x0, i);
            FloatVector a1 = FloatVector.fromArray(S, x1, i);
            FloatVector a2 = FloatVector.fromArray(S, x2, i);
            FloatVector a3 = FloatVector.fromArray(S, x3, i);
            FloatVector v = FloatVector.fromArray(S, q0, i);
            c00 = a0.fma(v, c00);
            c10 = a1.fma(v, c10);
            c20 = a2.fma(v, c20);
            c30 = a3.fma(v, c30);
            v = FloatVector.fromArray(S, q1, i);
            c01 = a0.fma(v, c01);
            c11 = a1.fma(v, c11);
            c21 = a2.fma(v, c21);
            c31 = a3.fma(v, c31);
            v = FloatVector.fromArray(S, q2, i);
            c02 = a0.fma(v, c02);
            c12 = a1.fma(v, c12);
            c22 = a2.fma(v, c22);
            c32 = a3.fma(v, c32);
            v = FloatVector.fromArray(S, q3, i);
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

    private static void score4x1(float[][] patterns, int k0, int rows, int r, float[] q, int b,
                                 float beta, float[] scores) {
        float[] x0 = patterns[k0 + r];
        float[] x1 = patterns[k0 + Math.min(r + 1, rows - 1)];
        float[] x2 = patterns[k0 + Math.min(r + 2, rows - 1)];
        float[] x3 = patterns[k0 + Math.min(r + 3, rows - 1)];
        int bound = S.loopBound(q.length);
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0, c2 = c0, c3 = c0;
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, q, i);
            c0 = FloatVector.fromArray(S, x0, i).fma(v, c0);
            c1 = FloatVector.fromArray(S, x1, i).fma(v, c1);
            c2 = FloatVector.fromArray(S, x2, i).fma(v, c2);
            c3 = FloatVector.fromArray(S, x3, i).fma(v, c3);
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
    private static void accumulate(float[][] patterns, int k0, int rows, float[] weights, int rs, int qs, int packed,
                                   float[][] acc) {
        int nq = acc.length;
        int n = acc[0].length;
        int bound = S.loopBound(n);
        // Features outer, queries inner: a strip of two vectors of the block's rows (6 KB of floats) is read
        // from L2 once and then from L1 by every group of eight queries, instead of the whole block (150 KB)
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

    private static void accumulate1x1(float[][] patterns, int k0, int rows, float[] weights, int rs, int off,
                                      float[] a, int i) {
        FloatVector c = FloatVector.fromArray(S, a, i);
        for (int r = 0; r < rows; r++) {
            c = FloatVector.fromArray(S, patterns[k0 + r], i).fma(FloatVector.broadcast(S, weights[off + r * rs]), c);
        }
        c.intoArray(a, i);
    }

    private static void accumulateTail(float[][] patterns, int k0, int rows, float[] weights, int rs, int qs,
                                       int q, float[] a, int from) {
        for (int r = 0; r < rows && from < a.length; r++) {
            float w = weights[q * qs + r * rs];
            float[] x = patterns[k0 + r];
            for (int i = from; i < a.length; i++) {
                a[i] += w * x[i];
            }
        }
    }

    // 8 queries x 2 vectors of features: each pattern block is re-read from L2 once per 8 queries, not per 4.
    private static void accumulate8x2(float[][] patterns, int k0, int rows, float[] weights, int rs, int qs,
                                      float[][] acc, int q, int i) {
        float[] a0 = acc[q + 0];
        float[] a1 = acc[q + 1];
        float[] a2 = acc[q + 2];
        float[] a3 = acc[q + 3];
        float[] a4 = acc[q + 4];
        float[] a5 = acc[q + 5];
        float[] a6 = acc[q + 6];
        float[] a7 = acc[q + 7];
        int i1 = i + L;
        FloatVector c00 = FloatVector.fromArray(S, a0, i);
        FloatVector c01 = FloatVector.fromArray(S, a0, i1);
        FloatVector c10 = FloatVector.fromArray(S, a1, i);
        FloatVector c11 = FloatVector.fromArray(S, a1, i1);
        FloatVector c20 = FloatVector.fromArray(S, a2, i);
        FloatVector c21 = FloatVector.fromArray(S, a2, i1);
        FloatVector c30 = FloatVector.fromArray(S, a3, i);
        FloatVector c31 = FloatVector.fromArray(S, a3, i1);
        FloatVector c40 = FloatVector.fromArray(S, a4, i);
        FloatVector c41 = FloatVector.fromArray(S, a4, i1);
        FloatVector c50 = FloatVector.fromArray(S, a5, i);
        FloatVector c51 = FloatVector.fromArray(S, a5, i1);
        FloatVector c60 = FloatVector.fromArray(S, a6, i);
        FloatVector c61 = FloatVector.fromArray(S, a6, i1);
        FloatVector c70 = FloatVector.fromArray(S, a7, i);
        FloatVector c71 = FloatVector.fromArray(S, a7, i1);
        int o = q * qs;
        for (int r = 0, ro = o; r < rows; r++, ro += rs) {
            float[] x = patterns[k0 + r];
            FloatVector x0 = FloatVector.fromArray(S, x, i);
            FloatVector x1 = FloatVector.fromArray(S, x, i1);
            FloatVector w = FloatVector.broadcast(S, weights[ro + 0 * qs]);
            c00 = x0.fma(w, c00);
            c01 = x1.fma(w, c01);
            w = FloatVector.broadcast(S, weights[ro + 1 * qs]);
            c10 = x0.fma(w, c10);
            c11 = x1.fma(w, c11);
            w = FloatVector.broadcast(S, weights[ro + 2 * qs]);
            c20 = x0.fma(w, c20);
            c21 = x1.fma(w, c21);
            w = FloatVector.broadcast(S, weights[ro + 3 * qs]);
            c30 = x0.fma(w, c30);
            c31 = x1.fma(w, c31);
            w = FloatVector.broadcast(S, weights[ro + 4 * qs]);
            c40 = x0.fma(w, c40);
            c41 = x1.fma(w, c41);
            w = FloatVector.broadcast(S, weights[ro + 5 * qs]);
            c50 = x0.fma(w, c50);
            c51 = x1.fma(w, c51);
            w = FloatVector.broadcast(S, weights[ro + 6 * qs]);
            c60 = x0.fma(w, c60);
            c61 = x1.fma(w, c61);
            w = FloatVector.broadcast(S, weights[ro + 7 * qs]);
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
    private static void accumulate8x2Packed(float[][] patterns, int k0, int rows, float[] weights, int at,
                                            float[][] acc, int q, int i) {
        float[] a0 = acc[q + 0];
        float[] a1 = acc[q + 1];
        float[] a2 = acc[q + 2];
        float[] a3 = acc[q + 3];
        float[] a4 = acc[q + 4];
        float[] a5 = acc[q + 5];
        float[] a6 = acc[q + 6];
        float[] a7 = acc[q + 7];
        int i1 = i + L;
        FloatVector c00 = FloatVector.fromArray(S, a0, i);
        FloatVector c01 = FloatVector.fromArray(S, a0, i1);
        FloatVector c10 = FloatVector.fromArray(S, a1, i);
        FloatVector c11 = FloatVector.fromArray(S, a1, i1);
        FloatVector c20 = FloatVector.fromArray(S, a2, i);
        FloatVector c21 = FloatVector.fromArray(S, a2, i1);
        FloatVector c30 = FloatVector.fromArray(S, a3, i);
        FloatVector c31 = FloatVector.fromArray(S, a3, i1);
        FloatVector c40 = FloatVector.fromArray(S, a4, i);
        FloatVector c41 = FloatVector.fromArray(S, a4, i1);
        FloatVector c50 = FloatVector.fromArray(S, a5, i);
        FloatVector c51 = FloatVector.fromArray(S, a5, i1);
        FloatVector c60 = FloatVector.fromArray(S, a6, i);
        FloatVector c61 = FloatVector.fromArray(S, a6, i1);
        FloatVector c70 = FloatVector.fromArray(S, a7, i);
        FloatVector c71 = FloatVector.fromArray(S, a7, i1);
        for (int r = 0; r < rows; r++) {
            int ro = at + 8 * r;
            float[] x = patterns[k0 + r];
            FloatVector x0 = FloatVector.fromArray(S, x, i);
            FloatVector x1 = FloatVector.fromArray(S, x, i1);
            FloatVector w = FloatVector.broadcast(S, weights[ro]);
            c00 = x0.fma(w, c00);
            c01 = x1.fma(w, c01);
            w = FloatVector.broadcast(S, weights[ro + 1]);
            c10 = x0.fma(w, c10);
            c11 = x1.fma(w, c11);
            w = FloatVector.broadcast(S, weights[ro + 2]);
            c20 = x0.fma(w, c20);
            c21 = x1.fma(w, c21);
            w = FloatVector.broadcast(S, weights[ro + 3]);
            c30 = x0.fma(w, c30);
            c31 = x1.fma(w, c31);
            w = FloatVector.broadcast(S, weights[ro + 4]);
            c40 = x0.fma(w, c40);
            c41 = x1.fma(w, c41);
            w = FloatVector.broadcast(S, weights[ro + 5]);
            c50 = x0.fma(w, c50);
            c51 = x1.fma(w, c51);
            w = FloatVector.broadcast(S, weights[ro + 6]);
            c60 = x0.fma(w, c60);
            c61 = x1.fma(w, c61);
            w = FloatVector.broadcast(S, weights[ro + 7]);
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

    private static void accumulate4x4(float[][] patterns, int k0, int rows, float[] weights, int rs, int qs,
                                      float[][] acc, int q, int i) {
        float[] a0 = acc[q];
        float[] a1 = acc[q + 1];
        float[] a2 = acc[q + 2];
        float[] a3 = acc[q + 3];
        int i1 = i + L;
        int i2 = i1 + L;
        int i3 = i2 + L;
        FloatVector c00 = FloatVector.fromArray(S, a0, i);
        FloatVector c01 = FloatVector.fromArray(S, a0, i1);
        FloatVector c02 = FloatVector.fromArray(S, a0, i2);
        FloatVector c03 = FloatVector.fromArray(S, a0, i3);
        FloatVector c10 = FloatVector.fromArray(S, a1, i);
        FloatVector c11 = FloatVector.fromArray(S, a1, i1);
        FloatVector c12 = FloatVector.fromArray(S, a1, i2);
        FloatVector c13 = FloatVector.fromArray(S, a1, i3);
        FloatVector c20 = FloatVector.fromArray(S, a2, i);
        FloatVector c21 = FloatVector.fromArray(S, a2, i1);
        FloatVector c22 = FloatVector.fromArray(S, a2, i2);
        FloatVector c23 = FloatVector.fromArray(S, a2, i3);
        FloatVector c30 = FloatVector.fromArray(S, a3, i);
        FloatVector c31 = FloatVector.fromArray(S, a3, i1);
        FloatVector c32 = FloatVector.fromArray(S, a3, i2);
        FloatVector c33 = FloatVector.fromArray(S, a3, i3);
        int o0 = q * qs;
        int o1 = o0 + qs;
        int o2 = o1 + qs;
        int o3 = o2 + qs;
        for (int r = 0, ro = 0; r < rows; r++, ro += rs) {
            float[] x = patterns[k0 + r];
            FloatVector x0 = FloatVector.fromArray(S, x, i);
            FloatVector x1 = FloatVector.fromArray(S, x, i1);
            FloatVector x2 = FloatVector.fromArray(S, x, i2);
            FloatVector x3 = FloatVector.fromArray(S, x, i3);
            FloatVector w = FloatVector.broadcast(S, weights[o0 + ro]);
            c00 = x0.fma(w, c00);
            c01 = x1.fma(w, c01);
            c02 = x2.fma(w, c02);
            c03 = x3.fma(w, c03);
            w = FloatVector.broadcast(S, weights[o1 + ro]);
            c10 = x0.fma(w, c10);
            c11 = x1.fma(w, c11);
            c12 = x2.fma(w, c12);
            c13 = x3.fma(w, c13);
            w = FloatVector.broadcast(S, weights[o2 + ro]);
            c20 = x0.fma(w, c20);
            c21 = x1.fma(w, c21);
            c22 = x2.fma(w, c22);
            c23 = x3.fma(w, c23);
            w = FloatVector.broadcast(S, weights[o3 + ro]);
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

    private static void accumulate4x1(float[][] patterns, int k0, int rows, float[] weights, int rs, int qs,
                                      float[][] acc, int q, int i) {
        float[] a0 = acc[q];
        float[] a1 = acc[q + 1];
        float[] a2 = acc[q + 2];
        float[] a3 = acc[q + 3];
        FloatVector c0 = FloatVector.fromArray(S, a0, i);
        FloatVector c1 = FloatVector.fromArray(S, a1, i);
        FloatVector c2 = FloatVector.fromArray(S, a2, i);
        FloatVector c3 = FloatVector.fromArray(S, a3, i);
        int o0 = q * qs;
        for (int r = 0, ro = 0; r < rows; r++, ro += rs) {
            FloatVector x = FloatVector.fromArray(S, patterns[k0 + r], i);
            c0 = x.fma(FloatVector.broadcast(S, weights[o0 + ro]), c0);
            c1 = x.fma(FloatVector.broadcast(S, weights[o0 + qs + ro]), c1);
            c2 = x.fma(FloatVector.broadcast(S, weights[o0 + 2 * qs + ro]), c2);
            c3 = x.fma(FloatVector.broadcast(S, weights[o0 + 3 * qs + ro]), c3);
        }
        c0.intoArray(a0, i);
        c1.intoArray(a1, i);
        c2.intoArray(a2, i);
        c3.intoArray(a3, i);
    }

    @Override
    public void scale(float[] row, float factor) {
        int bound = S.loopBound(row.length);
        FloatVector f = FloatVector.broadcast(S, factor);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, row, i).mul(f).intoArray(row, i);
        }
        for (; i < row.length; i++) {
            row[i] *= factor;
        }
    }

    @Override
    public void axpy(float a, float[] x, float[] y) {
        int bound = S.loopBound(y.length);
        FloatVector va = FloatVector.broadcast(S, a);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, x, i).fma(va, FloatVector.fromArray(S, y, i)).intoArray(y, i);
        }
        for (; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
