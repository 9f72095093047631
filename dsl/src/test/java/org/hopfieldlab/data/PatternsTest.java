package org.hopfieldlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Statistical checks with tolerances of several standard errors, on seeded data. */
class PatternsTest {

    @Test
    void randomPatternsArePlusMinusOneUnbiasedAndSeeded() {
        double[][] patterns = Patterns.random(200, 500, 1);
        assertEquals(200, patterns.length);
        assertEquals(500, patterns[0].length);
        double sum = 0;
        for (double[] pattern : patterns) {
            for (double v : pattern) {
                assertTrue(v == 1.0 || v == -1.0, "value " + v);
                sum += v;
            }
        }
        // 100,000 fair +1/-1 entries: the mean has standard error 1/sqrt(100000)
        assertEquals(0.0, sum / 100_000, 5 / Math.sqrt(100_000));
        assertTrue(Arrays.deepEquals(patterns, Patterns.random(200, 500, 1)), "same seed, same numbers");
        assertFalse(Arrays.deepEquals(patterns, Patterns.random(200, 500, 2)), "another seed, other numbers");
        // independent patterns overlap by about 0 (standard error 1/sqrt(500))
        assertEquals(0.0, overlap(patterns[0], patterns[1]), 5 / Math.sqrt(500));
    }

    @Test
    void sparsePatternsHaveTheRequestedActivity() {
        double activity = 0.1;
        double[][] patterns = Patterns.sparse(100, 1000, activity, 3);
        int ones = 0;
        for (double[] pattern : patterns) {
            for (double v : pattern) {
                assertTrue(v == 0.0 || v == 1.0, "value " + v);
                ones += (int) v;
            }
        }
        double standardError = Math.sqrt(activity * (1 - activity) / 100_000);
        assertEquals(activity, ones / 100_000.0, 5 * standardError);
        assertTrue(Arrays.deepEquals(patterns, Patterns.sparse(100, 1000, activity, 3)));
    }

    @Test
    void correlatedPatternsHaveTheRequestedMeanPairwiseOverlap() {
        int count = 30;
        int length = 4000;
        for (double target : new double[] {0.0, 0.3, 0.8}) {
            double[][] patterns = Patterns.correlated(count, length, target, 17);
            double total = 0;
            int pairs = 0;
            for (int a = 0; a < count; a++) {
                for (int b = a + 1; b < count; b++) {
                    total += overlap(patterns[a], patterns[b]);
                    pairs++;
                }
            }
            // each pair's overlap has standard deviation at most 1/sqrt(length); the pairs share a parent,
            // so their average is no tighter than one pair in the worst case
            assertEquals(target, total / pairs, 4 / Math.sqrt(length), "overlap " + target);
        }
        double[][] identical = Patterns.correlated(3, 50, 1.0, 5);
        assertArrayEquals(identical[0], identical[1]);
        assertArrayEquals(identical[0], identical[2]);
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("count must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Patterns.random(0, 10, 1)).getMessage());
        assertEquals("length must be at least 1, got -3",
                assertThrows(IllegalArgumentException.class, () -> Patterns.random(2, -3, 1)).getMessage());
        assertEquals("activity must be between 0 and 1 (both excluded), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> Patterns.sparse(2, 10, 1.0, 1)).getMessage());
        assertEquals("overlap must be between 0 and 1, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Patterns.correlated(2, 10, Double.NaN, 1))
                        .getMessage());
    }

    static double overlap(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum / a.length;
    }
}
