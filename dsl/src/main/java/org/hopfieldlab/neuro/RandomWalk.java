package org.hopfieldlab.neuro;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded random walk: the agent starts at a random place and, at every step, moves to one of the
 * neighbouring places chosen uniformly (it never stands still and never walks into a wall).
 *
 * @param world  where the agent walks
 * @param places the places visited, in order; {@code places[0]} is the start
 */
public record RandomWalk(GridWorld world, int[] places) {

    /** Copies the places and checks that they belong to the world. */
    public RandomWalk {
        if (world == null) {
            throw new IllegalArgumentException("world must not be null");
        }
        if (places == null || places.length == 0) {
            throw new IllegalArgumentException("a walk needs at least one place");
        }
        places = places.clone();
        for (int place : places) {
            world.checkPlace(place);
        }
    }

    /**
     * Walks {@code steps} steps from a random start.
     *
     * @param world where to walk
     * @param steps number of moves, at least 0; the walk visits {@code steps + 1} places
     * @param seed  the same seed gives the same walk
     */
    public static RandomWalk of(GridWorld world, int steps, long seed) {
        if (world == null) {
            throw new IllegalArgumentException("world must not be null");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be at least 0, got " + steps);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] visited = new int[steps + 1];
        visited[0] = random.nextInt(world.places());
        for (int t = 1; t <= steps; t++) {
            int[] next = world.neighbours(visited[t - 1]);
            visited[t] = next[random.nextInt(next.length)];
        }
        return new RandomWalk(world, visited);
    }

    /** The places visited, in order (a copy). */
    @Override
    public int[] places() {
        return places.clone();
    }

    /** Number of places in the walk (moves + 1). */
    public int length() {
        return places.length;
    }

    /** For every place of the world, whether the walk went through it. */
    public boolean[] visited() {
        boolean[] seen = new boolean[world.places()];
        for (int place : places) {
            seen[place] = true;
        }
        return seen;
    }

    /** Fraction of the world's places the walk went through. */
    public double coverage() {
        int n = 0;
        for (boolean seen : visited()) {
            if (seen) {
                n++;
            }
        }
        return n / (double) world.places();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RandomWalk w && w.world.equals(world) && Arrays.equals(w.places, places);
    }

    @Override
    public int hashCode() {
        return 31 * world.hashCode() + Arrays.hashCode(places);
    }

    @Override
    public String toString() {
        return String.format("RandomWalk[%d steps in %s, coverage %.2f]", places.length - 1, world, coverage());
    }
}
