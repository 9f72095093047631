package org.hopfieldlab.experiment;

import java.util.Locale;

/** Small shared helpers for the result records: validation, copies and the one-line summaries. */
final class Curves {
    private Curves() {}

    static double[] copy(double[] a) {
        return a == null ? null : a.clone();
    }

    static int[] copy(int[] a) {
        return a == null ? null : a.clone();
    }

    static String format(double[] values) {
        StringBuilder s = new StringBuilder("[");
        int shown = Math.min(values.length, 8);
        for (int i = 0; i < shown; i++) {
            s.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3g", values[i]));
        }
        return s.append(values.length > shown ? ", ...]" : "]").toString();
    }

    static String format(int[] values) {
        StringBuilder s = new StringBuilder("[");
        int shown = Math.min(values.length, 8);
        for (int i = 0; i < shown; i++) {
            s.append(i > 0 ? ", " : "").append(values[i]);
        }
        return s.append(values.length > shown ? ", ...]" : "]").toString();
    }

    static void requireNonEmpty(String what, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("no " + what + " given: expected at least one value");
        }
    }

    static void requireNonEmpty(String what, int[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("no " + what + " given: expected at least one value");
        }
    }

    /**
     * Checks rows entering an experiment: present, each of {@code length} finite values. {@code row}
     * names one row ("pattern", "query"); the message says what was expected.
     */
    static void rows(String row, double[][] rows, int length, String expected) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("no " + row + " rows given: expected at least one row of " + length
                    + " values");
        }
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                throw new IllegalArgumentException(row + " " + r + " is null, expected " + length + " values");
            }
            if (rows[r].length != length) {
                throw new IllegalArgumentException(row + " " + r + " has " + rows[r].length + " values, " + expected);
            }
            for (int i = 0; i < length; i++) {
                if (!Double.isFinite(rows[r][i])) {
                    throw new IllegalArgumentException(row + " " + r + " contains " + rows[r][i] + " at index " + i
                            + "; only finite numbers are allowed");
                }
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Least-squares slope of y against x. */
    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
