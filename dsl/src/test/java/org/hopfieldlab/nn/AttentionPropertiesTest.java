package org.hopfieldlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class AttentionPropertiesTest {

    /** Every output row is a convex combination of the values: each coordinate within the values' range. */
    @Property(tries = 200, seed = "20261125")
    void lookupOutputLiesInTheConvexHullOfTheValues(@ForAll @IntRange(min = 1, max = 12) int memories,
            @ForAll @DoubleRange(min = 0.01, max = 200) double beta, @ForAll long seed) {
        double[][] keys = Reference.random(memories, 4, seed);
        double[][] values = Reference.random(memories, 3, seed + 1);
        double[][] queries = Reference.random(5, 4, seed + 2);
        double[][] z = new HopfieldLookup(keys, values, beta).forward(queries);
        for (double[] row : z) {
            for (int c = 0; c < 3; c++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double[] v : values) {
                    min = Math.min(min, v[c]);
                    max = Math.max(max, v[c]);
                }
                assertTrue(row[c] >= min - 1e-12 && row[c] <= max + 1e-12, row[c] + " outside [" + min + ", " + max + "]");
            }
        }
    }

    /** Keys differing only where every query is zero are indistinguishable to attention. */
    @Property(tries = 100, seed = "20261125")
    void keysDifferingOnlyWhereEveryQueryIsZeroLookAlike(@ForAll long seed,
            @ForAll @DoubleRange(min = -5, max = 5) double offset) {
        // Queries are zero in the last coordinate, so adding the same offset to every key there leaves the scores alone.
        double[][] keys = Reference.random(6, 4, seed);
        double[][] queries = Reference.random(3, 4, seed + 1);
        for (double[] q : queries) {
            q[3] = 0;
        }
        double[][] shifted = Reference.copy(keys);
        for (double[] k : shifted) {
            k[3] += offset;
        }
        double[][] values = Reference.random(6, 2, seed + 2);
        double[][] a = new HopfieldLookup(keys, values, 1.5).forward(queries);
        double[][] b = new HopfieldLookup(shifted, values, 1.5).forward(queries);
        assertTrue(Reference.maxAbsDifference(a, b) < 1e-12);
    }
}
