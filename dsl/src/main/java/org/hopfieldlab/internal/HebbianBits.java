package org.hopfieldlab.internal;

/**
 * The Hebbian matrix of patterns whose entries are all exactly +1 or -1, by counting bits instead of
 * multiplying. Every product {@code xi_i xi_j} is then +1 when the two signs agree and -1 when they
 * differ, so with each neuron's K signs packed into bits (1 for -1),
 * {@code T_ij = K - 2 popcount(bits_i XOR bits_j)}: exact, the same integers the sum of products gives,
 * with no floating-point arithmetic. What is left is mostly writing the N x N doubles.
 */
final class HebbianBits {

    private static final long ONE = Double.doubleToRawLongBits(1.0);
    private static final long MAGNITUDE = Long.MAX_VALUE;

    private HebbianBits() {
    }

    /** Longs per neuron for K patterns. */
    static int words(int k) {
        return (k + 63) >>> 6;
    }

    /**
     * The patterns' signs packed word-major: bit {@code mu % 64} of {@code bits[(mu / 64) N + i]} is set when
     * pattern mu has -1 at neuron i (the bits beyond K stay 0 for every neuron, so they never differ); or
     * null as soon as an entry is anything but exactly +1 or -1 (then the caller multiplies instead).
     */
    static long[] pack(double[][] patterns) {
        int n = patterns[0].length;
        long[] bits = new long[words(patterns.length) * n];
        for (int mu = 0; mu < patterns.length; mu++) {
            double[] x = patterns[mu];
            int o = (mu >>> 6) * n;
            int shift = mu & 63;
            for (int i = 0; i < n; i++) {
                long raw = Double.doubleToRawLongBits(x[i]);
                if ((raw & MAGNITUDE) != ONE) {
                    return null;
                }
                bits[o + i] |= (raw >>> 63) << shift;
            }
        }
        return bits;
    }

    /** Rows {@code [i0, i1)} of the matrix of K patterns packed by {@link #pack}, each a new array written once. */
    static void rows(long[] bits, int k, double[][] t, int i0, int i1, boolean vector) {
        int n = t.length;
        int words = words(k);
        // A clone of a filled buffer is allocated without zeroing, so each 8 KB row is written once, not twice.
        double[] row = new double[n];
        for (int i = i0; i < i1; i++) {
            if (vector) {
                HebbianBitsVector.row(bits, words, k, i, row);
            } else {
                row(bits, words, k, i, row);
            }
            t[i] = row.clone();
        }
    }

    static void row(long[] bits, int words, int k, int i, double[] row) {
        int n = row.length;
        if (words == 2) {
            long a0 = bits[i];
            long a1 = bits[n + i];
            for (int j = 0; j < n; j++) {
                row[j] = k - 2 * (Long.bitCount(a0 ^ bits[j]) + Long.bitCount(a1 ^ bits[n + j]));
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            int differ = 0;
            for (int o = 0; o < words * n; o += n) {
                differ += Long.bitCount(bits[o + i] ^ bits[o + j]);
            }
            row[j] = k - 2 * differ;
        }
    }
}
