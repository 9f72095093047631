package org.hopfieldlab.plot;

/** Input checks shared by the figure factories; every message names the value and what was expected. */
final class Check {

    private Check() {}

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be a non-empty text, got "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }

    /** A non-empty vector of finite values; {@code what} names one entry ("step", "memory"). */
    static double[] finite(double[] values, String name, String what) {
        notNull(values, name);
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " is empty; expected at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + " contains " + values[i] + " at " + what + " " + i
                        + "; every value must be finite");
            }
        }
        return values;
    }

    /** A non-empty rectangular matrix of finite values; returns its column count. */
    static int rectangular(double[][] matrix, String name, String rowWord, String columnWord) {
        notNull(matrix, name);
        if (matrix.length == 0) {
            throw new IllegalArgumentException(name + " has no rows; expected at least one " + rowWord);
        }
        int columns = -1;
        for (int r = 0; r < matrix.length; r++) {
            double[] row = matrix[r];
            if (row == null) {
                throw new IllegalArgumentException(name + " has a null row at " + rowWord + " " + r);
            }
            if (columns < 0) {
                columns = row.length;
                if (columns == 0) {
                    throw new IllegalArgumentException(name + " row 0 is empty; expected at least one " + columnWord);
                }
            } else if (row.length != columns) {
                throw new IllegalArgumentException(name + " " + rowWord + " " + r + " has " + row.length
                        + " values, " + rowWord + " 0 has " + columns + "; every " + rowWord
                        + " needs the same number of " + columnWord + "s");
            }
            for (int c = 0; c < row.length; c++) {
                if (!Double.isFinite(row[c])) {
                    throw new IllegalArgumentException(name + " contains " + row[c] + " at " + rowWord + " " + r
                            + ", " + columnWord + " " + c + "; every value must be finite");
                }
            }
        }
        return columns;
    }

    static void sameLength(double[] a, String aName, double[] b, String bName) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(bName + " has " + b.length + " values, " + aName + " has "
                    + a.length + "; they must match one to one");
        }
    }

    static void inUnitInterval(double[] values, String name, String what) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 1) {
                throw new IllegalArgumentException(name + " must lie between 0 and 1, got " + values[i]
                        + " at " + what + " " + i);
            }
        }
    }

    static String[] labels(String[] labels, int expected, String name, String what) {
        if (labels == null) {
            return null;
        }
        if (labels.length != expected) {
            throw new IllegalArgumentException(name + " has " + labels.length + " entries, expected " + expected
                    + " (one per " + what + ")");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                throw new IllegalArgumentException(name + " entry " + i + " is null; use \"\" for no label");
            }
        }
        return labels;
    }
}
