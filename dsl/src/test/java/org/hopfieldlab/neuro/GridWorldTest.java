package org.hopfieldlab.neuro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GridWorldTest {

    @Test
    void gridCornersHaveTwoNeighboursAndTorusPlacesFour() {
        GridWorld grid = GridWorld.grid(3, 4);
        assertArrayEquals(new int[] {4, 1}, grid.neighbours(0));
        assertArrayEquals(new int[] {1, 9, 4, 6}, grid.neighbours(5));
        GridWorld torus = GridWorld.torus(3, 4);
        assertArrayEquals(new int[] {8, 4, 3, 1}, torus.neighbours(0));
        assertEquals(2, grid.row(11));
        assertEquals(3, grid.col(11));
        assertEquals(11, grid.place(2, 3));
    }

    @Test
    void aWalkMovesOneStepAtATimeAndIsReproducible() {
        GridWorld grid = GridWorld.grid(6, 6);
        RandomWalk walk = RandomWalk.of(grid, 500, 42);
        int[] places = walk.places();
        assertEquals(501, walk.length());
        for (int t = 1; t < places.length; t++) {
            int previous = places[t - 1];
            int next = places[t];
            assertTrue(Arrays.stream(grid.neighbours(previous)).anyMatch(n -> n == next), "step " + t);
        }
        assertEquals(walk, RandomWalk.of(grid, 500, 42));
        assertNotEquals(walk, RandomWalk.of(grid, 500, 43));
        assertEquals(1.0, walk.coverage(), "500 steps cover a 6 x 6 grid");
        assertTrue(RandomWalk.of(grid, 5, 1).coverage() <= 6 / 36.0);
    }

    @Test
    void aWalkUsesEveryNeighbourAboutEquallyOften() {
        // from the centre of a torus each of the 4 moves has probability 1/4
        GridWorld torus = GridWorld.torus(5, 5);
        int[] places = RandomWalk.of(torus, 40_000, 3).places();
        int[] rowSteps = new int[3];
        for (int t = 1; t < places.length; t++) {
            int dr = Math.floorMod(torus.row(places[t]) - torus.row(places[t - 1]) + 1, 5);
            if (dr <= 2) {
                rowSteps[dr]++;
            }
        }
        // up, stay in row (left or right), down: 1/4, 1/2, 1/4 of 40000, sd about 87 to 100
        assertEquals(10_000, rowSteps[0], 500);
        assertEquals(20_000, rowSteps[1], 500);
        assertEquals(10_000, rowSteps[2], 500);
    }

    @Test
    void sensoryMapsAreSeededPerEnvironment() {
        GridWorld grid = GridWorld.grid(10, 10);
        SensoryMap a = SensoryMap.random(grid, 16, 1);
        assertEquals(a, SensoryMap.random(grid, 16, 1));
        SensoryMap b = SensoryMap.random(grid, 16, 2);
        int same = 0;
        for (int p = 0; p < grid.places(); p++) {
            same += a.observation(p) == b.observation(p) ? 1 : 0;
        }
        // two environments agree at a place with probability 1/16: about 6 of 100, sd 2.4
        assertTrue(same <= 16, "places with the same observation: " + same);
        double[] oneHot = a.oneHot(7);
        assertEquals(1.0, oneHot[a.observation(7)]);
        assertEquals(1.0, Arrays.stream(oneHot).sum());
    }

    @Test
    void badInputIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GridWorld.grid(1, 5));
        assertEquals("rows must be at least 2, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GridWorld.grid(5, 5).place(2, 5));
        assertEquals("col must be in [0, 5), got 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RandomWalk.of(GridWorld.grid(5, 5), -1, 1));
        assertEquals("steps must be at least 0, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SensoryMap.random(GridWorld.grid(5, 5), 1, 1));
        assertEquals("symbols must be at least 2, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SensoryMap(GridWorld.grid(2, 2), 3, new int[] {0, 1, 2, 3}));
        assertEquals("observation at place 3 must be in [0, 3), got 3", e.getMessage());
    }
}
