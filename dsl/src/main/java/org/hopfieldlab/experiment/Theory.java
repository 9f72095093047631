package org.hopfieldlab.experiment;

import org.hopfieldlab.model.Check;

/**
 * The papers' predictions, computed here so that a measurement can be drawn beside them.
 *
 * <ul>
 *   <li>{@link #agsOverlap}, {@link #agsCriticalLoad}: the zero-temperature retrieval overlap of the
 *       classical network (Amit, Gutfreund &amp; Sompolinsky 1985), solved numerically.</li>
 *   <li>{@link #denseCapacity}: Krotov &amp; Hopfield 2016, {@code K ~ N^(n-1) / (2 (2n-3)!! ln N)}.</li>
 *   <li>{@link #exponentialCapacity}, {@link #exponentialAlphaBound}: Demircigil et al. 2017,
 *       {@code K ~ exp(alpha N)}.</li>
 * </ul>
 */
public final class Theory {

    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    /** Where g(y) below peaks: the critical load's solution; found once. */
    private static final double CRITICAL_Y = argmaxOfG();

    private Theory() {}

    // ------------------------------------------------------------------ Amit, Gutfreund, Sompolinsky 1985

    /**
     * The overlap {@code m} of the retrieval state with its pattern at load {@code alpha = K/N}, zero
     * temperature, large N (AGS 1985): {@code m = erf(y)} where {@code y} is the largest root of
     * {@code y (sqrt(2 alpha) + (2/sqrt(pi)) exp(-y^2)) = erf(y)}. Beyond the critical load there is no
     * retrieval state and this returns 0.
     *
     * @throws IllegalArgumentException if alpha is negative or not finite
     */
    public static double agsOverlap(double alpha) {
        Check.nonNegativeFinite("alpha (the load K/N)", alpha);
        if (alpha == 0) {
            return 1;
        }
        double target = Math.sqrt(2 * alpha);
        if (target > g(CRITICAL_Y)) {
            return 0;
        }
        // g falls from its peak towards 0 like 1/y: the root lies between the peak and about 2/target.
        double low = CRITICAL_Y;
        double high = 2 / target + 10;
        for (int i = 0; i < 200 && high - low > 1e-15 * high; i++) {
            double mid = 0.5 * (low + high);
            if (g(mid) > target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return erf(0.5 * (low + high));
    }

    /**
     * The largest load at which the AGS equations still have a retrieval solution: the maximum over y
     * of {@code (erf(y)/y - (2/sqrt(pi)) exp(-y^2))^2 / 2}, found numerically (the paper gives 0.138).
     */
    public static double agsCriticalLoad() {
        double peak = g(CRITICAL_Y);
        return peak * peak / 2;
    }

    /** The retrieval overlap just below the critical load (the paper gives 0.967): the jump to 0. */
    public static double agsOverlapAtCriticalLoad() {
        return erf(CRITICAL_Y);
    }

    /** sqrt(2 alpha) as a function of y along the solutions of the AGS equations. */
    private static double g(double y) {
        return erf(y) / y - TWO_OVER_SQRT_PI * Math.exp(-y * y);
    }

    private static double argmaxOfG() {
        double a = 0.05;
        double b = 5;
        double ratio = (Math.sqrt(5) - 1) / 2;
        while (b - a > 1e-12) {
            double c = b - ratio * (b - a);
            double d = a + ratio * (b - a);
            if (g(c) > g(d)) {
                b = d;
            } else {
                a = c;
            }
        }
        return 0.5 * (a + b);
    }

    /**
     * The error function, to about 1e-15: the everywhere-positive series
     * {@code erf(x) = (2/sqrt(pi)) exp(-x^2) sum_n 2^n x^(2n+1) / (1 3 5 ... (2n+1))}, which has no
     * cancellation; beyond |x| = 6 it is 1 to double precision.
     */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("erf of NaN: x must be a number");
        }
        double a = Math.abs(x);
        if (a >= 6) {
            return Math.signum(x);
        }
        double term = a;
        double sum = a;
        double twoX2 = 2 * a * a;
        for (int n = 1; n < 500 && term > 1e-17 * sum; n++) {
            term *= twoX2 / (2 * n + 1);
            sum += term;
        }
        return Math.signum(x) * TWO_OVER_SQRT_PI * Math.exp(-a * a) * sum;
    }

