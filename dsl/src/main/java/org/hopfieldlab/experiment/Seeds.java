package org.hopfieldlab.experiment;

/** Independent seeds for the parts of an experiment, derived from the user's one seed. */
final class Seeds {
    private Seeds() {}

    /** A well-mixed seed for part (a, b) of the experiment seeded with {@code seed} (SplitMix64 finaliser). */
    static long of(long seed, long a, long b) {
        long z = seed + 0x9E3779B97F4A7C15L * (a + 1) + 0xC2B2AE3D27D4EB4FL * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
