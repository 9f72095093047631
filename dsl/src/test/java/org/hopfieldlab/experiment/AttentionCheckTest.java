package org.hopfieldlab.experiment;

import static org.hopfieldlab.dsl.Hopfield.randomPatterns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttentionCheckTest {

    @Test
    void oneNetworkUpdateIsAttention() {
        double[][] keys = randomPatterns(12, 16, 3);
        double[][] queries = randomPatterns(5, 16, 4);
        for (double beta : new double[] {0.05, 0.25, 1 / Math.sqrt(16), 2}) {
            AttentionCheck check = AttentionCheck.of(keys, queries, beta);
            assertTrue(check.maxDifference() < 1e-12, check.toString());
            double[][] step = check.networkStep();
            double[][] attention = check.attention();
            assertEquals(5, step.length);
            double recomputed = 0;
            for (int q = 0; q < 5; q++) {
                for (int i = 0; i < 16; i++) {
                    recomputed = Math.max(recomputed, Math.abs(step[q][i] - attention[q][i]));
                }
            }
            assertEquals(recomputed, check.maxDifference(), 0);
        }
        // Not a vacuous comparison: the update moved the state away from the query.
        AttentionCheck check = AttentionCheck.of(keys, queries, 0.05);
        assertTrue(Math.abs(check.networkStep()[0][0] - queries[0][0]) > 0.1);
    }

    @Test
    void mismatchedQueryIsNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> AttentionCheck.of(randomPatterns(3, 4, 1), randomPatterns(1, 5, 1), 1));
        assertEquals("query 0 has 5 values, the patterns have 4", e.getMessage());
    }
}