    // ------------------------------------------------------------------ Krotov & Hopfield 2016

    /**
     * How many random patterns a dense associative memory with {@code F(x) = x^power} on {@code n}
     * sign neurons stores such that a given pattern is a fixed point with no errors, to leading order
     * (Krotov &amp; Hopfield 2016): {@code K = n^(power-1) / (2 (2 power - 3)!! ln n)}. The criterion is
     * "one pattern, all n bits stable", the one that gives the classical {@code N / (2 ln N)} at power 2.
     */
    public static double denseCapacity(int n, int power) {
        Check.atLeast("n (number of neurons)", n, 2);
        Check.atLeast("power", power, 2);
        return Math.pow(n, power - 1) / (2 * doubleFactorial(2 * power - 3) * Math.log(n));
    }

    /**
     * The same capacity without the large-N approximation of the Gaussian tail: the K at which a given
     * pattern has all {@code n} bits stable with probability 1/2, i.e. {@code n Phi(-x) = ln 2}, where
     * {@code x^2 = n^(power-1) / (K (2 power - 3)!!)} is the squared signal-to-noise ratio of one bit's
     * update in Krotov &amp; Hopfield's derivation and Phi the normal distribution function. Using
     * {@code Phi(-x) ~ exp(-x^2/2)} instead gives {@link #denseCapacity}; at the sizes a laptop simulates
     * (N in the tens to hundreds) the two differ by a factor of about 1.5 and in their slope against N.
     */
    public static double denseCapacityFiniteN(int n, int power) {
        Check.atLeast("n (number of neurons)", n, 2);
        Check.atLeast("power", power, 2);
        double target = Math.log(2) / n;          // Phi(-x) at the threshold
        double low = 0;
        double high = 40;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (low + high);
            if (normalTail(mid) > target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double x = 0.5 * (low + high);
        return Math.pow(n, power - 1) / (x * x * doubleFactorial(2 * power - 3));
    }

    /** {@code Phi(-x) = P(Z > x)} for a standard normal Z, as {@code (1 - erf(x / sqrt 2)) / 2}. */
    static double normalTail(double x) {
        return 0.5 * (1 - erf(x / Math.sqrt(2)));
    }

    /** {@code m!! = m (m-2) (m-4) ...} down to 1. */
    static double doubleFactorial(int m) {
        double product = 1;
        for (int k = m; k > 1; k -= 2) {
            product *= k;
        }
        return product;
    }

    // ------------------------------------------------------------------ Demircigil et al. 2017

    /**
     * {@code exp(alpha n)}: the number of patterns an exponential memory {@code F(x) = exp(x)} on
     * {@code n} sign neurons retrieves (Demircigil et al. 2017), for {@code alpha} below
     * {@link #exponentialAlphaBound}.
     *
     * @throws IllegalArgumentException unless {@code 0 < alpha < ln(2)/2}
     */
    public static double exponentialCapacity(int n, double alpha) {
        Check.atLeast("n (number of neurons)", n, 1);
        double bound = Math.log(2) / 2;
        if (!(alpha > 0 && alpha < bound)) {
            throw new IllegalArgumentException("alpha must be between 0 and ln(2)/2 = " + bound
                    + " (Demircigil et al. 2017), got " + alpha);
        }
        return Math.exp(alpha * n);
    }

    /**
     * The largest exponent alpha for which {@code exp(alpha N)} patterns are retrieved from cues with a
     * fraction {@code rho} of flipped bits (Demircigil et al. 2017): {@code I(1 - 2 rho) / 2} with
     * {@code I(x) = ((1+x) ln(1+x) + (1-x) ln(1-x)) / 2}; {@code ln(2)/2} for uncorrupted cues.
     *
     * @throws IllegalArgumentException unless {@code 0 <= rho < 1/2}
     */
    public static double exponentialAlphaBound(double rho) {
        if (!(rho >= 0 && rho < 0.5)) {
            throw new IllegalArgumentException("rho (fraction of flipped bits) must be at least 0 and below 0.5, got "
                    + rho);
        }
        double x = 1 - 2 * rho;
        double i = 0.5 * ((1 + x) * Math.log(1 + x) + (x < 1 ? (1 - x) * Math.log(1 - x) : 0));
        return i / 2;
    }
}
