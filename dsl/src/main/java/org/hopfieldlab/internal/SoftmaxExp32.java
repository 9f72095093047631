package org.hopfieldlab.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@code exp(x)} for a whole vector of floats, computed in float within about 2 ulp of
 * {@code (float) Math.exp(x)}. JDK 17's {@code lanewise(EXP)} leaves the loop for a stub call per
 * vector; this inline range reduction and polynomial stays in registers, which matters because the
 * online softmax takes one exp per score.
 *
 * <p>Softmax only feeds it {@code score - max <= 0}. Results near or below the smallest normal float
 * (x below -87, results under about 1.7e-38) are returned as 0: such a weight is far below the rounding of a
 * normaliser that is at least 1.
 */
final class SoftmaxExp32 {

    private static final float LOG2_E = 1.44269504f;
    // ln 2 split so that n * LN2_HIGH is exact for every |n| below 2^8
    private static final float LN2_HIGH = 0.693359375f;
    private static final float LN2_LOW = -2.12194440e-4f;
    // adding 1.5 * 2^23 rounds to an integer and leaves that integer in the low mantissa bits
    private static final float ROUNDER = 0x1.8p23f;
    /** Below this the result would be subnormal; it is returned as 0. */
    static final float LOWEST = -87.0f;
    /** Above this the result would overflow past the largest power of two; it is returned as infinity. */
    static final float HIGHEST = 88.0f;

    private SoftmaxExp32() {
    }

    static FloatVector exp(FloatVector x) {
        // clamped so that 2^n stays a normal float; lanes outside are set at the end, NaN passes through
        FloatVector c = x.max(LOWEST).min(HIGHEST);
        FloatVector rounded = c.fma(LOG2_E, ROUNDER);
        FloatVector n = rounded.sub(ROUNDER);
        // r = x - n ln2 in two steps, |r| <= ln2 / 2 (plus a rounding)
        FloatVector r = n.fma(FloatVector.broadcast(c.species(), -LN2_HIGH), c).add(n.mul(-LN2_LOW));
        // Taylor series of e^r to degree 7: the first omitted term is below 0.1 ulp for |r| <= ln2 / 2
        FloatVector p = r.fma(FloatVector.broadcast(r.species(), 1.0f / 5040),
                FloatVector.broadcast(r.species(), 1.0f / 720));
        p = p.fma(r, FloatVector.broadcast(r.species(), 1.0f / 120));
        p = p.fma(r, FloatVector.broadcast(r.species(), 1.0f / 24));
        p = p.fma(r, FloatVector.broadcast(r.species(), 1.0f / 6));
        p = p.fma(r, FloatVector.broadcast(r.species(), 0.5f));
        p = p.fma(r, FloatVector.broadcast(r.species(), 1.0f));
        p = p.fma(r, FloatVector.broadcast(r.species(), 1.0f));
        // multiply by 2^n by adding n to the exponent field
        FloatVector scaled = p.reinterpretAsInts()
                .add(rounded.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23))
                .reinterpretAsFloats();
        return scaled.blend(0.0f, x.compare(VectorOperators.LT, LOWEST))
                .blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, HIGHEST));
    }
}
