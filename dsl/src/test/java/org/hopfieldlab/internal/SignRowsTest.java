package org.hopfieldlab.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.data.Patterns;
import org.junit.jupiter.api.Test;

/** The bit-counting product of +1/-1 rows with +1/-1 spins against the sum of products, which it must equal exactly. */
class SignRowsTest {

    @Test
    void theProductIsExactlyTheSumOfProductsForWidthsAroundTheWordSize() {
        for (int columns : new int[] {1, 63, 64, 65, 127, 128, 1000}) {
            double[][] rows = Patterns.random(37, columns, columns);
            double[] spins = Patterns.random(1, columns, columns + 1L)[0];
            SignRows packed = SignRows.of(rows);
            assertNotNull(packed, "+1/-1 rows pack");
            double[] expected = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                for (int i = 0; i < columns; i++) {
                    expected[r] += rows[r][i] * spins[i];
                }
            }
            double[] out = new double[rows.length];
            assertTrue(packed.multiply(spins, out));
            assertArrayEquals(expected, out, 0.0, "width " + columns);
        }
    }

    @Test
    void anEntryOtherThanPlusOrMinusOneIsRefused() {
        double[][] rows = Patterns.random(5, 70, 3);
        rows[4][69] = 0.5;
        assertNull(SignRows.of(rows), "a 0.5 weight: the caller multiplies");
        rows[4][69] = -0.0;
        assertNull(SignRows.of(rows), "-0.0 is not a sign");
        double[][] good = Patterns.random(5, 70, 4);
        SignRows packed = SignRows.of(good);
        double[] spins = Patterns.random(1, 70, 5)[0];
        spins[10] = 0;
        double[] out = {7, 7, 7, 7, 7};
        assertFalse(packed.multiply(spins, out), "a spin of 0 is not +1/-1");
        assertArrayEquals(new double[] {7, 7, 7, 7, 7}, out, 0.0, "out untouched when refused");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> packed.multiply(new double[69], out));
        assertTrue(e.getMessage().contains("69"), e.getMessage());
    }
}
