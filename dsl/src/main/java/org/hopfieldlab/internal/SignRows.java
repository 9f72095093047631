package org.hopfieldlab.internal;

/**
 * A matrix whose entries are all exactly +1 or -1 (the patterns of a classical network), packed as bits, for
 * its product with a vector of +1/-1 spins. Each product of two signs is +1 when they agree and -1 when they
 * differ, so row r gives {@code N - 2 popcount(rowBits_r XOR spinBits)}: exact, the very integer the sum of
 * products gives in double arithmetic, read from N / 8 bytes per row instead of 8 N.
 */
public final class SignRows {

    private static final long ONE = Double.doubleToRawLongBits(1.0);
    private static final long MAGNITUDE = Long.MAX_VALUE;

    private final int columns;
    private final int words;
    /** Row-major: bit {@code i % 64} of {@code bits[r * words + i / 64]} is set when entry (r, i) is -1. */
    private final long[] bits;

    private SignRows(int columns, int words, long[] bits) {
        this.columns = columns;
        this.words = words;
        this.bits = bits;
    }

    /** The packed rows, or null when an entry is anything but exactly +1 or -1 (or the matrix is empty). */
    public static SignRows of(double[][] rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            return null;
        }
        int n = rows[0].length;
        int words = (n + 63) >>> 6;
        long[] bits = new long[rows.length * words];
        for (int r = 0; r < rows.length; r++) {
            if (!pack(rows[r], bits, r * words)) {
                return null;
            }
        }
        return new SignRows(n, words, bits);
    }

    /**
     * {@code out[r] = row_r . spins} when every spin is exactly +1 or -1, and true; false, with {@code out}
     * untouched, when a spin is anything else (the caller multiplies instead).
     */
    public boolean multiply(double[] spins, double[] out) {
        if (spins.length != columns) {
            throw new IllegalArgumentException("spins has " + spins.length + " entries, the rows have " + columns);
        }
        long[] packed = new long[words];
        if (!pack(spins, packed, 0)) {
            return false;
        }
        int rows = bits.length / words;
        for (int r = 0; r < rows; r++) {
            int differ = 0;
            int o = r * words;
            for (int w = 0; w < words; w++) {
                differ += Long.bitCount(bits[o + w] ^ packed[w]);
            }
            out[r] = columns - 2 * differ;
        }
        return true;
    }

    // bit i of the words from `offset` on: the sign bit of entry i (set for -1); false at the first entry not +-1
    private static boolean pack(double[] values, long[] into, int offset) {
        for (int i = 0; i < values.length; i++) {
            long raw = Double.doubleToRawLongBits(values[i]);
            if ((raw & MAGNITUDE) != ONE) {
                return false;
            }
            into[offset + (i >>> 6)] |= (raw >>> 63) << (i & 63);
        }
        return true;
    }
}
