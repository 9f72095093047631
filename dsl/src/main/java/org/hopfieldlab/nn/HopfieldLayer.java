package org.hopfieldlab.nn;

import java.util.Locale;

/**
 * The Hopfield layer of Ramsauer et al. 2020, eq. (10): one update of a modern Hopfield network
 * whose state patterns are the rows of R and whose stored patterns are the rows of Y, seen through
 * learned projections,
 *
 * <pre>  Z = softmax(beta R W_Q W_K^T Y^T) Y W_K W_V</pre>
 *
 * which is transformer attention {@code softmax(Q K^T / sqrt(d_k)) V} with {@code Q = R W_Q},
 * {@code K = Y W_K}, {@code V = K W_V} and {@code beta = 1/sqrt(d_k)} ({@link #attention}).
 *
 * <p>Shapes: R is B x d_r (one query per row), Y is K x d_y, W_Q is d_r x d_k, W_K is d_y x d_k,
 * W_V is d_k x d_v, Z is B x d_v. Immutable: the projections are copied in and out. {@link #backward}
 * gives the gradients of a loss for training (hand-written, checked against finite differences).
 */
public final class HopfieldLayer {

    private final double[][] wQ;
    private final double[][] wK;
    private final double[][] wV;
    private final double beta;

    /**
     * @param wQ query projection W_Q, d_r x d_k
     * @param wK key projection W_K, d_y x d_k
     * @param wV value projection W_V, d_k x d_v (applied to the projected keys, as in eq. (10))
     * @param beta inverse temperature, positive
     */
    public HopfieldLayer(double[][] wQ, double[][] wK, double[][] wV, double beta) {
        int dk = Matrices.check("W_Q", wQ);
        int dkKeys = Matrices.check("W_K", wK);
        if (dkKeys != dk) {
            throw new IllegalArgumentException("W_K has " + dkKeys + " columns, W_Q has " + dk + ": queries and keys"
                    + " must land in the same space d_k");
        }
        Matrices.check("W_V", wV);
        if (wV.length != dk) {
            throw new IllegalArgumentException("W_V has " + wV.length + " rows, expected d_k = " + dk
                    + " (it maps the projected keys Y W_K to values)");
        }
        Matrices.requirePositiveFinite("beta", beta);
        this.wQ = Matrices.copy(wQ);
        this.wK = Matrices.copy(wK);
        this.wV = Matrices.copy(wV);
        this.beta = beta;
    }

    /** Transformer attention: the layer with {@code beta = 1/sqrt(d_k)}. */
    public static HopfieldLayer attention(double[][] wQ, double[][] wK, double[][] wV) {
        Matrices.check("W_Q", wQ);
        return new HopfieldLayer(wQ, wK, wV, 1 / Math.sqrt(wQ[0].length));
    }

    /**
     * No projections (all identity, d_r = d_y = d_k = d_v = d): {@code Z = softmax(beta R Y^T) Y}, the
     * update rule {@code xi <- Y^T softmax(beta Y xi)} of the modern Hopfield network applied to every row of R.
     */
    public static HopfieldLayer withoutProjections(int d, double beta) {
        if (d < 1) {
            throw new IllegalArgumentException("d (pattern dimension) must be at least 1, got " + d);
        }
        return new HopfieldLayer(Matrices.identity(d), Matrices.identity(d), Matrices.identity(d), beta);
    }

    /**
     * Z, one row per state pattern.
     *
     * @param statePatterns R, B x d_r
     * @param storedPatterns Y, K x d_y
     */
    public double[][] forward(double[][] statePatterns, double[][] storedPatterns) {
        return forwardPass(statePatterns, storedPatterns).output;
    }

    /** The attention weights {@code softmax(beta R W_Q W_K^T Y^T)}, B x K: which stored pattern each query looks at. */
    public double[][] attentionWeights(double[][] statePatterns, double[][] storedPatterns) {
        return pass(statePatterns, storedPatterns).p;
    }

    /**
     * The forward pass with what its backward pass needs kept: a training step calls this, computes its loss from
     * {@link ForwardPass#output()} and then {@link ForwardPass#backward}, so the forward pass is computed once.
     *
     * @param statePatterns R, B x d_r
     * @param storedPatterns Y, K x d_y
     */
    public ForwardPass forwardPass(double[][] statePatterns, double[][] storedPatterns) {
        Pass pass = pass(statePatterns, storedPatterns);
        return new ForwardPass(Matrices.copy(statePatterns), Matrices.copy(storedPatterns), pass,
                Matrices.multiply(pass.p, pass.v));
    }

    /**
     * Gradients of a scalar loss with respect to the inputs and the projections, given the loss's
     * gradient {@code dZ} with respect to the output (B x d_v). This computes the forward pass again; in a
     * training loop, {@link #forwardPass} keeps it from the forward step.
     */
    public Gradients backward(double[][] statePatterns, double[][] storedPatterns, double[][] dZ) {
        return forwardPass(statePatterns, storedPatterns).backward(dZ);
    }

