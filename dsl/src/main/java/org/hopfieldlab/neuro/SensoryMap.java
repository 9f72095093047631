package org.hopfieldlab.neuro;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What the agent sees at each place of one environment: one of {@code symbols} observations, drawn
 * uniformly at random per place. A new environment is a new seed; the layout of places (and so the
 * grid code) stays the same, only the sensory map changes, as in the remapping experiments.
 *
 * <p>Feature neurons carry an observation as a one-hot vector of length {@code symbols}.
 *
 * @param world   the environment's layout
 * @param symbols number of distinct observations
 * @param at      the observation at each place, in [0, symbols)
 */
public record SensoryMap(GridWorld world, int symbols, int[] at) {

    /** Copies and checks the observations. */
    public SensoryMap {
        if (world == null) {
            throw new IllegalArgumentException("world must not be null");
        }
        if (symbols < 2) {
            throw new IllegalArgumentException("symbols must be at least 2, got " + symbols);
        }
        if (at == null || at.length != world.places()) {
            throw new IllegalArgumentException("a sensory map needs one observation per place: "
                    + (at == null ? "null" : at.length + " observations") + ", world has " + world.places() + " places");
        }
        at = at.clone();
        for (int p = 0; p < at.length; p++) {
            if (at[p] < 0 || at[p] >= symbols) {
                throw new IllegalArgumentException("observation at place " + p + " must be in [0, " + symbols + "), got " + at[p]);
            }
        }
    }

    /** A random environment: each place shows a uniformly drawn symbol. */
    public static SensoryMap random(GridWorld world, int symbols, long seed) {
        if (world == null) {
            throw new IllegalArgumentException("world must not be null");
        }
        if (symbols < 2) {
            throw new IllegalArgumentException("symbols must be at least 2, got " + symbols);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] at = new int[world.places()];
        for (int p = 0; p < at.length; p++) {
            at[p] = random.nextInt(symbols);
        }
        return new SensoryMap(world, symbols, at);
    }

    /** The observations, one per place (a copy). */
    @Override
    public int[] at() {
        return at.clone();
    }

    /** The observation at one place. */
    public int observation(int place) {
        world.checkPlace(place);
        return at[place];
    }

    /** The observation at one place as a one-hot vector of length {@code symbols}. */
    public double[] oneHot(int place) {
        double[] v = new double[symbols];
        v[observation(place)] = 1.0;
        return v;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SensoryMap m && m.world.equals(world) && m.symbols == symbols && Arrays.equals(m.at, at);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(at) * 31 + symbols;
    }

    @Override
    public String toString() {
        return "SensoryMap[" + symbols + " symbols on " + world + "]";
    }
}
