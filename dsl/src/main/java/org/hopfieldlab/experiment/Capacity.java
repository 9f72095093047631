package org.hopfieldlab.experiment;

import static org.hopfieldlab.dsl.Hopfield.network;
import static org.hopfieldlab.dsl.Hopfield.sign;

import java.util.Arrays;
import org.hopfieldlab.data.Corruption;
import org.hopfieldlab.data.Patterns;
import org.hopfieldlab.dsl.Hopfield;
import org.hopfieldlab.model.Check;
import org.hopfieldlab.model.Convergence;
import org.hopfieldlab.model.Network;

/**
 * Storage capacity measured on the library's own networks, beside the theory of {@link Theory}.
 * Every experiment stores fresh random +1/-1 patterns in each trial, is seeded, and runs in seconds
 * at the sizes of the examples; the sizes are parameters.
 */
public final class Capacity {

    /** Patterns probed per network when a recall runs to convergence: enough for a mean, bounded in cost. */
    static final int PROBES_PER_NETWORK = 30;

    private Capacity() {}

    // ------------------------------------------------------------------ classical

    /**
     * The classical network (Hopfield 1982, {@code classical(n, K)}, asynchronous updates): at each
     * load {@code alpha = K/n}, start at stored patterns (up to 30 per network: the patterns are random,
     * so the first 30 are a fair sample) and run to a fixed point; the mean overlap
     * {@code xi . sigma / n} of the final state with the starting pattern, beside the AGS theory.
     *
     * @param n number of neurons (e.g. 400: a few seconds for ten loads and two trials)
     * @param loads loads K/N, each positive; K = round(load * n), at least 1
     * @param trials independent networks per load
     * @param seed seed of patterns and update orders
     */
    public static CapacityCurve classical(int n, double[] loads, int trials, long seed) {
        Check.atLeast("n (number of neurons)", n, 2);
        Curves.requireNonEmpty("loads", loads);
        Check.atLeast("trials", trials, 1);
        int[] ks = new int[loads.length];
        for (int i = 0; i < loads.length; i++) {
            Check.positiveFinite("load " + i, loads[i]);
            ks[i] = Math.max(1, (int) Math.round(loads[i] * n));
        }
        double[] measured = new double[loads.length];
        double[] theory = new double[loads.length];
        for (int i = 0; i < loads.length; i++) {
            double sum = 0;
            int count = 0;
            for (int t = 0; t < trials; t++) {
                long s = Seeds.of(seed, i, t);
                double[][] patterns = Patterns.random(ks[i], n, s);
                Network net = Hopfield.classical(n, ks[i]).seed(s).build().store(patterns);
                int probes = Math.min(ks[i], PROBES_PER_NETWORK);
                for (int p = 0; p < probes; p++) {
                    sum += Curves.dot(net.recall(patterns[p]).state(), patterns[p]) / n;
                    count++;
                }
            }
            measured[i] = sum / count;
            theory[i] = Theory.agsOverlap((double) ks[i] / n);
        }
        return new CapacityCurve(n, loads, ks, measured, theory, trials);
    }

    // ------------------------------------------------------------------ dense (Krotov & Hopfield 2016)

    /** {@link #dense(int, int, int[], double, int, long)} with cues that have 10% of their bits flipped. */
    public static DenseCapacity dense(int n, int power, int[] ks, int trials, long seed) {
        return dense(n, power, ks, 0.1, trials, seed);
    }