    /** One forward pass of this layer over one pair of inputs, kept for its backward pass. */
    public final class ForwardPass {
        private final double[][] statePatterns;
        private final double[][] storedPatterns;
        private final Pass pass;
        private final double[][] output;

        private ForwardPass(double[][] statePatterns, double[][] storedPatterns, Pass pass, double[][] output) {
            this.statePatterns = statePatterns;
            this.storedPatterns = storedPatterns;
            this.pass = pass;
            this.output = output;
        }

        /** Z, one row per state pattern (a copy). */
        public double[][] output() {
            return Matrices.copy(output);
        }

        /** The attention weights, B x K (a copy). */
        public double[][] attentionWeights() {
            return Matrices.copy(pass.p);
        }

        /** Gradients of a scalar loss given its gradient {@code dZ} (B x d_v) with respect to {@link #output()}. */
        public Gradients backward(double[][] dZ) {
            Matrices.requireShape("dZ", dZ, statePatterns.length, wV[0].length, "one row per state pattern, d_v columns");
            Attention.Gradients g = Attention.backward(pass.q, pass.k, pass.v, pass.p, beta, dZ);
            // K feeds the scores directly and the values through V = K W_V.
            double[][] dK = Matrices.add(g.dK(), Matrices.multiplyTransposedRight(g.dV(), wV));
            return new Gradients(
                    Matrices.multiplyTransposedRight(g.dQ(), wQ),
                    Matrices.multiplyTransposedRight(dK, wK),
                    Matrices.multiplyTransposedLeft(statePatterns, g.dQ()),
                    Matrices.multiplyTransposedLeft(storedPatterns, dK),
                    Matrices.multiplyTransposedLeft(pass.k, g.dV()));
        }

        @Override
        public String toString() {
            return "HopfieldLayer.ForwardPass[" + statePatterns.length + " state patterns, " + storedPatterns.length
                    + " stored patterns -> " + output.length + " x " + output[0].length + " output]";
        }
    }

    /**
     * Gradients of a loss through a Hopfield layer; each has the shape of what it is the gradient of.
     *
     * @param dStatePatterns with respect to R
     * @param dStoredPatterns with respect to Y
     * @param dWQ with respect to W_Q
     * @param dWK with respect to W_K
     * @param dWV with respect to W_V
     */
    public record Gradients(double[][] dStatePatterns, double[][] dStoredPatterns, double[][] dWQ, double[][] dWK,
                            double[][] dWV) {
        public Gradients {
            dStatePatterns = Matrices.copy(dStatePatterns);
            dStoredPatterns = Matrices.copy(dStoredPatterns);
            dWQ = Matrices.copy(dWQ);
            dWK = Matrices.copy(dWK);
            dWV = Matrices.copy(dWV);
        }
        @Override public double[][] dStatePatterns() { return Matrices.copy(dStatePatterns); }
        @Override public double[][] dStoredPatterns() { return Matrices.copy(dStoredPatterns); }
        @Override public double[][] dWQ() { return Matrices.copy(dWQ); }
        @Override public double[][] dWK() { return Matrices.copy(dWK); }
        @Override public double[][] dWV() { return Matrices.copy(dWV); }
        @Override public String toString() {
            return "HopfieldLayer.Gradients[dR " + dStatePatterns.length + " x " + dStatePatterns[0].length + ", dY "
                    + dStoredPatterns.length + " x " + dStoredPatterns[0].length + ", dW_Q, dW_K, dW_V]";
        }
    }

    private record Pass(double[][] q, double[][] k, double[][] v, double[][] p) {}

    private Pass pass(double[][] r, double[][] y) {
        int dr = Matrices.check("state patterns R", r);
        if (dr != wQ.length) {
            throw new IllegalArgumentException("state patterns R have " + dr + " values per row, W_Q expects d_r = "
                    + wQ.length + " (its number of rows)");
        }
        int dy = Matrices.check("stored patterns Y", y);
        if (dy != wK.length) {
            throw new IllegalArgumentException("stored patterns Y have " + dy + " values per row, W_K expects d_y = "
                    + wK.length + " (its number of rows)");
        }
        double[][] q = Matrices.multiply(r, wQ);
        double[][] k = Matrices.multiply(y, wK);
        double[][] v = Matrices.multiply(k, wV);
        return new Pass(q, k, v, Attention.weights(q, k, beta));
    }

    /** The query projection W_Q (a copy). */
    public double[][] wQ() { return Matrices.copy(wQ); }
    /** The key projection W_K (a copy). */
    public double[][] wK() { return Matrices.copy(wK); }
    /** The value projection W_V (a copy). */
    public double[][] wV() { return Matrices.copy(wV); }
    /** The inverse temperature. */
    public double beta() { return beta; }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HopfieldLayer[d_r=%d, d_y=%d, d_k=%d, d_v=%d, beta=%.4g]", wQ.length,
                wK.length, wQ[0].length, wV[0].length, beta);
    }
}
