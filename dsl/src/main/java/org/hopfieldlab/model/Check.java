package org.hopfieldlab.model;

/** Argument checks shared by the public entries; every message names the value and what was expected. */
public final class Check {
    private Check() {}

    public static double positiveFinite(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
        return value;
    }

    public static double nonNegativeFinite(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be zero or positive and finite, got " + value);
        }
        return value;
    }

    public static int atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    public static double fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction between 0 and 1, got " + value);
        }
        return value;
    }

    /** Checks a vector entering the library: not null, the expected length, every value finite. */
    public static double[] vector(String what, double[] values, int expectedLength, String expectedWhat) {
        if (values == null) {
            throw new IllegalArgumentException(what + " is null, expected " + expectedLength + " values");
        }
        if (values.length != expectedLength) {
            throw new IllegalArgumentException(what + " has " + values.length + " values, " + expectedWhat);
        }
        finite(what, values);
        return values;
    }

    public static void finite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " contains " + values[i] + " at index " + i
                        + "; only finite numbers are allowed");
            }
        }
    }

    /** Checks a matrix given as rows: not empty, rectangular with the expected row length, finite. */
    public static double[][] rows(String what, double[][] rows, int expectedLength, String expectedWhat) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("no " + what + " given: expected at least one row of "
                    + expectedLength + " values");
        }
        for (int r = 0; r < rows.length; r++) {
            String name = singular(what) + " " + r;
            if (rows[r] == null) {
                throw new IllegalArgumentException(name + " is null, expected " + expectedLength + " values");
            }
            if (rows[r].length != expectedLength) {
                throw new IllegalArgumentException(name + " has " + rows[r].length + " values, " + expectedWhat);
            }
            finite(name, rows[r]);
        }
        return rows;
    }

    /** Checks that every value is +1 or -1, as a sign layer requires. */
    public static void signs(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 1.0 && values[i] != -1.0) {
                throw new IllegalArgumentException(what + " has " + values[i] + " at index " + i
                        + ", but a sign() feature layer takes only +1 or -1"
                        + " (binarize it first, e.g. x > 0.5 ? 1 : -1, or build the network with feature(n) for"
                        + " continuous values)");
            }
        }
    }

    private static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }
}
