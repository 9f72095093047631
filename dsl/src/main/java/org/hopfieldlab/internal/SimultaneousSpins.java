package org.hopfieldlab.internal;

/**
 * The exact energy-difference rule of Krotov &amp; Hopfield 2016 evaluated for every spin of a dense
 * associative memory at once, from one state: for each neuron i,
 * {@code drop_i = sum_mu F(h_mu - xi_i^mu sigma_i + xi_i^mu) - F(h_mu - xi_i^mu sigma_i - xi_i^mu)}, the energy
 * drop of setting sigma_i to +1 rather than -1, with {@code h = X sigma}. Nothing is updated: the caller applies
 * the sign rule to all spins together (the synchronous counterpart of {@link DenseSweep}). Each neuron's sum
 * runs along its column of a {@link PatternColumns} view; neurons are split across cores when there are many.
 */
public final class SimultaneousSpins {

    static final long MIN_WORK_PER_PART = 200_000;

    private SimultaneousSpins() {
    }

    /** Polynomial {@code F(x) = x^power}, or {@code max(x, 0)^power} when rectified. */
    public static void polynomialDrops(PatternColumns columns, int power, boolean rectified, double[] sigma,
                                       double[] fields, double[] drops) {
        boolean vector = VectorSupport.enabled();
        forParts(columns, power, (i0, i1) -> {
            if (vector) {
                SimultaneousSpinsVector.polynomial(columns, power, rectified, sigma, fields, drops, i0, i1);
            } else {
                polynomialScalar(columns, power, rectified, sigma, fields, drops, i0, i1);
            }
        });
    }

    /**
     * The polynomial rule for {@code F(x) = x^2} in closed form: {@code (r + c)^2 - (r - c)^2 = 4 r c} with
     * {@code r = h - c s}, so {@code drop_i = 4 (sum_mu c h_mu - s_i sum_mu c^2)}: one product {@code X^T h}
     * by rows ({@link MatrixVector#multiplyTransposedAdd}) and the patterns' {@link #columnSquares}, which the
     * caller computes once per set of patterns. Equal to the term-by-term sum of {@link #polynomialDrops} for
     * integer patterns and fields (every value is exact in a double, as for +1/-1 patterns); otherwise equal
     * within rounding.
     */
    public static void quadraticDrops(double[][] patterns, double[] squares, double[] sigma, double[] fields,
                                      double[] drops) {
        java.util.Arrays.fill(drops, 0);
        MatrixVector.multiplyTransposedAdd(patterns, fields, drops);
        for (int i = 0; i < drops.length; i++) {
            drops[i] = 4 * (drops[i] - sigma[i] * squares[i]);
        }
    }

    /** {@code sum_mu patterns[mu][i]^2} for every column i. */
    public static double[] columnSquares(double[][] patterns) {
        double[] squares = new double[patterns[0].length];
        for (double[] x : patterns) {
            for (int i = 0; i < squares.length; i++) {
                squares[i] = Math.fma(x[i], x[i], squares[i]);
            }
        }
        return squares;
    }

    /**
     * Exponential {@code F(x) = exp(beta x)}, per neuron divided by {@code exp(beta max_mu (h_mu - xi s + |xi|))}
     * (a positive factor, so the sign is kept and nothing overflows).
     */
    public static void exponentialDrops(PatternColumns columns, double beta, double[] sigma, double[] fields,
                                        double[] drops) {
        boolean vector = VectorSupport.enabled();
        forParts(columns, 8, (i0, i1) -> {
            if (vector) {
                SimultaneousSpinsVector.exponential(columns, beta, sigma, fields, drops, i0, i1);
            } else {
                exponentialScalar(columns, beta, sigma, fields, drops, i0, i1);
            }
        });
    }

    private interface Range {
        void run(int i0, int i1);
    }

    private static void forParts(PatternColumns columns, int costPerValue, Range range) {
        int n = columns.features;
        int parts = Parallel.parts((long) n * columns.memories * costPerValue, MIN_WORK_PER_PART,
                MatrixVector.MAX_PARTS);
        if (parts == 1) {
            range.run(0, n);
            return;
        }
        Parallel.forEach(parts, p -> range.run(MatrixVector.boundary(n, p, parts), MatrixVector.boundary(n, p + 1, parts)));
    }

    static void polynomialScalar(PatternColumns columns, int power, boolean rectified, double[] sigma,
                                 double[] fields, double[] drops, int i0, int i1) {
        int k = columns.memories;
        for (int i = i0; i < i1; i++) {
            double[] column = columns.values[i];
            double s = sigma[i];
            double drop = 0;
            for (int mu = 0; mu < k; mu++) {
                double c = column[mu];
                double rest = fields[mu] - c * s;
                drop += DenseSweep.power(rest + c, power, rectified) - DenseSweep.power(rest - c, power, rectified);
            }
            drops[i] = drop;
        }
    }

    static void exponentialScalar(PatternColumns columns, double beta, double[] sigma, double[] fields,
                                  double[] drops, int i0, int i1) {
        int k = columns.memories;
        for (int i = i0; i < i1; i++) {
            double[] column = columns.values[i];
            double s = sigma[i];
            double top = Double.NEGATIVE_INFINITY;
            for (int mu = 0; mu < k; mu++) {
                double c = column[mu];
                top = Math.max(top, beta * (fields[mu] - c * s + Math.abs(c)));
            }
            double drop = 0;
            for (int mu = 0; mu < k; mu++) {
                double c = column[mu];
                double rest = fields[mu] - c * s;
                drop += Math.exp(beta * (rest + c) - top) - Math.exp(beta * (rest - c) - top);
            }
            drops[i] = drop;
        }
    }
}
