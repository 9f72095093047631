package org.hopfieldlab.internal;

/**
 * One asynchronous sweep of a dense associative memory with spins {@code sigma_i = +-1}. It keeps the
 * memory fields {@code h_mu = xi^mu . sigma} up to date instead of recomputing them: for each neuron i
 * in the given order it computes
 * {@code sum_mu [F(h_mu - xi_i^mu sigma_i + xi_i^mu) - F(h_mu - xi_i^mu sigma_i - xi_i^mu)]}
 * (the energy drop of setting sigma_i to +1 rather than -1), sets sigma_i to its sign, keeps sigma_i on
 * an exact tie, and adds {@code xi_i^mu * (new - old)} to every field when it flips.
 *
 * <p>{@code fields} must hold {@code X sigma} on entry (see {@link #fields}); it is kept consistent.
 * The sweep reads the patterns by feature, so it works on a {@link PatternColumns} view; the overloads
 * taking {@code double[][]} build that view per call (cheap next to the sweep, but a caller sweeping
 * repeatedly should build it once).
 */
public final class DenseSweep {

    private DenseSweep() {
    }

    /** {@code fields[mu] = patterns[mu] . sigma}. */
    public static void fields(double[][] patterns, double[] sigma, double[] fields) {
        if (VectorSupport.enabled()) {
            SoftmaxVector64.INSTANCE.scores(patterns, 0, patterns.length, sigma, 1, fields);
        } else {
            SoftmaxScalar64.INSTANCE.scores(patterns, 0, patterns.length, sigma, 1, fields);
        }
    }

    /** Polynomial energy {@code F(x) = x^power}; returns the number of neurons that flipped. */
    public static int sweep(double[][] patterns, int power, double[] sigma, double[] fields, int[] order) {
        return sweep(PatternColumns.of(patterns), power, sigma, fields, order);
    }

    /** Polynomial sweep on a prepared column view; returns the number of flips. */
    public static int sweep(PatternColumns columns, int power, double[] sigma, double[] fields, int[] order) {
        return VectorSupport.enabled()
                ? DenseSweepVector.polynomial(columns, power, false, sigma, fields, order)
                : polynomialScalar(columns, power, false, sigma, fields, order);
    }

    /** Rectified polynomial {@code F(x) = max(x, 0)^power}; returns the number of flips. */
    public static int sweepRectified(PatternColumns columns, int power, double[] sigma, double[] fields,
                                     int[] order) {
        return VectorSupport.enabled()
                ? DenseSweepVector.polynomial(columns, power, true, sigma, fields, order)
                : polynomialScalar(columns, power, true, sigma, fields, order);
    }

    /**
     * Exponential energy {@code F(x) = exp(beta x)}, evaluated stably: per neuron the largest exponent
     * is subtracted before exp, which rescales the sum by a positive factor and so keeps its sign.
     */
    public static int sweepExponential(double[][] patterns, double beta, double[] sigma, double[] fields,
                                       int[] order) {
        return sweepExponential(PatternColumns.of(patterns), beta, sigma, fields, order);
    }

    /** Stable exponential sweep on a prepared column view; returns the number of flips. */
    public static int sweepExponential(PatternColumns columns, double beta, double[] sigma, double[] fields,
                                       int[] order) {
        return VectorSupport.enabled()
                ? DenseSweepVector.exponential(columns, beta, sigma, fields, order)
                : exponentialScalar(columns, beta, sigma, fields, order);
    }

    static double power(double x, int power, boolean rectified) {
        if (rectified && x <= 0) {
            return 0;
        }
        double r = 1;
        for (int p = 0; p < power; p++) {
            r *= x;
        }
        return r;
    }

    static int polynomialScalar(PatternColumns columns, int power, boolean rectified, double[] sigma,
                                double[] fields, int[] order) {
        int k = columns.memories;
        double[][] values = columns.values;
        int flips = 0;
        for (int i : order) {
            double[] column = values[i];
            double s = sigma[i];
            double drop = 0;
            for (int mu = 0; mu < k; mu++) {
                double c = column[mu];
                double rest = fields[mu] - c * s;
                drop += power(rest + c, power, rectified) - power(rest - c, power, rectified);
            }
            flips += settle(column, k, i, drop, sigma, fields);
        }
        return flips;
    }

    static int exponentialScalar(PatternColumns columns, double beta, double[] sigma, double[] fields,
                                 int[] order) {
        int k = columns.memories;
        double[][] values = columns.values;
        int flips = 0;
        for (int i : order) {
            double[] column = values[i];
            double s = sigma[i];
            double top = Double.NEGATIVE_INFINITY;
            for (int mu = 0; mu < k; mu++) {
                double c = column[mu];
                double rest = fields[mu] - c * s;
                top = Math.max(top, beta * (rest + Math.abs(c)));
            }
            double drop = 0;
            for (int mu = 0; mu < k; mu++) {
                double c = column[mu];
                double rest = fields[mu] - c * s;
                drop += Math.exp(beta * (rest + c) - top) - Math.exp(beta * (rest - c) - top);
            }
            flips += settle(column, k, i, drop, sigma, fields);
        }
        return flips;
    }

    // Applies the sign rule to neuron i and, on a flip, moves every field by xi_i^mu * (new - old).
    static int settle(double[] column, int k, int i, double drop, double[] sigma, double[] fields) {
        double old = sigma[i];
        double next = drop > 0 ? 1 : drop < 0 ? -1 : old;
        if (next == old) {
            return 0;
        }
        sigma[i] = next;
        double delta = next - old;
        for (int mu = 0; mu < k; mu++) {
            fields[mu] += column[mu] * delta;
        }
        return 1;
    }
}
