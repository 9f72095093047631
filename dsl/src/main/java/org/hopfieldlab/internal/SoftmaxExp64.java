package org.hopfieldlab.internal;

import jdk.incubator.vector.DoubleVector;
import static jdk.incubator.vector.VectorOperators.FMA;

import jdk.incubator.vector.VectorOperators;

/**
 * {@code exp(x)} for a whole vector of doubles, within about 1 ulp of {@link Math#exp}. JDK 17's
 * {@code lanewise(EXP)} leaves the loop for a stub call per vector; this inline range reduction and
 * polynomial stays in registers, which matters because the online softmax takes one exp per score.
 *
 * <p>Softmax only feeds it {@code score - max <= 0}. Results near or below the smallest normal double
 * (x below -708.39, results under about 2.2e-308) are returned as 0: such a weight is far below the rounding of a
 * normaliser that is at least 1.
 */
final class SoftmaxExp64 {

    private static final double LOG2_E = 1.4426950408889634;
    // ln 2 split so that n * LN2_HIGH is exact for every |n| below 2^11
    private static final double LN2_HIGH = 6.93147180369123816490e-01;
    private static final double LN2_LOW = 1.90821492927058770002e-10;
    // adding 1.5 * 2^52 rounds to an integer and leaves that integer in the low mantissa bits
    private static final double ROUNDER = 0x1.8p52;
    /** Below this the result would be subnormal; it is returned as 0. */
    static final double LOWEST = -708.39;
    /** Above this the result would overflow past the largest power of two; it is returned as infinity. */
    static final double HIGHEST = 709.0;

    private SoftmaxExp64() {
    }

    // Written to stay under C2's inlining limit for hot methods (325 bytes of bytecode): at 384 bytes it was
    // compiled as a call of its own that boxed its vectors, 16 MB of garbage per K = 10,000, B = 64 step.
    static DoubleVector exp(DoubleVector x) {
        // clamped so that 2^n stays a normal double; lanes outside are set at the end, NaN passes through
        DoubleVector c = x.max(LOWEST).min(HIGHEST);
        DoubleVector rounded = c.fma(LOG2_E, ROUNDER);
        DoubleVector n = rounded.sub(ROUNDER);
        // r = x - n ln2 in two steps, |r| <= ln2 / 2
        // (n LN2_HIGH is exact, so subtracting it rounds once, as a fused multiply-add would)
        DoubleVector r = c.sub(n.mul(LN2_HIGH)).add(n.mul(-LN2_LOW));
        // Taylor series of e^r to degree 13: the first omitted term is below 0.02 ulp for |r| <= ln2 / 2
        DoubleVector p = r.lanewise(FMA, 1.0 / 6227020800.0, 1.0 / 479001600.0);
        p = p.lanewise(FMA, r, 1.0 / 39916800.0);
        p = p.lanewise(FMA, r, 1.0 / 3628800.0);
        p = p.lanewise(FMA, r, 1.0 / 362880.0);
        p = p.lanewise(FMA, r, 1.0 / 40320.0);
        p = p.lanewise(FMA, r, 1.0 / 5040.0);
        p = p.lanewise(FMA, r, 1.0 / 720.0);
        p = p.lanewise(FMA, r, 1.0 / 120.0);
        p = p.lanewise(FMA, r, 1.0 / 24.0);
        p = p.lanewise(FMA, r, 1.0 / 6.0);
        p = p.lanewise(FMA, r, 0.5);
        p = p.lanewise(FMA, r, 1.0);
        p = p.lanewise(FMA, r, 1.0);
        // multiply by 2^n by adding n to the exponent field
        DoubleVector scaled = p.reinterpretAsLongs()
                .add(rounded.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52))
                .reinterpretAsDoubles();
        return scaled.blend(0.0, x.compare(VectorOperators.LT, LOWEST))
                .blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GT, HIGHEST));
    }
}