    /**
     * A dense associative memory {@code dense(n, K, power)} for each K: the fraction of all stored
     * patterns that are fixed points (no bit flips in a full asynchronous sweep started at the
     * pattern), and the fraction of cues with {@code corruption} of their bits flipped that recall
     * their pattern exactly.
     */
    public static DenseCapacity dense(int n, int power, int[] ks, double corruption, int trials, long seed) {
        Check.atLeast("n (number of neurons)", n, 2);
        Check.atLeast("power", power, 2);
        Curves.requireNonEmpty("pattern counts ks", ks);
        Check.fraction("corruption", corruption);
        Check.atLeast("trials", trials, 1);
        for (int i = 0; i < ks.length; i++) {
            Check.atLeast("ks[" + i + "] (number of patterns)", ks[i], 1);
        }
        double[] stable = new double[ks.length];
        double[] retrieved = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            stable[i] = stableFraction(n, power, ks[i], trials, Seeds.of(seed, i, -1));
            retrieved[i] = retrievedFraction(denseFactory(n, power), n, ks[i], corruption, trials,
                    Seeds.of(seed, i, -2));
        }
        return new DenseCapacity(n, power, ks, stable, retrieved, corruption, Theory.denseCapacity(n, power), trials);
    }

    /**
     * The measured capacity of {@code dense(n, K, power)} for each n: the largest K at which at least
     * half of the stored patterns are fixed points (every bit stable), found by doubling K and then
     * bisecting; and the exponent of its growth with n, beside the theory's (Krotov &amp; Hopfield
     * 2016: {@code N^(power-1) / (2 (2 power-3)!! ln N)}, whose criterion, a given pattern stable with
     * no errors, is what "at least half of the patterns are fixed points" measures).
     *
     * @param ns at least two sizes, e.g. {20, 30, 40, 60} for power 3 (seconds)
     */
    public static DenseScaling denseScaling(int power, int[] ns, int trials, long seed) {
        Check.atLeast("power", power, 2);
        Curves.requireNonEmpty("sizes ns", ns);
        if (ns.length < 2) {
            throw new IllegalArgumentException("an exponent needs at least two sizes ns, got " + ns.length);
        }
        Check.atLeast("trials", trials, 1);
        double[] measured = new double[ns.length];
        double[] theory = new double[ns.length];
        double[] logN = new double[ns.length];
        double[] logMeasured = new double[ns.length];
        double[] logCorrected = new double[ns.length];
        double[] logTheory = new double[ns.length];
        double[] finiteN = new double[ns.length];
        double[] logFiniteN = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            Check.atLeast("ns[" + i + "] (number of neurons)", ns[i], 4);
            if (i > 0 && ns[i] <= ns[i - 1]) {
                throw new IllegalArgumentException("sizes ns must increase, got " + ns[i - 1] + " then " + ns[i]);
            }
            measured[i] = maxStablePatterns(ns[i], power, trials, Seeds.of(seed, ns[i], power));
            theory[i] = Theory.denseCapacity(ns[i], power);
            logN[i] = Math.log(ns[i]);
            logMeasured[i] = Math.log(measured[i]);
            logCorrected[i] = Math.log(measured[i] * Math.log(ns[i]));
            logTheory[i] = Math.log(theory[i]);
            finiteN[i] = Theory.denseCapacityFiniteN(ns[i], power);
            logFiniteN[i] = Math.log(finiteN[i]);
        }
        return new DenseScaling(power, ns, measured, theory, Curves.slope(logN, logMeasured),
                Curves.slope(logN, logCorrected), Curves.slope(logN, logTheory), finiteN,
                Curves.slope(logN, logFiniteN), trials);
    }

    /** The largest K with a stable fraction of at least 1/2: doubling, then bisection. */
    static int maxStablePatterns(int n, int power, int trials, long seed) {
        int good = 1;   // one pattern is always a fixed point
        int bad = 2;
        while (stableFraction(n, power, bad, trials, Seeds.of(seed, bad, 0)) >= 0.5) {
            good = bad;
            bad *= 2;
        }
        while (bad - good > 1) {
            int mid = (good + bad) >>> 1;
            if (stableFraction(n, power, mid, trials, Seeds.of(seed, mid, 0)) >= 0.5) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        return good;
    }

    /** Fraction of all stored patterns that no sweep of asynchronous updates changes. */
    static double stableFraction(int n, int power, int k, int trials, long seed) {
        int stable = 0;
        for (int t = 0; t < trials; t++) {
            long s = Seeds.of(seed, t, 1);
            double[][] patterns = Patterns.random(k, n, s);
            // One sweep: it converges (no flips) exactly when the pattern is a fixed point.
            Network net = Hopfield.dense(n, k, power).seed(s).build().store(patterns).with(new Convergence(0.5, 1));
            for (double[] pattern : patterns) {
                if (net.recall(pattern).converged()) {
                    stable++;
                }
            }
        }
        return (double) stable / ((long) k * trials);
    }

    // ------------------------------------------------------------------ exponential (Demircigil et al. 2017)

    /**
     * An exponential memory ({@code F(x) = exp(x)}) on {@code n} sign neurons for each K, e.g. n = 32
     * and K up to 8 n: the fraction of cues with {@code corruption} of their bits flipped that recall
     * their pattern exactly, beside the theory's capacity {@code exp(alpha n)}.
     */
    public static ExponentialCapacity exponential(int n, int[] ks, double corruption, int trials, long seed) {
        Check.atLeast("n (number of neurons)", n, 2);
        Curves.requireNonEmpty("pattern counts ks", ks);
        if (!(corruption >= 0 && corruption < 0.5)) {
            throw new IllegalArgumentException("corruption (fraction of flipped bits) must be at least 0 and below 0.5,"
                    + " got " + corruption);
        }
        Check.atLeast("trials", trials, 1);
        double[] retrieved = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            Check.atLeast("ks[" + i + "] (number of patterns)", ks[i], 1);
            retrieved[i] = retrievedFraction(exponentialFactory(n), n, ks[i], corruption, trials, Seeds.of(seed, i, -3));
        }
        double alpha = Theory.exponentialAlphaBound(corruption);
        return new ExponentialCapacity(n, ks, retrieved, corruption, alpha, Math.exp(alpha * n), trials);
    }

    // ------------------------------------------------------------------ shared

    /** An unstored network with room for k patterns. */
    interface NetworkFactory {
        Network build(int k);
    }

    private static NetworkFactory exponentialFactory(int n) {
        return k -> network().feature(n, sign()).memory(k, Hopfield.exponential()).build();
    }

    private static NetworkFactory denseFactory(int n, int power) {
        return k -> Hopfield.dense(n, k, power).build();
    }

    /** Fraction of corrupted cues (up to {@link #PROBES_PER_NETWORK} per network) that recall their pattern with every bit right. */
    static double retrievedFraction(NetworkFactory factory, int n, int k, double corruption, int trials, long seed) {
        int hits = 0;
        int count = 0;
        for (int t = 0; t < trials; t++) {
            long s = Seeds.of(seed, t, 2);
            double[][] patterns = Patterns.random(k, n, s);
            Network net = factory.build(k).withSeed(s).store(patterns);
            int probes = Math.min(k, PROBES_PER_NETWORK);
            for (int p = 0; p < probes; p++) {
                double[] cue = Corruption.flip(patterns[p], corruption, Seeds.of(s, p, 3));
                if (Arrays.equals(net.recall(cue).state(), patterns[p])) {
                    hits++;
                }
                count++;
            }
        }
        return (double) hits / count;
    }
}
