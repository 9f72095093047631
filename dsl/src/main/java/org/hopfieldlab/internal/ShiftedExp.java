package org.hopfieldlab.internal;

/**
 * {@code exp(beta (x_i - shift))} over a whole array, and its sum: the work of a softmax layer's activation
 * and of its log-sum-exp, which a network's recall evaluates at every step over all K memories. The vector
 * path uses the softmax kernels' exp (within about 1 ulp of {@link Math#exp}; results below the smallest normal
 * double, under 2.3e-308, are 0, far below the rounding of a sum that is at least 1); callers pass
 * {@code shift >= max x}, so every exponent is at most 0 and nothing overflows.
 */
public final class ShiftedExp {

    private ShiftedExp() {
    }

    /** {@code out[i] = exp(beta (x[i] - shift))}; returns the sum of {@code out}. {@code out} may be {@code x}. */
    public static double fill(double[] x, double beta, double shift, double[] out) {
        if (VectorSupport.enabled()) {
            return ShiftedExpVector.fill(x, beta, shift, out);
        }
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.exp(beta * (x[i] - shift));
            sum += out[i];
        }
        return sum;
    }

    /** {@code sum_i exp(beta (x[i] - shift))}, nothing stored. */
    public static double sum(double[] x, double beta, double shift) {
        if (VectorSupport.enabled()) {
            return ShiftedExpVector.sum(x, beta, shift);
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(beta * (v - shift));
        }
        return sum;
    }
}
