package org.hopfieldlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CorruptionTest {

    @Property(tries = 200, seed = "20261125")
    void flipChangesExactlyRoundedFractionTimesLengthEntries(@ForAll @IntRange(min = 1, max = 300) int length,
            @ForAll @DoubleRange(min = 0, max = 1) double fraction, @ForAll long seed) {
        double[] pattern = Patterns.random(1, length, seed)[0];
        double[] copy = pattern.clone();
        double[] flipped = Corruption.flip(pattern, fraction, seed);
        int changed = 0;
        for (int i = 0; i < length; i++) {
            assertEquals(Math.abs(pattern[i]), Math.abs(flipped[i]));
            changed += pattern[i] != flipped[i] ? 1 : 0;
        }
        assertEquals(Math.round(fraction * length), changed);
        assertArrayEquals(copy, pattern, "the input is untouched");
    }

    @Property(tries = 200, seed = "20261125")
    void maskSetsExactlyTheLastEntries(@ForAll @IntRange(min = 1, max = 300) int length,
            @ForAll @DoubleRange(min = 0, max = 1) double fraction) {
        double[] pattern = Patterns.random(1, length, length)[0];
        double[] masked = Corruption.mask(pattern, fraction, 0.0);
        long hidden = Math.round(fraction * length);
        for (int i = 0; i < length; i++) {
            assertEquals(i >= length - hidden ? 0.0 : pattern[i], masked[i], "index " + i);
        }
    }

    @Test
    void flipChoosesDifferentEntriesForDifferentSeedsAndCoversThePatternEvenly() {
        double[] pattern = new double[100];
        java.util.Arrays.fill(pattern, 1.0);
        int[] timesFlipped = new int[100];
        for (long seed = 0; seed < 2000; seed++) {
            double[] flipped = Corruption.flip(pattern, 0.2, seed);
            for (int i = 0; i < 100; i++) {
                timesFlipped[i] += flipped[i] < 0 ? 1 : 0;
            }
        }
        // each entry is chosen with probability 0.2: 400 of 2000 times, binomial sd sqrt(2000*0.2*0.8) ~ 17.9
        for (int i = 0; i < 100; i++) {
            assertEquals(400, timesFlipped[i], 5 * Math.sqrt(2000 * 0.2 * 0.8), "entry " + i);
        }
    }

    @Test
    void noiseHasTheRequestedSpreadAndIsSeeded() {
        double[] pattern = Patterns.random(1, 20_000, 4)[0];
        double[] noisy = Corruption.noise(pattern, 0.5, 8);
        assertArrayEquals(noisy, Corruption.noise(pattern, 0.5, 8));
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < pattern.length; i++) {
            double d = noisy[i] - pattern[i];
            sum += d;
            squares += d * d;
        }
        int n = pattern.length;
        assertEquals(0.0, sum / n, 5 * 0.5 / Math.sqrt(n));
        assertEquals(0.5, Math.sqrt(squares / n), 5 * 0.5 / Math.sqrt(2.0 * n));
        assertArrayEquals(pattern, Corruption.noise(pattern, 0.0, 8), "sigma 0 adds nothing");
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        assertEquals("flip needs a +1/-1 pattern, but index 1 holds 0.0 (binarize it first, e.g. image.binarized())",
                assertThrows(IllegalArgumentException.class, () -> Corruption.flip(new double[] {1, 0}, 0.5, 1))
                        .getMessage());
        assertEquals("fraction must be between 0 and 1, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> Corruption.mask(new double[] {1}, -0.1, 0))
                        .getMessage());
        assertEquals("pattern contains NaN at index 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Corruption.noise(new double[] {1, 1, Double.NaN}, 0.1, 1)).getMessage());
        assertEquals("sigma must be zero or positive and finite, got Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> Corruption.noise(new double[] {1}, Double.POSITIVE_INFINITY, 1)).getMessage());
        assertEquals("pattern is empty; it needs at least one value",
                assertThrows(IllegalArgumentException.class, () -> Corruption.mask(new double[0], 0.5, 0))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Corruption.mask(new double[] {1}, 0.5,
                Double.NaN)).getMessage().contains("mask value"));
    }
}
