package org.hopfieldlab.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API half of {@link HebbianBits}: one row, a vector of neurons at a time. JDK 17's Vector API has
 * no lane-wise bit count, so the bits are counted by the classic shift-and-mask reduction.
 */
final class HebbianBitsVector {

    private static final VectorSpecies<Long> S = LongVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final long M1 = 0x5555555555555555L;
    private static final long M2 = 0x3333333333333333L;
    private static final long M4 = 0x0f0f0f0f0f0f0f0fL;
    private static final long BYTES = 0x0101010101010101L;
    // 2^52 as a double's bits: OR-ing a small integer into the mantissa and subtracting 2^52 converts it exactly
    private static final long TWO52 = 0x4330000000000000L;
    private static final double TWO52_DOUBLE = Double.longBitsToDouble(TWO52);

    private HebbianBitsVector() {
    }

    /** Row i into {@code row}, for patterns packed word-major (word w of neuron j at {@code w n + j}). */
    static void row(long[] bits, int words, int k, int i, double[] row) {
        int n = row.length;
        int bound = S.loopBound(n);
        if (words == 2) {
            long a0 = bits[i];
            long a1 = bits[n + i];
            for (int j = 0; j < bound; j += L) {
                LongVector x0 = LongVector.fromArray(S, bits, j).lanewise(VectorOperators.XOR, a0);
                LongVector x1 = LongVector.fromArray(S, bits, n + j).lanewise(VectorOperators.XOR, a1);
                store(sum(nibbles(x0).add(nibbles(x1))), k, row, j);
            }
        } else {
            for (int j = 0; j < bound; j += L) {
                LongVector total = LongVector.zero(S);
                for (int w = 0; w < words; w += 2) {
                    // two words' nibble counts (at most 8 each) still fit in a nibble
                    LongVector c = nibbles(LongVector.fromArray(S, bits, w * n + j)
                            .lanewise(VectorOperators.XOR, bits[w * n + i]));
                    if (w + 1 < words) {
                        c = c.add(nibbles(LongVector.fromArray(S, bits, (w + 1) * n + j)
                                .lanewise(VectorOperators.XOR, bits[(w + 1) * n + i])));
                    }
                    total = total.add(sum(c));
                }
                store(total, k, row, j);
            }
        }
        for (int j = bound; j < n; j++) {
            int differ = 0;
            for (int w = 0; w < words; w++) {
                differ += Long.bitCount(bits[w * n + i] ^ bits[w * n + j]);
            }
            row[j] = k - 2 * differ;
        }
    }

    // Bits set per nibble (each 0..4).
    private static LongVector nibbles(LongVector x) {
        x = x.sub(x.lanewise(VectorOperators.LSHR, 1).and(M1));
        return x.and(M2).add(x.lanewise(VectorOperators.LSHR, 2).and(M2));
    }

    // Nibble counts (each at most 8) summed over the 64-bit lane: at most 128. Masked before the add: two
    // nibbles of 8 make 16, one bit more than a nibble holds.
    private static LongVector sum(LongVector c) {
        LongVector bytes = c.and(M4).add(c.lanewise(VectorOperators.LSHR, 4).and(M4));
        return bytes.mul(BYTES).lanewise(VectorOperators.LSHR, 56);
    }

    private static void store(LongVector differ, double k, double[] row, int j) {
        // 2^52 + differ, read as a double, minus 2^52 is differ exactly: a conversion without a convert instruction
        DoubleVector d = differ.or(TWO52).reinterpretAsDoubles().sub(TWO52_DOUBLE);
        d.fma(-2.0, k).intoArray(row, j);
    }
}
