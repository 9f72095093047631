package org.hopfieldlab.nn;

import java.util.Locale;

/**
 * A Hopfield lookup (the "Hopfield layer" with stored patterns held in the layer, Ramsauer et al.
 * 2020): fixed stored patterns, the keys, each with a value; the input rows are the state patterns,
 *
 * <pre>  Z = softmax(beta R keys^T) values</pre>
 *
 * an associative memory that returns for each query the values of the keys it resembles. In the
 * paper keys and values are learned; {@link #backward} gives their gradients.
 */
public final class HopfieldLookup {

    private final double[][] keys;
    private final double[][] values;
    private final double beta;

    /** A lookup whose values are the keys themselves: one step of the modern Hopfield network. */
    public HopfieldLookup(double[][] storedPatterns, double beta) {
        this(storedPatterns, storedPatterns, beta);
    }

    /**
     * @param keys stored patterns, K x d (compared with the queries)
     * @param values one row per key, K x d_v (returned)
     * @param beta inverse temperature, positive
     */
    public HopfieldLookup(double[][] keys, double[][] values, double beta) {
        Matrices.check("keys", keys);
        Matrices.check("values", values);
        if (values.length != keys.length) {
            throw new IllegalArgumentException("values have " + values.length + " rows, keys have " + keys.length
                    + ": every key needs one value");
        }
        Matrices.requirePositiveFinite("beta", beta);
        this.keys = Matrices.copy(keys);
        this.values = Matrices.copy(values);
        this.beta = beta;
    }

    /** Z, one row per query (B x d_v). */
    public double[][] forward(double[][] queries) {
        return Matrices.multiply(attentionWeights(queries), values);
    }

    /** The attention weights, B x K: which stored pattern each query retrieves. */
    public double[][] attentionWeights(double[][] queries) {
        checkQueries(queries);
        return Attention.weights(queries, keys, beta);
    }

    /** Gradients of a scalar loss given its gradient {@code dZ} (B x d_v) with respect to the output. */
    public Gradients backward(double[][] queries, double[][] dZ) {
        double[][] p = attentionWeights(queries);
        Matrices.requireShape("dZ", dZ, queries.length, values[0].length, "one row per query, d_v columns");
        Attention.Gradients g = Attention.backward(queries, keys, values, p, beta, dZ);
        return new Gradients(g.dQ(), g.dK(), g.dV());
    }

    /**
     * Gradients of a loss through a lookup.
     *
     * @param dQueries with respect to the queries R
     * @param dKeys with respect to the keys
     * @param dValues with respect to the values
     */
    public record Gradients(double[][] dQueries, double[][] dKeys, double[][] dValues) {
        public Gradients {
            dQueries = Matrices.copy(dQueries);
            dKeys = Matrices.copy(dKeys);
            dValues = Matrices.copy(dValues);
        }
        @Override public double[][] dQueries() { return Matrices.copy(dQueries); }
        @Override public double[][] dKeys() { return Matrices.copy(dKeys); }
        @Override public double[][] dValues() { return Matrices.copy(dValues); }
        @Override public String toString() {
            return "HopfieldLookup.Gradients[dR " + dQueries.length + " x " + dQueries[0].length + ", dKeys, dValues]";
        }
    }

    private void checkQueries(double[][] queries) {
        int d = Matrices.check("queries R", queries);
        if (d != keys[0].length) {
            throw new IllegalArgumentException("queries have " + d + " values per row, the keys have " + keys[0].length);
        }
    }

    /** The stored patterns compared with the queries (a copy). */
    public double[][] keys() { return Matrices.copy(keys); }
    /** The values returned for the keys (a copy). */
    public double[][] values() { return Matrices.copy(values); }
    /** The inverse temperature. */
    public double beta() { return beta; }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HopfieldLookup[%d stored patterns of %d values -> %d, beta=%.4g]",
                keys.length, keys[0].length, values[0].length, beta);
    }
}
