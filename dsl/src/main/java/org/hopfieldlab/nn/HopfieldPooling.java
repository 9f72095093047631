package org.hopfieldlab.nn;

import java.util.Locale;

/**
 * Hopfield pooling (Ramsauer et al. 2020): the state patterns are not inputs but a learned, static
 * query Q (S x d_k), so that S summaries of a variable-size set Y of stored patterns come out,
 *
 * <pre>  Z = softmax(beta Q W_K^T Y^T) Y W_K W_V</pre>
 *
 * (S x d_v). The set's order does not matter; its size may change from call to call. DeepRC uses it
 * to pool an immune repertoire of many sequences into one vector.
 */
public final class HopfieldPooling {

    private final double[][] query;
    private final double[][] wK;
    private final double[][] wV;
    private final double beta;

    /**
     * @param query the static state patterns Q, S x d_k (learned)
     * @param wK key projection W_K, d_y x d_k
     * @param wV value projection W_V, d_k x d_v
     * @param beta inverse temperature, positive
     */
    public HopfieldPooling(double[][] query, double[][] wK, double[][] wV, double beta) {
        int dk = Matrices.check("query Q", query);
        int dkKeys = Matrices.check("W_K", wK);
        if (dkKeys != dk) {
            throw new IllegalArgumentException("W_K has " + dkKeys + " columns, the query has " + dk + " values per row:"
                    + " queries and keys must have the same dimension d_k");
        }
        Matrices.check("W_V", wV);
        if (wV.length != dk) {
            throw new IllegalArgumentException("W_V has " + wV.length + " rows, expected d_k = " + dk);
        }
        Matrices.requirePositiveFinite("beta", beta);
        this.query = Matrices.copy(query);
        this.wK = Matrices.copy(wK);
        this.wV = Matrices.copy(wV);
        this.beta = beta;
    }

    /** The pooled summaries Z, S x d_v, of the set {@code storedPatterns} (K x d_y, any K). */
    public double[][] forward(double[][] storedPatterns) {
        return forwardPass(storedPatterns).output;
    }

    /** The attention weights, S x K: how much each stored pattern counts in each summary. */
    public double[][] attentionWeights(double[][] storedPatterns) {
        return Attention.weights(query, keys(storedPatterns), beta);
    }

    /**
     * The forward pass over {@code storedPatterns} with what its backward pass needs kept: a training step calls
     * this, computes its loss from {@link ForwardPass#output()} and then {@link ForwardPass#backward}, so the
     * forward pass is computed once per step.
     */
    public ForwardPass forwardPass(double[][] storedPatterns) {
        double[][] k = keys(storedPatterns);
        double[][] v = Matrices.multiply(k, wV);
        double[][] p = Attention.weights(query, k, beta);
        return new ForwardPass(Matrices.copy(storedPatterns), k, v, p, Matrices.multiply(p, v));
    }

    /**
     * Gradients of a scalar loss given its gradient {@code dZ} (S x d_v) with respect to the output. This computes
     * the forward pass again; in a training loop, {@link #forwardPass} keeps it from the forward step.
     */
    public Gradients backward(double[][] storedPatterns, double[][] dZ) {
        return forwardPass(storedPatterns).backward(dZ);
    }

    /** One forward pass of this pooling over one set of stored patterns, kept for its backward pass. */
    public final class ForwardPass {
        private final double[][] storedPatterns;
        private final double[][] k;
        private final double[][] v;
        private final double[][] p;
        private final double[][] output;

        private ForwardPass(double[][] storedPatterns, double[][] k, double[][] v, double[][] p, double[][] output) {
            this.storedPatterns = storedPatterns;
            this.k = k;
            this.v = v;
            this.p = p;
            this.output = output;
        }

        /** The pooled summaries Z, S x d_v (a copy). */
        public double[][] output() {
            return Matrices.copy(output);
        }

        /** The attention weights, S x K (a copy). */
        public double[][] attentionWeights() {
            return Matrices.copy(p);
        }

        /** Gradients of a scalar loss given its gradient {@code dZ} (S x d_v) with respect to {@link #output()}. */
        public Gradients backward(double[][] dZ) {
            Matrices.requireShape("dZ", dZ, query.length, wV[0].length, "one row per query, d_v columns");
            Attention.Gradients g = Attention.backward(query, k, v, p, beta, dZ);
            // K feeds the scores directly and the values through V = K W_V
            double[][] dK = Matrices.add(g.dK(), Matrices.multiplyTransposedRight(g.dV(), wV));
            return new Gradients(g.dQ(), Matrices.multiplyTransposedRight(dK, wK),
                    Matrices.multiplyTransposedLeft(storedPatterns, dK), Matrices.multiplyTransposedLeft(k, g.dV()));
        }

        @Override
        public String toString() {
            return "HopfieldPooling.ForwardPass[" + storedPatterns.length + " stored patterns -> " + output.length
                    + " x " + output[0].length + " output]";
        }
    }

    /**
     * Gradients of a loss through Hopfield pooling.
     *
     * @param dQuery with respect to the static query Q
     * @param dStoredPatterns with respect to Y
     * @param dWK with respect to W_K
     * @param dWV with respect to W_V
     */
    public record Gradients(double[][] dQuery, double[][] dStoredPatterns, double[][] dWK, double[][] dWV) {
        public Gradients {
            dQuery = Matrices.copy(dQuery);
            dStoredPatterns = Matrices.copy(dStoredPatterns);
            dWK = Matrices.copy(dWK);
            dWV = Matrices.copy(dWV);
        }
        @Override public double[][] dQuery() { return Matrices.copy(dQuery); }
        @Override public double[][] dStoredPatterns() { return Matrices.copy(dStoredPatterns); }
        @Override public double[][] dWK() { return Matrices.copy(dWK); }
        @Override public double[][] dWV() { return Matrices.copy(dWV); }
        @Override public String toString() {
            return "HopfieldPooling.Gradients[dQ " + dQuery.length + " x " + dQuery[0].length + ", dY, dW_K, dW_V]";
        }
    }

    private double[][] keys(double[][] y) {
        int dy = Matrices.check("stored patterns Y", y);
        if (dy != wK.length) {
            throw new IllegalArgumentException("stored patterns Y have " + dy + " values per row, W_K expects d_y = "
                    + wK.length + " (its number of rows)");
        }
        return Matrices.multiply(y, wK);
    }

    /** The static query Q (a copy). */
    public double[][] query() { return Matrices.copy(query); }
    /** The key projection W_K (a copy). */
    public double[][] wK() { return Matrices.copy(wK); }
    /** The value projection W_V (a copy). */
    public double[][] wV() { return Matrices.copy(wV); }
    /** The inverse temperature. */
    public double beta() { return beta; }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HopfieldPooling[%d static queries, d_y=%d, d_k=%d, d_v=%d, beta=%.4g]",
                query.length, wK.length, query[0].length, wV[0].length, beta);
    }
}
