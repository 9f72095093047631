package org.hopfieldlab.data;

/** Argument checks shared by this package; each message names the value and what was expected. */
final class Checks {

    private Checks() {}

    static void fraction(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
        }
    }

    static void count(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }

    static void nonNegativeFinite(String name, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be zero or positive and finite, got " + value);
        }
    }

    static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
    }

    /** A pattern must exist, hold at least one value and no NaN or infinity. */
    static void pattern(double[] pattern) {
        if (pattern == null) {
            throw new IllegalArgumentException("pattern must not be null");
        }
        if (pattern.length == 0) {
            throw new IllegalArgumentException("pattern is empty; it needs at least one value");
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!Double.isFinite(pattern[i])) {
                throw new IllegalArgumentException("pattern contains " + pattern[i] + " at index " + i);
            }
        }
    }

    /** Flipping means negating, which only keeps a pattern binary when its entries are +1 or -1. */
    static void plusMinusOne(double[] pattern, String operation) {
        pattern(pattern);
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i] != 1.0 && pattern[i] != -1.0) {
                throw new IllegalArgumentException(operation + " needs a +1/-1 pattern, but index " + i
                        + " holds " + pattern[i] + " (binarize it first, e.g. image.binarized())");
            }
        }
    }

    /** How many of {@code total} entries a fraction selects: rounded half up, never silently clipped. */
    static int share(double fraction, int total) {
        return (int) Math.round(fraction * total);
    }
}
