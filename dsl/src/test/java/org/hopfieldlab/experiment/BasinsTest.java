package org.hopfieldlab.experiment;

import static org.hopfieldlab.dsl.Hopfield.classical;
import static org.hopfieldlab.dsl.Hopfield.dense;
import static org.hopfieldlab.dsl.Hopfield.modelB;
import static org.hopfieldlab.dsl.Hopfield.randomPatterns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.model.Network;
import org.junit.jupiter.api.Test;

class BasinsTest {

    private final double[][] patterns = randomPatterns(20, 200, 1);   // load 0.1
    private final double[] fractions = {0, 0.1, 0.2, 0.3, 0.4, 0.5};

    @Test
    void aCubicMemoryHasWiderBasinsThanTheClassicalNetwork() {
        Basins quadratic = Basins.of(classical(200, 20).build().store(patterns), fractions, 60, 2);
        Basins cubic = Basins.of(dense(200, 20, 3).build().store(patterns), fractions, 60, 2);
        for (Basins b : new Basins[] {quadratic, cubic}) {
            double[] r = b.retrieval();
            assertEquals(1, r[0], 0, "an uncorrupted stored pattern is a fixed point at load 0.1: " + b);
            assertTrue(r[5] < 0.05, "half the bits flipped leaves no trace of the pattern: " + b);
            for (int i = 1; i < r.length; i++) {
                assertTrue(r[i] <= r[i - 1] + 0.1, "retrieval falls with corruption: " + b);
            }
        }
        assertTrue(cubic.retrieval()[3] > quadratic.retrieval()[3] + 0.15,
                "at 30% flipped: cubic " + cubic + ", quadratic " + quadratic);
        assertEquals(1, cubic.overlap()[0], 1e-12);
    }

    @Test
    void continuousPatternsCannotBeFlipped() {
        double[][] continuous = {{0.5, 1, -1}, {1, -1, 1}};
        Network net = modelB(3, 2, 1).build().store(continuous);
        var e = assertThrows(IllegalArgumentException.class, () -> Basins.of(net, fractions, 1, 1));
        assertEquals("Basins.of flips entries of the stored patterns, which must be +1 or -1, but pattern 0 has 0.5"
                + " at index 0", e.getMessage());
        var f = assertThrows(IllegalArgumentException.class,
                () -> Basins.of(classical(200, 20).build().store(patterns), new double[] {1.5}, 1, 1));
        assertEquals("fraction 0 must be a fraction between 0 and 1, got 1.5", f.getMessage());
    }
}
