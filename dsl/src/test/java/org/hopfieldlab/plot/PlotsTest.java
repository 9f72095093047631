package org.hopfieldlab.plot;

import static org.hopfieldlab.plot.PlotlyScript.doubles;
import static org.hopfieldlab.plot.PlotlyScript.matrix;
import static org.hopfieldlab.plot.PlotlyScript.strings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;

class PlotsTest {

    private static final String RED = "#d62728";

    // ------------------------------------------------------------ energy

    @Test
    void energyTraceDrawsEveryStepAndMarksEachRiseInRed() {
        double[] energies = {0, -1, -0.5, -2, -1.9, -3, -3};
        PlotlyScript plot = PlotlyScript.of(Plots.energyTrace(energies));

        assertEquals(2, plot.traces().size(), "the energy line and one trace of rise markers");
        JsonNode line = plot.trace(0);
        assertEquals("scatter", line.path("type").asText());
        assertArrayEquals(energies, doubles(line.path("y")));
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6}, doubles(line.path("x")));

        // the rises, found by reading the numbers one pair at a time
        List<Integer> rises = new ArrayList<>();
        for (int t = 1; t < energies.length; t++) {
            if (energies[t] > energies[t - 1]) {
                rises.add(t);
            }
        }
        JsonNode marks = plot.trace(1);
        assertEquals("markers", marks.path("mode").asText());
        assertEquals(RED, marks.path("marker").path("color").asText());
        assertArrayEquals(rises.stream().mapToDouble(t -> t).toArray(), doubles(marks.path("x")));
        assertArrayEquals(rises.stream().mapToDouble(t -> energies[t]).toArray(), doubles(marks.path("y")));

        JsonNode notes = plot.layout().path("annotations");
        assertEquals(rises.size(), notes.size());
        for (int i = 0; i < rises.size(); i++) {
            assertEquals(rises.get(i), notes.get(i).path("x").asInt());
            assertEquals(RED, notes.get(i).path("font").path("color").asText());
            assertTrue(notes.get(i).path("text").asText().startsWith("rise +"));
        }
        assertEquals("step", plot.axisTitle("xaxis"));
        assertEquals("energy", plot.axisTitle("yaxis"));
        assertTrue(plot.layout().path("title").asText().contains("2 rises"), plot.layout().toString());
    }

    @Test
    void roundOffIsNotARiseButAnyRealIncreaseIs() {
        double base = -1234.5;
        double[] noisy = {base, base + Math.ulp(base) * 4, base - 1};
        PlotlyScript quiet = PlotlyScript.of(Plots.energyTrace(noisy));
        assertEquals(1, quiet.traces().size(), "no rise markers for round-off");
        assertTrue(quiet.layout().path("annotations").isMissingNode());

        double[] rising = {base, base + 1e-3, base - 1};
        PlotlyScript marked = PlotlyScript.of(Plots.energyTrace(rising));
        assertEquals(2, marked.traces().size());
        assertArrayEquals(new double[] {1}, doubles(marked.trace(1).path("x")));
    }

    @Test
    void overlaidEnergyTracesKeepTheCallersOrderAndMarkOnlyTheirOwnRises() {
        Map<String, double[]> traces = new LinkedHashMap<>();
        traces.put("synchronous", new double[] {0, -2, -1.5, -3});
        traces.put("asynchronous", new double[] {0, -1, -2, -3});
        PlotlyScript plot = PlotlyScript.of(Plots.energyTrace(traces));

        assertEquals("synchronous", plot.trace(0).path("name").asText());
        assertEquals("asynchronous", plot.trace(1).path("name").asText());
        assertArrayEquals(traces.get("asynchronous"), doubles(plot.trace(1).path("y")));
        assertNotEquals(plot.trace(0).path("line").path("color").asText(), plot.trace(1).path("line").path("color").asText());
        assertEquals(3, plot.traces().size(), "only the synchronous trace rises");
        assertTrue(plot.trace(2).path("name").asText().startsWith("synchronous"));
        assertArrayEquals(new double[] {2}, doubles(plot.trace(2).path("x")));
        for (int i = 0; i < 2; i++) {
            assertNotEquals(RED, plot.trace(i).path("line").path("color").asText(), "red is reserved for rises");
        }
    }

    @Test
    void manyRisesAllGetMarkersButOnlyTheFirstTenGetNotes() {
        double[] zigzag = new double[40];
        for (int t = 0; t < zigzag.length; t++) {
            zigzag[t] = -t + (t % 2 == 0 ? 0 : 3);
        }
        long rises = java.util.stream.IntStream.range(1, zigzag.length).filter(t -> zigzag[t] > zigzag[t - 1]).count();
        PlotlyScript plot = PlotlyScript.of(Plots.energyTrace(zigzag));
        assertEquals(rises, plot.trace(1).path("x").size());
        assertEquals(Plots.MAX_RISE_ANNOTATIONS, plot.layout().path("annotations").size());
    }

    @Test
    void aCallerCanRetitleTheFigureAndKeepTheRiseNotes() {
        Figure figure = Plots.energyTrace(new double[] {0, 1, -1});
        figure.setLayout(Layout.builder("My run", "iteration", "E").build());
        PlotlyScript plot = PlotlyScript.of(figure);
        assertEquals("My run", plot.layout().path("title").asText());
        assertEquals("iteration", plot.axisTitle("xaxis"));
        assertEquals(1, plot.layout().path("annotations").size());
    }

    // ------------------------------------------------------------ overlaps

    @Test
    void overlapsNameTheLargestFinalOverlapsAndGreyTheRest() {
        Random random = new Random(7);
        int steps = 12;
        int patterns = 9;
        double[][] m = new double[steps][patterns];
        for (double[] row : m) {
            for (int mu = 0; mu < patterns; mu++) {
                row[mu] = 2 * random.nextDouble() - 1;
            }
        }
        PlotlyScript plot = PlotlyScript.of(Plots.overlaps(m, 3));

        // the three largest |final overlap|, by repeated selection
        boolean[] taken = new boolean[patterns];
        List<Integer> expected = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            int best = -1;
            for (int mu = 0; mu < patterns; mu++) {
                if (!taken[mu] && (best < 0 || Math.abs(m[steps - 1][mu]) > Math.abs(m[steps - 1][best]))) {
                    best = mu;
                }
            }
            taken[best] = true;
            expected.add(best);
        }
        assertEquals(4, plot.traces().size(), "one grey trace for the rest and three named ones");
        JsonNode rest = plot.trace(0);
        assertEquals("other patterns (6)", rest.path("name").asText());
        assertEquals(6 * (steps + 1), rest.path("y").size(), "six lines of 12 points, each ended by a gap");
        for (int i = 0; i < 3; i++) {
            int mu = expected.get(i);
            JsonNode line = plot.trace(1 + i);
            assertEquals("pattern " + mu, line.path("name").asText());
            double[] column = new double[steps];
            for (int t = 0; t < steps; t++) {
                column[t] = m[t][mu];
            }
            assertArrayEquals(column, doubles(line.path("y")));
        }
        assertEquals("step", plot.axisTitle("xaxis"));
        assertEquals("overlap m", plot.axisTitle("yaxis"));
    }

    @Test
    void aMirrorImageCountsAsRetrievedWhenLabelling() {
        double[][] m = {{0.1, 0.1, 0.1}, {0.2, -0.95, 0.5}};
        PlotlyScript plot = PlotlyScript.of(Plots.overlaps(m, 1));
        assertEquals("pattern 1", plot.trace(1).path("name").asText());
    }

    // ------------------------------------------------------------ attention

    @Test
    void attentionBarsShowTheTopWeightsLargestFirstWithTheirIndices() {
        Random random = new Random(3);
        double[] w = new double[50];
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            w[k] = Math.exp(2 * random.nextGaussian());
            sum += w[k];
        }
        for (int k = 0; k < w.length; k++) {
            w[k] /= sum;
        }
        PlotlyScript plot = PlotlyScript.of(Plots.attention(w, 5));

        double[] sorted = w.clone();
        Arrays.sort(sorted);
        JsonNode bars = plot.trace(0);
        assertEquals("bar", bars.path("type").asText());
        double[] heights = doubles(bars.path("y"));
        List<String> labels = strings(bars.path("x"));
        double shown = 0;
        for (int i = 0; i < 5; i++) {
            assertEquals(sorted[w.length - 1 - i], heights[i]);
            int index = Integer.parseInt(labels.get(i).substring(1));
            assertEquals(w[index], heights[i], "label " + labels.get(i) + " names the memory of that weight");
            shown += heights[i];
        }
        assertEquals("category", plot.layout().path("xaxis").path("type").asText());
        assertEquals("memory index", plot.axisTitle("xaxis"));
        assertEquals("softmax weight", plot.axisTitle("yaxis"));
        String percent = String.format(java.util.Locale.ROOT, "%.1f%%", 100 * shown);
        assertTrue(plot.layout().path("title").asText().contains(percent), plot.layout().path("title").asText());
    }

    @Test
    void batchAttentionIsAQueriesByMemoriesHeatmap() {
        double[][] w = {{0.7, 0.2, 0.1}, {0.05, 0.05, 0.9}};
        PlotlyScript plot = PlotlyScript.of(Plots.attention(w));
        JsonNode heat = plot.trace(0);
        assertEquals("heatmap", heat.path("type").asText());
        assertArrayEquals(w, matrix(heat.path("z")));
        assertEquals(0, heat.path("zmin").asDouble());
        assertEquals("memory", plot.axisTitle("xaxis"));
        assertEquals("query", plot.axisTitle("yaxis"));
        assertEquals("reversed", plot.layout().path("yaxis").path("autorange").asText(), "query 0 on top");
    }

    // ------------------------------------------------------------ heatmaps

    @Test
    void heatStripsHaveOneLabelledRowPerStateOnASymmetricScale() {
        double[][] states = {{1, -1, 0.5}, {-1, -1, 1}, {1, 1, -2}};
        PlotlyScript plot = PlotlyScript.of(Plots.heatStrips(states, new String[] {"query", "step 1", "result"}));
        JsonNode heat = plot.trace(0);
        assertArrayEquals(states, matrix(heat.path("z")));
        assertEquals(List.of("query", "step 1", "result"), strings(heat.path("y")));
        assertEquals(-2, heat.path("zmin").asDouble());
        assertEquals(2, heat.path("zmax").asDouble());
        assertEquals("neuron", plot.axisTitle("xaxis"));
        assertEquals("state", plot.axisTitle("yaxis"));
        assertEquals("reversed", plot.layout().path("yaxis").path("autorange").asText());

        PlotlyScript unlabelled = PlotlyScript.of(Plots.heatStrips(states, null));
        assertEquals(List.of("state 0", "state 1", "state 2"), strings(unlabelled.trace(0).path("y")));
    }

    @Test
    void heatmapUsesADivergingScaleOnlyWhenTheMatrixHasBothSigns() {
        double[][] weights = {{0, 0.5}, {-0.25, 0}};
        PlotlyScript signed = PlotlyScript.of(Plots.heatmap(weights, "Weights", "neuron j", "neuron i"));
        assertEquals("RdBu", signed.trace(0).path("colorscale").asText());
        assertEquals(-0.5, signed.trace(0).path("zmin").asDouble());
        assertArrayEquals(weights, matrix(signed.trace(0).path("z")));
        assertEquals("Weights", signed.layout().path("title").asText());
        assertEquals("neuron j", signed.axisTitle("xaxis"));
        assertEquals("neuron i", signed.axisTitle("yaxis"));

        PlotlyScript positive = PlotlyScript.of(Plots.heatmap(new double[][] {{1, 2}}, "Rates", "x", "y"));
        assertEquals("Viridis", positive.trace(0).path("colorscale").asText());
    }

    @Test
    void titlesWithQuotesAndBackslashesStayReadable() {
        PlotlyScript plot = PlotlyScript.of(Plots.heatmap(new double[][] {{1}}, "it's a\\b", "x", "y"));
        assertEquals("it&#39;s a\\b", plot.layout().path("title").asText(), "html entity plotly renders as '");
    }

    // ------------------------------------------------------------ capacity and basins

    @Test
    void capacityDrawsTheMeasurementAndTheTheoryOnTheSameAxes() {
        double[] loads = {0.05, 0.1, 0.15, 0.2};
        double[] measured = {1, 0.95, 0.4, 0.05};
        DoubleUnaryOperator theory = a -> 1 / (1 + Math.exp((a - 0.138) / 0.01));
        PlotlyScript plot = PlotlyScript.of(Plots.capacity(loads, measured, theory, "Amit 0.138"));

        assertArrayEquals(loads, doubles(plot.trace(0).path("x")));
        assertArrayEquals(measured, doubles(plot.trace(0).path("y")));
        JsonNode curve = plot.trace(1);
        assertEquals("Amit 0.138", curve.path("name").asText());
        double[] x = doubles(curve.path("x"));
        double[] y = doubles(curve.path("y"));
        assertEquals(0.05, x[0]);
        assertEquals(0.2, x[x.length - 1], 1e-15);
        for (int i = 0; i < x.length; i++) {
            assertEquals(theory.applyAsDouble(x[i]), y[i], 1e-15);
        }
        assertEquals("load K/N", plot.axisTitle("xaxis"));
        assertEquals("retrieval", plot.axisTitle("yaxis"));
    }

    @Test
    void basinCurvesKeepTheirOrderAndShareTheCorruptionAxis() {
        double[] corruption = {0, 0.1, 0.2, 0.3};
        Map<String, double[]> rates = new LinkedHashMap<>();
        rates.put("N = 200", new double[] {1, 1, 0.7, 0.2});
        rates.put("N = 100", new double[] {1, 0.9, 0.5, 0.1});
        PlotlyScript plot = PlotlyScript.of(Plots.basins(corruption, rates));
        assertEquals(2, plot.traces().size());
        assertEquals("N = 200", plot.trace(0).path("name").asText());
        assertArrayEquals(rates.get("N = 100"), doubles(plot.trace(1).path("y")));
        assertArrayEquals(corruption, doubles(plot.trace(1).path("x")));
        assertEquals("retrieval rate", plot.axisTitle("yaxis"));
        assertTrue(plot.axisTitle("xaxis").startsWith("corruption"));

        PlotlyScript single = PlotlyScript.of(Plots.basins(corruption, rates.get("N = 200"), "Hebbian"));
        assertEquals("Hebbian", single.trace(0).path("name").asText());
    }

    // ------------------------------------------------------------ landscape

    @Test
    void landscapeSamplesTheEnergyOnTheGridAndOverlaysTheTrajectory() {
        java.util.function.DoubleBinaryOperator energy = (x, y) -> x * x + 2 * y * y - x * y;
        double[][] path = {{1, 1}, {0.5, 0.2}, {0, 0}};
        PlotlyScript plot = PlotlyScript.of(Plots.energyLandscape(energy, -1, 1, -2, 2, 5, path));

        JsonNode contour = plot.trace(0);
        assertEquals("contour", contour.path("type").asText());
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, doubles(contour.path("x")));
        assertArrayEquals(new double[] {-2, -1, 0, 1, 2}, doubles(contour.path("y")));
        double[][] z = matrix(contour.path("z"));
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                double x = -1 + 0.5 * c;
                double y = -2 + 1.0 * r;
                assertEquals(energy.applyAsDouble(x, y), z[r][c], 1e-12, "row = y, column = x");
            }
        }
        assertEquals("trajectory", plot.trace(1).path("name").asText());
        assertArrayEquals(new double[] {1, 0.5, 0}, doubles(plot.trace(1).path("x")));
        assertArrayEquals(new double[] {1, 0.2, 0}, doubles(plot.trace(1).path("y")));
        assertArrayEquals(new double[] {1}, doubles(plot.trace(2).path("x")), "start");
        assertArrayEquals(new double[] {0}, doubles(plot.trace(3).path("y")), "end");
        assertEquals("x1", plot.axisTitle("xaxis"));
        assertEquals("x2", plot.axisTitle("yaxis"));

        assertEquals(1, PlotlyScript.of(Plots.energyLandscape(energy, -1, 1, -1, 1, 3, null)).traces().size());
    }

    // ------------------------------------------------------------ place fields

    @Test
    void placeFieldsGiveEachNeuronItsOwnSubplotAndTitle() {
        Random random = new Random(11);
        double[][][] maps = new double[5][4][6];
        for (double[][] map : maps) {
            for (double[] row : map) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = random.nextDouble();
                }
            }
        }
        String[] titles = {"cell a", "cell b", "cell c", "cell d", "cell e"};
        PlotlyScript plot = PlotlyScript.of(Plots.placeFields(maps, titles));

        assertEquals(5, plot.traces().size());
        Set<String> axes = new HashSet<>();
        for (int n = 0; n < 5; n++) {
            assertTrue(plot.javascript().contains("var trace" + n + " ="), "each trace has its own variable");
            JsonNode heat = plot.trace(n);
            assertArrayEquals(maps[n], matrix(heat.path("z")));
            String suffix = n == 0 ? "" : Integer.toString(n + 1);
            assertEquals("x" + suffix, heat.path("xaxis").asText());
            assertEquals("y" + suffix, heat.path("yaxis").asText());
            axes.add(heat.path("xaxis").asText());
            assertEquals("reversed", plot.layout().path("yaxis" + suffix).path("autorange").asText());
        }
        assertEquals(5, axes.size());
        // 5 maps in a 3-column grid: the first and second map sit side by side without overlapping
        double[] first = doubles(plot.layout().path("xaxis").path("domain"));
        double[] second = doubles(plot.layout().path("xaxis2").path("domain"));
        assertTrue(first[1] <= second[0], Arrays.toString(first) + " " + Arrays.toString(second));
        List<String> notes = new ArrayList<>();
        plot.layout().path("annotations").forEach(note -> notes.add(note.path("text").asText()));
        assertTrue(notes.containsAll(List.of(titles)), notes.toString());
        assertTrue(notes.contains("x position (column)") && notes.contains("y position (row)"), notes.toString());
    }

    // ------------------------------------------------------------ the figures stay Tablesaw figures

    @Test
    void everyFactoryReturnsAnEditableTablesawFigure() {
        Figure figure = Plots.attention(new double[] {0.5, 0.5}, 2);
        assertInstanceOf(PlotlyFigure.class, figure);
        ((PlotlyFigure) figure).layoutExtras().put("bargap", 0.5);
        assertEquals(0.5, PlotlyScript.of(figure).layout().path("bargap").asDouble());
        assertThrows(IllegalArgumentException.class, () -> Plots.attention(new double[] {0.5, 0.5}, 3));
        assertEquals("figure 'Energy per step: 1 rise' (2 traces)", Plots.energyTrace(new double[] {1, 2}).toString());
    }
}
