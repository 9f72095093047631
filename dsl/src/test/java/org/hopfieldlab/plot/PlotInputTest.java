package org.hopfieldlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input is refused where it enters, with a message that names the value and what was expected. */
class PlotInputTest {

    private static void refused(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    void energies() {
        refused("energies contains NaN at step 2; every value must be finite",
                () -> Plots.energyTrace(new double[] {0, -1, Double.NaN}));
        refused("energies is empty; expected at least one value", () -> Plots.energyTrace(new double[0]));
        refused("energies must not be null", () -> Plots.energyTrace((double[]) null));
        refused("traces is empty; expected at least one named energy trace", () -> Plots.energyTrace(Map.of()));
        Map<String, double[]> blank = new LinkedHashMap<>();
        blank.put(" ", new double[] {1});
        refused("trace name must be a non-empty text, got \" \"", () -> Plots.energyTrace(blank));
    }

    @Test
    void overlaps() {
        refused("labelled must be between 0 and 2 (the number of patterns), got 3",
                () -> Plots.overlaps(new double[][] {{1, 0}}, 3));
        refused("overlapPerStep step 1 has 1 values, step 0 has 2; every step needs the same number of patterns",
                () -> Plots.overlaps(new double[][] {{1, 0}, {1}}, 1));
        refused("overlapPerStep has no rows; expected at least one step", () -> Plots.overlaps(new double[0][], 0));
    }

    @Test
    void attention() {
        refused("topK must be between 1 and 3 (the number of memories), got 0",
                () -> Plots.attention(new double[] {0.2, 0.3, 0.5}, 0));
        refused("weights must be non-negative (a softmax output), got -0.1 at memory 1",
                () -> Plots.attention(new double[] {0.6, -0.1, 0.5}, 1));
        refused("weights contains Infinity at query 0, memory 1; every value must be finite",
                () -> Plots.attention(new double[][] {{0.5, Double.POSITIVE_INFINITY}}));
    }

    @Test
    void heatmaps() {
        refused("rowLabels has 1 entries, expected 2 (one per state)",
                () -> Plots.heatStrips(new double[][] {{1}, {-1}}, new String[] {"a"}));
        refused("title must be a non-empty text, got null", () -> Plots.heatmap(new double[][] {{1}}, null, "x", "y"));
        refused("matrix row 0 is empty; expected at least one column",
                () -> Plots.heatmap(new double[][] {{}}, "t", "x", "y"));
    }

    @Test
    void capacityAndBasins() {
        refused("measured has 2 values, loads has 3; they must match one to one",
                () -> Plots.capacity(new double[] {0.1, 0.2, 0.3}, new double[] {1, 0.5}, a -> a, "t"));
        refused("theory 't' gave NaN at load 0.1; it must be finite over the measured loads 0.1 to 0.1",
                () -> Plots.capacity(new double[] {0.1}, new double[] {1}, a -> Double.NaN, "t"));
        refused("loads must be non-negative (K/N), got -0.1 at point 0",
                () -> Plots.capacity(new double[] {-0.1, 0.2}, new double[] {1, 0.5}, a -> a, "t"));
        refused("retrieval rate of 'net' must lie between 0 and 1, got 1.5 at point 1",
                () -> Plots.basins(new double[] {0, 0.1}, new double[] {1, 1.5}, "net"));
        refused("corruption must lie between 0 and 1, got 2.0 at point 1",
                () -> Plots.basins(new double[] {0, 2}, new double[] {1, 1}, "net"));
    }

    @Test
    void landscape() {
        refused("xMin and xMax must be finite with xMin < xMax, got 1.0 and 1.0",
                () -> Plots.energyLandscape((x, y) -> 0, 1, 1, 0, 1, 10, null));
        refused("resolution must be between 2 and 500 grid points per axis, got 1",
                () -> Plots.energyLandscape((x, y) -> 0, 0, 1, 0, 1, 1, null));
        refused("energy gave Infinity at (0.0, 0.0); it must be finite over the whole rectangle",
                () -> Plots.energyLandscape((x, y) -> 1 / (x * x + y * y), 0, 1, 0, 1, 3, null));
        refused("trajectory points have 3 coordinates, expected 2 (x and y)",
                () -> Plots.energyLandscape((x, y) -> 0, 0, 1, 0, 1, 3, new double[][] {{0, 0, 0}}));
    }

    @Test
    void placeFields() {
        refused("map of neuron 1 is 2 x 1, neuron 0's is 1 x 1; every map must have the same shape",
                () -> Plots.placeFields(new double[][][] {{{1}}, {{1}, {2}}}, null));
        refused("titles entry 0 is null; use \"\" for no label",
                () -> Plots.placeFields(new double[][][] {{{1}}}, new String[] {null}));
        refused("maps is empty; expected at least one neuron's map", () -> Plots.placeFields(new double[0][][], null));
    }

    @Test
    void imagesAndRetrievalMaps() {
        refused("images have 5 values, but shape 2 x 2 needs 4",
                () -> ImageGrid.of(new double[][] {{1, 2, 3, 4, 5}}, 2, 2, 1, null));
        refused("columns must be between 1 and 1 (the number of images), got 2",
                () -> ImageGrid.of(new double[][] {{1, 2, 3, 4}}, 2, 2, 2, null));
        refused("image shape must be at least 1 x 1, got 0 x 4",
                () -> ImageGrid.of(new double[][] {{1, 2, 3, 4}}, 0, 4, 1, null));
        refused("image shape 28 x 27 does not fit patterns of 784 values; give rows * cols = 784, or 0 x 0 for heat strips",
                () -> RetrievalMap.of(new double[784], null, new double[784], null, 28, 27));
        refused("result has 3 values, query has 4; they must match one to one",
                () -> RetrievalMap.of(new double[4], null, new double[3], null));
        refused("results has 1 rows, queries has 2; expected one per query",
                () -> RetrievalMap.batch(new double[2][4], new double[1][4], null, 2, 2));
        refused("a batch retrieval map needs image patterns: shape 0 x 0 must hold the 4 values of a pattern",
                () -> RetrievalMap.batch(new double[1][4], new double[1][4], null, 0, 0));
        refused("figure must not be null", () -> FigureDisplay.of(null));
    }
}
