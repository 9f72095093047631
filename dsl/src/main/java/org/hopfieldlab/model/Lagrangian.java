package org.hopfieldlab.model;

import org.hopfieldlab.internal.ShiftedExp;

/**
 * The Lagrangian {@code L(x)} of one layer of neurons. Its gradient is the layer's activation,
 * {@code g = dL/dx}, and the layer contributes {@code x . g - L(x)} to the network's energy
 * (Krotov &amp; Hopfield 2021; Krotov 2021). Every model in HopfieldLab is a choice of Lagrangians.
 *
 * <p>Additive Lagrangians are a sum {@code L = sum_i F(x_i)} of one function per neuron; collective
 * ones ({@link Softmax}, {@link Spherical}) couple the neurons of a layer.
 *
 * <p>Very large exponents: an {@link Exponential} memory layer over N = 1000 sign neurons sees inputs
 * up to 1000, and {@code exp(1000)} overflows a double. The methods taking a {@code logScale}
 * return the value divided by {@code exp(logScale)}, computed without overflow; only the exponential
 * Lagrangian needs it, for the others a non-zero log scale simply divides.
 */
public sealed interface Lagrangian
        permits Lagrangian.Additive, Lagrangian.Spherical, Lagrangian.Softmax {

    /** {@code L(x)}. */
    double value(double[] x);

    /** Writes the activation {@code g = dL/dx} into {@code g} (same length as {@code x}). */
    void activation(double[] x, double[] g);

    /** Whether the Hessian is positive semi-definite everywhere, which the energy's descent needs. */
    boolean convex();

    /** A short description for {@code toString}, e.g. {@code softmax beta=1.0}. */
    String describe();

    /** True for the sign layer, whose neurons take only the values +1 and -1. */
    default boolean binary() {
        return false;
    }

    /** {@code L(x) / exp(logScale)}. */
    default double value(double[] x, double logScale) {
        return value(x) * Math.exp(-logScale);
    }

    /** {@code g(x) / exp(logScale)}. */
    default void activation(double[] x, double logScale, double[] g) {
        activation(x, g);
        if (logScale != 0) {
            double factor = Math.exp(-logScale);
            for (int i = 0; i < g.length; i++) {
                g[i] *= factor;
            }
        }
    }

    /** The log scale that keeps {@link #value(double[], double)} finite for inputs up to {@code maxInput}. */
    default double logScaleFor(double maxInput) {
        return 0;
    }

    /**
     * A number with the sign of {@code L(a) - L(b)}: the exact energy-difference rule of Krotov &amp;
     * Hopfield 2016 needs only that sign. It equals the difference where the difference is representable.
     */
    default double preference(double[] a, double[] b) {
        return value(a) - value(b);
    }

    /** Lagrangians that are a sum of one function per neuron, {@code L = sum_i F(x_i)}. */
    sealed interface Additive extends Lagrangian
            permits Identity, Sign, Tanh, Relu, Polynomial, RectifiedPolynomial, Exponential {

        /** {@code F(x)} of one neuron. */
        double f(double x);

        /** {@code F'(x)}, the activation of one neuron. */
        double derivative(double x);

        @Override
        default double value(double[] x) {
            double sum = 0;
            for (double v : x) {
                sum += f(v);
            }
            return sum;
        }

        @Override
        default void activation(double[] x, double[] g) {
            for (int i = 0; i < x.length; i++) {
                g[i] = derivative(x[i]);
            }
        }

        @Override
        default double preference(double[] a, double[] b) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += f(a[i]) - f(b[i]);
            }
            return sum;
        }
    }

    /** {@code L = x^2 / 2}, {@code g = x}: continuous feature neurons (Model B). */
    record Identity() implements Additive {
        public double f(double x) { return 0.5 * x * x; }
        public double derivative(double x) { return x; }
        public boolean convex() { return true; }
        public String describe() { return "identity"; }
    }

    /** {@code L = |x|}, {@code g = sign(x)}: binary spins of the classical and dense networks (Model A). */
    record Sign() implements Additive {
        public double f(double x) { return Math.abs(x); }
        public double derivative(double x) { return Math.signum(x); }
        public boolean convex() { return true; }
        public boolean binary() { return true; }
        public String describe() { return "sign"; }
    }

    /** {@code L = log cosh(beta x) / beta}, {@code g = tanh(beta x)}: graded neurons (Hopfield 1984). */
    record Tanh(double beta) implements Additive {
        public Tanh {
            Check.positiveFinite("beta", beta);
        }
        public double f(double x) {
            double a = Math.abs(beta * x);
            // log cosh(a) = a + log(1 + exp(-2a)) - log 2, finite for any a
            return (a + Math.log1p(Math.exp(-2 * a)) - Math.log(2)) / beta;
        }
        public double derivative(double x) { return Math.tanh(beta * x); }
        public boolean convex() { return true; }
        public String describe() { return "tanh beta=" + beta; }
    }

    /** {@code L = max(0, x)^2 / 2}, {@code g = max(0, x)}. */
    record Relu() implements Additive {
        public double f(double x) { return x > 0 ? 0.5 * x * x : 0; }
        public double derivative(double x) { return Math.max(0, x); }
        public boolean convex() { return true; }
        public String describe() { return "relu"; }
    }

    /** {@code F(x) = x^n}: the dense associative memory of Krotov &amp; Hopfield 2016; n = 2 is classical. */
    record Polynomial(int power) implements Additive {
        public Polynomial {
            if (power < 1) {
                throw new IllegalArgumentException("power must be at least 1, got " + power);
            }
        }
        public double f(double x) { return pow(x, power); }
        public double derivative(double x) { return power * pow(x, power - 1); }
        /** Odd powers above one bend down for negative inputs: no longer convex there. */
        public boolean convex() { return power == 1 || power % 2 == 0; }
        public String describe() { return "polynomial n=" + power; }
    }

    /** {@code F(x) = max(0, x)^n}: only positive overlaps count, so no inverted attractors. */
    record RectifiedPolynomial(int power) implements Additive {
        public RectifiedPolynomial {
            if (power < 1) {
                throw new IllegalArgumentException("power must be at least 1, got " + power);
            }
        }
        public double f(double x) { return x > 0 ? pow(x, power) : 0; }
        public double derivative(double x) { return x > 0 ? power * pow(x, power - 1) : 0; }
        public boolean convex() { return true; }
        public String describe() { return "rectified polynomial n=" + power; }
    }

    /**
     * {@code F(x) = exp(beta x) / beta}, {@code f(x) = exp(beta x)}: the exponential memory of
     * Demircigil et al. 2017. Evaluated with the largest exponent subtracted, so it never overflows.
     */
    record Exponential(double beta) implements Additive {
        public Exponential {
            Check.positiveFinite("beta", beta);
        }
        public double f(double x) { return Math.exp(beta * x) / beta; }
        public double derivative(double x) { return Math.exp(beta * x); }
        public boolean convex() { return true; }
        public String describe() { return "exponential beta=" + beta; }

        @Override
        public double value(double[] x, double logScale) {
            double sum = 0;
            for (double v : x) {
                sum += Math.exp(beta * v - logScale);
            }
            return sum / beta;
        }

        @Override
        public void activation(double[] x, double logScale, double[] g) {
            for (int i = 0; i < x.length; i++) {
                g[i] = Math.exp(beta * x[i] - logScale);
            }
        }

        @Override
        public double logScaleFor(double maxInput) {
            return beta * maxInput;
        }

        @Override
        public double preference(double[] a, double[] b) {
            double shift = beta * Math.max(max(a), max(b));
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += Math.exp(beta * a[i] - shift) - Math.exp(beta * b[i] - shift);
            }
            return sum;
        }
    }

    /**
     * {@code L = log(sum_mu exp(beta x_mu)) / beta}, {@code g = softmax(beta x)}: memory neurons of the
     * modern Hopfield network (Ramsauer et al. 2020), Model B. Computed with the maximum subtracted.
     */
    record Softmax(double beta) implements Lagrangian {
        public Softmax {
            Check.positiveFinite("beta", beta);
        }
        public double value(double[] x) {
            return logSumExp(x) / beta;
        }
        public void activation(double[] x, double[] g) {
            double sum = ShiftedExp.fill(x, beta, max(x), g);
            for (int i = 0; i < x.length; i++) {
                g[i] /= sum;
            }
        }
        public double preference(double[] a, double[] b) {
            return (logSumExp(a) - logSumExp(b)) / beta;
        }
        private double logSumExp(double[] x) {
            double m = max(x);
            return beta * m + Math.log(ShiftedExp.sum(x, beta, m));
        }
        public boolean convex() { return true; }
        public String describe() { return "softmax beta=" + beta; }
    }

    /** {@code L = sqrt(sum x^2)}, {@code g = x / |x|}: unit-length feature activations (Model C). */
    record Spherical() implements Lagrangian {
        public double value(double[] x) {
            return norm(x);
        }
        public void activation(double[] x, double[] g) {
            double n = norm(x);
            for (int i = 0; i < x.length; i++) {
                g[i] = n == 0 ? 0 : x[i] / n;
            }
        }
        private static double norm(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return Math.sqrt(s);
        }
        public boolean convex() { return true; }
        public String describe() { return "spherical"; }
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double pow(double x, int n) {
        double r = 1;
        for (int i = 0; i < n; i++) {
            r *= x;
        }
        return r;
    }
}
