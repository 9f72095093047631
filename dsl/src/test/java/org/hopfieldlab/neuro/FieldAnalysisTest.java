package org.hopfieldlab.neuro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FieldAnalysisTest {

    @Test
    void peaksAreSeparateRegionsAboveAFractionOfTheMaximum() {
        double[][] twoBumps = {
            {0, 0, 0, 0, 0},
            {0, 1, 0, 0, 0},
            {0, 0.6, 0, 0.8, 0.9},
            {0, 0, 0, 0, 0},
        };
        assertEquals(2, FieldAnalysis.peakCount(twoBumps, 0.5));
        assertEquals(1, FieldAnalysis.peakCount(twoBumps, 0.95));
        double[][] diagonal = {{1, 0}, {0, 1}};
        assertEquals(2, FieldAnalysis.peakCount(diagonal, 0.5), "diagonal cells are not neighbours");
        assertEquals(0, FieldAnalysis.peakCount(new double[3][3], 0.5));
    }

    @Test
    void correlationIsPearsonsR() {
        // deviations (-1, 0, 1) and (-1, 1, 0): r = 1 / sqrt(2 * 2) = 0.5
        assertEquals(0.5, FieldAnalysis.correlation(new double[][] {{1, 2, 3}}, new double[][] {{1, 3, 2}}), 1e-12);
        double[][] a = {{0.1, 0.7}, {0.3, 0.2}};
        double[][] scaled = {{3.2, 5.6}, {4.0, 3.6}};
        assertEquals(1.0, FieldAnalysis.correlation(a, scaled), 1e-12);
        double[][] flipped = {{-0.1, -0.7}, {-0.3, -0.2}};
        assertEquals(-1.0, FieldAnalysis.correlation(a, flipped), 1e-12);
    }

    @Test
    void badMapsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldAnalysis.correlation(new double[2][2], new double[][] {{1, 2}, {3, 4}}));
        assertEquals("map a is constant, so its correlation is undefined", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FieldAnalysis.correlation(new double[][] {{1, 2}}, new double[][] {{1, 2, 3}}));
        assertEquals("maps differ in shape: 1 x 2 and 1 x 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FieldAnalysis.peakCount(new double[][] {{1, Double.NaN}}, 0.5));
        assertEquals("map contains NaN at row 0, column 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FieldAnalysis.peakCount(new double[][] {{1}}, 0));
        assertEquals("fraction must be in (0, 1], got 0.0", e.getMessage());
    }
}
