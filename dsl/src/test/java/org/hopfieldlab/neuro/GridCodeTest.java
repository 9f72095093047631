package org.hopfieldlab.neuro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GridCodeTest {

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The documented kernel, written out from the wave vectors: mean over m, j of cos(k_{m,j} . d). */
    private static double kernel(GridCode code, double dx, double dy) {
        double s = 0;
        for (int m = 0; m < code.modules(); m++) {
            double magnitude = 2 * Math.PI / (code.smallestScale() * Math.pow(code.scaleRatio(), m));
            for (int j = 0; j < 3; j++) {
                double theta = Math.toRadians(code.orientation() + 60 * j);
                s += Math.cos(magnitude * (Math.cos(theta) * dx + Math.sin(theta) * dy));
            }
        }
        return s / (3 * code.modules());
    }

    @Test
    void codesHaveUnitLengthAndOverlapsFollowTheCosineKernel() {
        GridWorld world = GridWorld.grid(9, 12);
        GridCode code = new GridCode(3, 2.5, 1.5, 20);
        assertEquals(18, code.dimension());
        double[][] g = code.encodeAll(world);
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 200; trial++) {
            int p = random.nextInt(world.places());
            int q = random.nextInt(world.places());
            assertEquals(1.0, dot(g[p], g[p]), 1e-12);
            double dx = world.col(q) - world.col(p);
            double dy = world.row(q) - world.row(p);
            assertEquals(kernel(code, dx, dy), dot(g[p], g[q]), 1e-12);
        }
    }

    @Test
    void theStandardCodeSinglesOutEachPlaceOfASmallEnvironment() {
        GridWorld world = GridWorld.grid(10, 10);
        double[][] g = GridCode.standard().encodeAll(world);
        double largestOther = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < world.places(); p++) {
            for (int q = 0; q < world.places(); q++) {
                if (p != q) {
                    largestOther = Math.max(largestOther, dot(g[p], g[q]));
                }
            }
        }
        // a place's own overlap is 1; the next best must be clearly lower for memories to be local
        assertTrue(largestOther < 0.7, "largest overlap of two different places: " + largestOther);
    }

    @Test
    void onATorusTheCodeHasNoSeam() {
        GridWorld torus = GridWorld.torus(12, 12);
        GridCode code = GridCode.standard().realigned(5);
        double[][] g = code.encodeAll(torus);
        SplittableRandom random = new SplittableRandom(2);
        for (int trial = 0; trial < 200; trial++) {
            int p = random.nextInt(torus.places());
            int q = random.nextInt(torus.places());
            int shiftRows = random.nextInt(12);
            int shiftCols = random.nextInt(12);
            int ps = torus.place((torus.row(p) + shiftRows) % 12, (torus.col(p) + shiftCols) % 12);
            int qs = torus.place((torus.row(q) + shiftRows) % 12, (torus.col(q) + shiftCols) % 12);
            // moving both places by the same step, across the wrap-around or not, keeps their overlap
            assertEquals(dot(g[p], g[q]), dot(g[ps], g[qs]), 1e-9);
        }
    }

    @Test
    void realignmentShiftsTheCodeButKeepsItsOverlaps() {
        GridWorld world = GridWorld.grid(8, 8);
        GridCode code = GridCode.standard();
        GridCode moved = code.realigned(3);
        assertEquals(moved, code.realigned(3), "same seed, same realignment");
        double[][] g = code.encodeAll(world);
        double[][] h = moved.encodeAll(world);
        assertTrue(Math.abs(dot(g[0], h[0])) < 0.9, "the realigned code differs at a place");
        for (int p = 0; p < world.places(); p += 7) {
            for (int q = 0; q < world.places(); q += 5) {
                assertEquals(dot(g[p], g[q]), dot(h[p], h[q]), 1e-12);
            }
        }
    }

    @Test
    void badParametersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GridCode(0, 3, 1.4, 0));
        assertEquals("modules must be between 1 and 64, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GridCode(2, 1, 1.4, 0));
        assertEquals("smallestScale must be a finite period greater than 1 place, got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GridCode(2, 3, 0.5, 0));
        assertEquals("scaleRatio must be finite and at least 1, got 0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GridCode.standard().scale(4));
        assertEquals("module must be in [0, 4), got 4", e.getMessage());
    }
}
