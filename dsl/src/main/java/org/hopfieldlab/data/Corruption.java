package org.hopfieldlab.data;

import java.util.SplittableRandom;

/**
 * Damaged copies of a pattern, the cues from which an associative memory should recall the original.
 *
 * <p>Every method returns a new array and leaves its argument untouched. Randomness is seeded.
 */
public final class Corruption {

    private Corruption() {}

    /**
     * Flips (negates) exactly {@code round(fraction * N)} entries of a +1/-1 pattern, chosen uniformly
     * at random without repetition, so the Hamming distance to the original is exact, not just expected.
     *
     * @param pattern  entries +1 or -1
     * @param fraction share of entries to flip, between 0 and 1
     */
    public static double[] flip(double[] pattern, double fraction, long seed) {
        Checks.plusMinusOne(pattern, "flip");
        Checks.fraction("fraction", fraction);
        double[] flipped = pattern.clone();
        int n = flipped.length;
        int flips = Checks.share(fraction, n);
        // partial Fisher-Yates: the first `flips` slots of a shuffled index list are the chosen entries
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < flips; i++) {
            int j = i + random.nextInt(n - i);
            int chosen = order[j];
            order[j] = order[i];
            order[i] = chosen;
            flipped[chosen] = -flipped[chosen];
        }
        return flipped;
    }

    /**
     * Sets the last {@code round(fraction * N)} entries to {@code value}. For an image stored row by row
     * that hides the lower part of the picture: fraction 0.5 masks the lower half.
     *
     * @param fraction share of entries to hide, between 0 and 1
     * @param value    what hidden entries become (0 for [0,1] images, -1 or 0 for +1/-1 patterns)
     */
    public static double[] mask(double[] pattern, double fraction, double value) {
        Checks.pattern(pattern);
        Checks.fraction("fraction", fraction);
        Checks.finite("mask value", value);
        double[] masked = pattern.clone();
        int hidden = Checks.share(fraction, masked.length);
        for (int i = masked.length - hidden; i < masked.length; i++) {
            masked[i] = value;
        }
        return masked;
    }

    /**
     * Adds independent Gaussian noise with mean 0 and standard deviation {@code sigma} to every entry.
     * The result is not clipped: a [0,1] image may leave that range.
     *
     * @param sigma standard deviation, zero or positive and finite
     */
    public static double[] noise(double[] pattern, double sigma, long seed) {
        Checks.pattern(pattern);
        Checks.nonNegativeFinite("sigma", sigma);
        double[] noisy = pattern.clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += sigma * random.nextGaussian();
        }
        return noisy;
    }
}
