package org.hopfieldlab.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Figures for associative memories, built from plain arrays: energy traces, overlaps, attention
 * weights, heat strips and heatmaps, capacity and basin curves, 2-D energy landscapes and place
 * fields.
 *
 * <p>Every factory checks its input and returns a Tablesaw {@link Figure} (a {@link PlotlyFigure})
 * that the caller may still change before showing it. In a notebook the kernel draws any Figure;
 * from JShell or a Java program {@link #saveHtml(Figure, Path)} writes a page that opens offline.
 */
public final class Plots {

    /** Trace colours; red is kept out of them because red marks energy rises. */
    static final String[] PALETTE = {
        "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"
    };
    static final String RISE_COLOR = "#d62728";

    /**
     * An energy step counts as a rise when it exceeds this fraction of the energy's magnitude (at
     * least 1): floating-point round-off in a long sum is not a rise, anything larger is shown.
     */
    public static final double RISE_TOLERANCE = org.hopfieldlab.model.Recall.RISE_TOLERANCE;

    /** At most this many rises get a text annotation; every rise still gets its red marker. */
    static final int MAX_RISE_ANNOTATIONS = 10;

    private static final String OTHER_LINE_COLOR = "#c7c7c7";

    private Plots() {}

    // ---------------------------------------------------------------- energy

    /** Energy per step of one run, with a red marker and a note at every step where the energy rises. */
    public static Figure energyTrace(double[] energies) {
        Check.finite(energies, "energies", "step");
        Map<String, double[]> one = new LinkedHashMap<>();
        one.put("energy", energies);
        return energyFigure(one, false);
    }

    /**
     * Several energy traces on the same axes (for example {@code "synchronous"} and
     * {@code "asynchronous"}), in the map's iteration order, each with red markers where it rises.
     */
    public static Figure energyTrace(Map<String, double[]> traces) {
        Check.notNull(traces, "traces");
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("traces is empty; expected at least one named energy trace");
        }
        for (Map.Entry<String, double[]> e : traces.entrySet()) {
            Check.text(e.getKey(), "trace name");
            Check.finite(e.getValue(), "energies of '" + e.getKey() + "'", "step");
        }
        return energyFigure(traces, true);
    }

    private static Figure energyFigure(Map<String, double[]> series, boolean legend) {
        List<Trace> lines = new ArrayList<>();
        List<Trace> riseMarkers = new ArrayList<>();
        List<Object> annotations = new ArrayList<>();
        int totalRises = 0;
        int colour = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] energies = e.getValue();
            String name = e.getKey();
            Map<String, Object> line = trace("scatter", name);
            line.put("x", steps(energies.length));
            line.put("y", energies);
            line.put("mode", energies.length <= 60 ? "lines+markers" : "lines");
            line.put("line", Map.of("color", PALETTE[colour++ % PALETTE.length], "width", 2));
            line.put("marker", Map.of("size", 5));
            lines.add(new JsonTrace(line));

            int[] rises = rises(energies);
            totalRises += rises.length;
            if (rises.length == 0) {
                continue;
            }
            double[] x = new double[rises.length];
            double[] y = new double[rises.length];
            String[] text = new String[rises.length];
            for (int i = 0; i < rises.length; i++) {
                int t = rises[i];
                x[i] = t;
                y[i] = energies[t];
                text[i] = "+" + format(energies[t] - energies[t - 1]);
                if (annotations.size() < MAX_RISE_ANNOTATIONS) {
                    Map<String, Object> note = new LinkedHashMap<>();
                    note.put("x", t);
                    note.put("y", energies[t]);
                    note.put("xref", "x");
                    note.put("yref", "y");
                    note.put("text", "rise " + text[i]);
                    note.put("showarrow", true);
                    note.put("arrowhead", 2);
                    note.put("arrowcolor", RISE_COLOR);
                    note.put("ax", 0);
                    note.put("ay", -34);
                    note.put("font", Map.of("color", RISE_COLOR, "size", 12));
                    annotations.add(note);
                }
            }
            Map<String, Object> marks = trace("scatter",
                    (legend ? name + ": " : "") + "energy rises (" + rises.length + ")");
            marks.put("x", x);
            marks.put("y", y);
            marks.put("text", text);
            marks.put("mode", "markers");
            marks.put("marker", Map.of("color", RISE_COLOR, "size", 12, "symbol", "circle-open",
                    "line", Map.of("color", RISE_COLOR, "width", 3)));
            marks.put("hovertemplate", "step %{x}: energy rose by %{text}<extra></extra>");
            riseMarkers.add(new JsonTrace(marks));
        }
        List<Trace> all = new ArrayList<>(lines);
        all.addAll(riseMarkers); // drawn last, so the marks sit on top of every line
        String title = totalRises == 0 ? "Energy per step"
                : "Energy per step: " + totalRises + (totalRises == 1 ? " rise" : " rises");
        Map<String, Object> extras = new LinkedHashMap<>();
        if (!annotations.isEmpty()) {
            extras.put("annotations", annotations);
        }
        Layout.LayoutBuilder layout = layout(title, "step", "energy");
        if (legend || totalRises > 0) {
            layout.showLegend(true);
        }
        return new PlotlyFigure(layout.build(), extras, all.toArray(Trace[]::new));
    }

    /** Steps t at which energies[t] rose above energies[t-1] by more than round-off. */
    static int[] rises(double[] energies) {
        return IntStream.range(1, energies.length)
                .filter(t -> energies[t] - energies[t - 1]
                        > RISE_TOLERANCE * Math.max(1.0, Math.abs(energies[t - 1])))
                .toArray();
    }

    // ---------------------------------------------------------------- overlaps

    /**
     * Overlap of the state with each stored pattern, one line per pattern over the steps.
     *
     * <p>The {@code labelled} patterns with the largest final overlap in absolute value (a mirror
     * image {@code -xi} is retrieved as well as {@code xi}) get a colour and a legend entry; the
     * others are drawn as thin grey lines in one legend entry.
     *
     * @param overlapPerStep steps x patterns: {@code overlapPerStep[t][mu]} is the overlap with pattern mu after step t
     * @param labelled how many patterns to name, 0 up to the number of patterns
     */
    public static Figure overlaps(double[][] overlapPerStep, int labelled) {
        int patterns = Check.rectangular(overlapPerStep, "overlapPerStep", "step", "pattern");
        if (labelled < 0 || labelled > patterns) {
            throw new IllegalArgumentException("labelled must be between 0 and " + patterns
                    + " (the number of patterns), got " + labelled);
        }
        int steps = overlapPerStep.length;
        double[] last = overlapPerStep[steps - 1];
        Integer[] order = IntStream.range(0, patterns).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer mu) -> -Math.abs(last[mu])).thenComparing(mu -> mu));
        boolean[] named = new boolean[patterns];
        for (int i = 0; i < labelled; i++) {
            named[order[i]] = true;
        }
        String mode = steps <= 30 ? "lines+markers" : "lines";
        List<Trace> traces = new ArrayList<>();
        int others = patterns - labelled;
        if (others > 0) {
            // All unnamed patterns in one trace, separated by gaps: a thousand traces would stall the browser.
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int mu = 0; mu < patterns; mu++) {
                if (named[mu]) {
                    continue;
                }
                for (int t = 0; t < steps; t++) {
                    x.add((double) t);
                    y.add(overlapPerStep[t][mu]);
                }
                x.add(null);
                y.add(null);
            }
            Map<String, Object> rest = trace("scatter", "other patterns (" + others + ")");
            rest.put("x", x);
            rest.put("y", y);
            rest.put("mode", "lines");
            rest.put("connectgaps", false);
            rest.put("line", Map.of("color", OTHER_LINE_COLOR, "width", 1));
            rest.put("hoverinfo", "skip");
            traces.add(new JsonTrace(rest));
        }
        for (int i = 0; i < labelled; i++) {
            int mu = order[i];
            double[] y = new double[steps];
            for (int t = 0; t < steps; t++) {
                y[t] = overlapPerStep[t][mu];
            }
            Map<String, Object> line = trace("scatter", "pattern " + mu);
            line.put("x", steps(steps));
            line.put("y", y);
            line.put("mode", mode);
            line.put("line", Map.of("color", PALETTE[i % PALETTE.length], "width", 2.5));
            traces.add(new JsonTrace(line));
        }
        Layout layout = layout("Overlap with stored patterns", "step", "overlap m").showLegend(true).build();
        return new PlotlyFigure(layout, Map.of(), traces.toArray(Trace[]::new));
    }

    // ---------------------------------------------------------------- attention

    /**
     * The memory layer's softmax over memories: a bar chart of the {@code topK} largest weights,
     * largest first, each bar labelled by its memory index. The title says how much of the total
     * weight those bars hold.
     */
    public static Figure attention(double[] weights, int topK) {
        Check.finite(weights, "weights", "memory");
        for (int k = 0; k < weights.length; k++) {
            if (weights[k] < 0) {
                throw new IllegalArgumentException("weights must be non-negative (a softmax output), got "
                        + weights[k] + " at memory " + k);
            }
        }
        if (topK < 1 || topK > weights.length) {
            throw new IllegalArgumentException("topK must be between 1 and " + weights.length
                    + " (the number of memories), got " + topK);
        }
        Integer[] order = IntStream.range(0, weights.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -weights[k]).thenComparing(k -> k));
        String[] x = new String[topK];
        double[] y = new double[topK];
        String[] text = new String[topK];
        double shown = 0;
        for (int i = 0; i < topK; i++) {
            x[i] = "#" + order[i];
            y[i] = weights[order[i]];
            text[i] = format(y[i]);
            shown += y[i];
        }
        double total = Arrays.stream(weights).sum();
        Map<String, Object> bars = trace("bar", "softmax weight");
        bars.put("x", x);
        bars.put("y", y);
        bars.put("text", text);
        bars.put("textposition", "auto");
        bars.put("marker", Map.of("color", PALETTE[0]));
        bars.put("hovertemplate", "memory %{x}: %{y:.4g}<extra></extra>");
        String share = total > 0 ? String.format(Locale.ROOT, " hold %.1f%% of the weight", 100 * shown / total) : "";
        String title = "Top " + topK + " of " + weights.length + " memories" + share;
        Layout layout = Layout.builder()
                .title(title)
                .xAxis(Axis.builder().title("memory index").type(Axis.Type.CATEGORY).build())
                .yAxis(Axis.builder().title("softmax weight").build())
                .build();
        return new PlotlyFigure(layout, Map.of(), new JsonTrace(bars));
    }

    /** Attention weights of a batch as a heatmap: one row per query, one column per memory. */
    public static Figure attention(double[][] weights) {
        int memories = Check.rectangular(weights, "weights", "query", "memory");
        for (int b = 0; b < weights.length; b++) {
            for (int k = 0; k < memories; k++) {
                if (weights[b][k] < 0) {
                    throw new IllegalArgumentException("weights must be non-negative (a softmax output), got "
                            + weights[b][k] + " at query " + b + ", memory " + k);
                }
            }
        }
        Map<String, Object> heat = trace("heatmap", "attention");
        heat.put("z", weights);
        heat.put("colorscale", "Viridis");
        heat.put("zmin", 0);
        heat.put("colorbar", Map.of("title", Map.of("text", "weight")));
        heat.put("hovertemplate", "query %{y}, memory %{x}: %{z:.4g}<extra></extra>");
        Layout layout = layout("Attention weights", "memory", "query").build();
        return new PlotlyFigure(layout, Map.of("yaxis", Map.of("autorange", "reversed")), new JsonTrace(heat));
    }

    // ---------------------------------------------------------------- heatmaps

    /**
     * States as heat strips: one row per state (first row on top), one column per neuron, a
     * diverging colour scale centred on 0 so that +1 and -1 read as opposite colours.
     *
     * @param rowLabels one label per state, or {@code null} for "state 0", "state 1", ...
     */
    public static Figure heatStrips(double[][] states, String[] rowLabels) {
        Check.rectangular(states, "states", "state", "neuron");
        String[] labels = Check.labels(rowLabels, states.length, "rowLabels", "state");
        if (labels == null) {
            labels = IntStream.range(0, states.length).mapToObj(i -> "state " + i).toArray(String[]::new);
        }
        Map<String, Object> heat = trace("heatmap", "states");
        heat.put("z", states);
        heat.put("y", labels);
        putDivergingScale(heat, states);
        heat.put("xgap", states[0].length <= 100 ? 1 : 0);
        heat.put("ygap", 2);
        heat.put("colorbar", Map.of("title", Map.of("text", "value")));
        heat.put("hovertemplate", "%{y}, neuron %{x}: %{z:.3g}<extra></extra>");
        int height = Math.max(320, Math.min(800, 140 + 36 * states.length));
        Layout layout = layout("States", "neuron", "state").height(height).build();
        Map<String, Object> extras = Map.of("yaxis", Map.of("autorange", "reversed", "type", "category", "automargin", true));
        return new PlotlyFigure(layout, extras, new JsonTrace(heat));
    }

    /**
     * A matrix as a heatmap, row 0 on top: a diverging scale centred on 0 when the matrix has both
     * signs (weights, synapses), a sequential one otherwise.
     */
    public static Figure heatmap(double[][] matrix, String title, String xLabel, String yLabel) {
        Check.rectangular(matrix, "matrix", "row", "column");
        Check.text(title, "title");
        Check.text(xLabel, "xLabel");
        Check.text(yLabel, "yLabel");
        Map<String, Object> heat = trace("heatmap", title);
        heat.put("z", matrix);
        double min = Arrays.stream(matrix).flatMapToDouble(Arrays::stream).min().orElseThrow();
        double max = Arrays.stream(matrix).flatMapToDouble(Arrays::stream).max().orElseThrow();
        if (min < 0 && max > 0) {
            putDivergingScale(heat, matrix);
        } else {
            heat.put("colorscale", "Viridis");
        }
        heat.put("hovertemplate", "row %{y}, column %{x}: %{z:.4g}<extra></extra>");
        Layout layout = layout(title, xLabel, yLabel).build();
        return new PlotlyFigure(layout, Map.of("yaxis", Map.of("autorange", "reversed")), new JsonTrace(heat));
    }

    private static void putDivergingScale(Map<String, Object> heat, double[][] z) {
        double reach = Arrays.stream(z).flatMapToDouble(Arrays::stream).map(Math::abs).max().orElse(0);
        if (reach == 0) {
            reach = 1;
        }
        heat.put("colorscale", "RdBu"); // plotly's RdBu runs from blue (low) to red (high)
        heat.put("zmin", -reach);
        heat.put("zmax", reach);
    }

    // ---------------------------------------------------------------- capacity and basins

    /**
     * Measured retrieval against load K/N, with a theory curve on the same axes. The theory is
     * evaluated on 200 loads spanning the measured ones, so it is smooth between the measurements.
     */
    public static Figure capacity(double[] loads, double[] measured, DoubleUnaryOperator theory, String theoryName) {
        Check.finite(loads, "loads", "point");
        Check.finite(measured, "measured", "point");
        Check.sameLength(loads, "loads", measured, "measured");
        Check.notNull(theory, "theory");
        Check.text(theoryName, "theoryName");
        for (int i = 0; i < loads.length; i++) {
            if (loads[i] < 0) {
                throw new IllegalArgumentException("loads must be non-negative (K/N), got " + loads[i] + " at point " + i);
            }
        }
        double lo = Arrays.stream(loads).min().orElseThrow();
        double hi = Arrays.stream(loads).max().orElseThrow();
        int points = lo == hi ? 1 : 200;
        double[] tx = new double[points];
        double[] ty = new double[points];
        for (int i = 0; i < points; i++) {
            tx[i] = points == 1 ? lo : lo + (hi - lo) * i / (points - 1);
            ty[i] = theory.applyAsDouble(tx[i]);
            if (!Double.isFinite(ty[i])) {
                throw new IllegalArgumentException("theory '" + theoryName + "' gave " + ty[i] + " at load "
                        + tx[i] + "; it must be finite over the measured loads " + lo + " to " + hi);
            }
        }
        Map<String, Object> m = trace("scatter", "measured");
        m.put("x", loads);
        m.put("y", measured);
        m.put("mode", "lines+markers");
        m.put("line", Map.of("color", PALETTE[0], "width", 2));
        m.put("marker", Map.of("size", 8));
        Map<String, Object> t = trace("scatter", theoryName);
        t.put("x", tx);
        t.put("y", ty);
        t.put("mode", points == 1 ? "markers" : "lines");
        t.put("line", Map.of("color", "#333333", "width", 2, "dash", "dash"));
        Layout layout = layout("Capacity: measured and theory", "load K/N", "retrieval").showLegend(true).build();
        return new PlotlyFigure(layout, Map.of(), new JsonTrace(m), new JsonTrace(t));
    }

    /** Basin size: the fraction of corrupted queries retrieved, against the fraction corrupted. */
    public static Figure basins(double[] corruption, double[] retrievalRate, String label) {
        Check.text(label, "label");
        Map<String, double[]> one = new LinkedHashMap<>();
        one.put(label, retrievalRate);
        return basins(corruption, one);
    }

    /**
     * Several basin curves on the same corruption levels (for example one per load or per
     * network), in the map's iteration order. Corruption and rates are fractions in [0, 1].
     */
    public static Figure basins(double[] corruption, Map<String, double[]> retrievalRates) {
        Check.finite(corruption, "corruption", "point");
        Check.inUnitInterval(corruption, "corruption", "point");
        Check.notNull(retrievalRates, "retrievalRates");
        if (retrievalRates.isEmpty()) {
            throw new IllegalArgumentException("retrievalRates is empty; expected at least one named series");
        }
        List<Trace> traces = new ArrayList<>();
        int colour = 0;
        for (Map.Entry<String, double[]> e : retrievalRates.entrySet()) {
            Check.text(e.getKey(), "series name");
            String name = "retrieval rate of '" + e.getKey() + "'";
            Check.finite(e.getValue(), name, "point");
            Check.sameLength(corruption, "corruption", e.getValue(), name);
            Check.inUnitInterval(e.getValue(), name, "point");
            Map<String, Object> line = trace("scatter", e.getKey());
            line.put("x", corruption);
            line.put("y", e.getValue());
            line.put("mode", "lines+markers");
            line.put("line", Map.of("color", PALETTE[colour++ % PALETTE.length], "width", 2));
            line.put("marker", Map.of("size", 7));
            traces.add(new JsonTrace(line));
        }
        Layout layout = layout("Basins of attraction", "corruption (fraction of neurons)", "retrieval rate")
                .showLegend(true).build();
        return new PlotlyFigure(layout, Map.of("yaxis", Map.of("range", List.of(-0.03, 1.03))),
                traces.toArray(Trace[]::new));
    }

    // ---------------------------------------------------------------- landscape

    /**
     * Filled contours of an energy function of two variables over a rectangle, for small toy
     * networks, with an optional trajectory drawn on top (start: circle, end: star).
     *
     * @param resolution grid points per axis, 2 to 500
     * @param trajectory points x 2, or {@code null} for none
     */
    public static Figure energyLandscape(DoubleBinaryOperator energy, double xMin, double xMax,
                                         double yMin, double yMax, int resolution, double[][] trajectory) {
        Check.notNull(energy, "energy");
        checkRange(xMin, xMax, "x");
        checkRange(yMin, yMax, "y");
        if (resolution < 2 || resolution > 500) {
            throw new IllegalArgumentException("resolution must be between 2 and 500 grid points per axis, got "
                    + resolution);
        }
        double[] xs = new double[resolution];
        double[] ys = new double[resolution];
        for (int i = 0; i < resolution; i++) {
            xs[i] = xMin + (xMax - xMin) * i / (resolution - 1);
            ys[i] = yMin + (yMax - yMin) * i / (resolution - 1);
        }
        double[][] z = new double[resolution][resolution]; // plotly: z[row = y][column = x]
        for (int r = 0; r < resolution; r++) {
            for (int c = 0; c < resolution; c++) {
                z[r][c] = energy.applyAsDouble(xs[c], ys[r]);
                if (!Double.isFinite(z[r][c])) {
                    throw new IllegalArgumentException("energy gave " + z[r][c] + " at (" + xs[c] + ", " + ys[r]
                            + "); it must be finite over the whole rectangle");
                }
            }
        }
        Map<String, Object> contour = trace("contour", "energy");
        contour.put("x", xs);
        contour.put("y", ys);
        contour.put("z", z);
        contour.put("colorscale", "Viridis");
        contour.put("ncontours", 24);
        contour.put("colorbar", Map.of("title", Map.of("text", "energy")));
        contour.put("hovertemplate", "(%{x:.3g}, %{y:.3g}): energy %{z:.4g}<extra></extra>");
        List<Trace> traces = new ArrayList<>();
        traces.add(new JsonTrace(contour));
        if (trajectory != null) {
            Check.rectangular(trajectory, "trajectory", "point", "coordinate");
            if (trajectory[0].length != 2) {
                throw new IllegalArgumentException("trajectory points have " + trajectory[0].length
                        + " coordinates, expected 2 (x and y)");
            }
            int n = trajectory.length;
            double[] tx = new double[n];
            double[] ty = new double[n];
            for (int i = 0; i < n; i++) {
                tx[i] = trajectory[i][0];
                ty[i] = trajectory[i][1];
            }
            Map<String, Object> path = trace("scatter", "trajectory");
            path.put("x", tx);
            path.put("y", ty);
            path.put("mode", "lines+markers");
            path.put("line", Map.of("color", "#ffffff", "width", 2));
            path.put("marker", Map.of("color", "#ffffff", "size", 5, "line", Map.of("color", "#000000", "width", 1)));
            traces.add(new JsonTrace(path));
            traces.add(new JsonTrace(endpoint("start", tx[0], ty[0], "circle")));
            traces.add(new JsonTrace(endpoint("end", tx[n - 1], ty[n - 1], "star")));
        }
        Layout layout = layout("Energy landscape", "x1", "x2").width(640).height(560)
                .showLegend(trajectory != null).build();
        Map<String, Object> extras = Map.of(
                "yaxis", Map.of("scaleanchor", "x", "constrain", "domain"),
                "xaxis", Map.of("constrain", "domain"),
                "legend", Map.of("x", 0, "y", 1.0, "yanchor", "bottom", "orientation", "h"));
        return new PlotlyFigure(layout, extras, traces.toArray(Trace[]::new));
    }

    private static Map<String, Object> endpoint(String name, double x, double y, String symbol) {
        Map<String, Object> point = trace("scatter", name);
        point.put("x", new double[] {x});
        point.put("y", new double[] {y});
        point.put("mode", "markers");
        point.put("marker", Map.of("color", RISE_COLOR, "size", 14, "symbol", symbol,
                "line", Map.of("color", "#ffffff", "width", 1.5)));
        return point;
    }

    private static void checkRange(double min, double max, String axis) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException(axis + "Min and " + axis + "Max must be finite with " + axis + "Min < "
                    + axis + "Max, got " + min + " and " + max);
        }
    }

    // ---------------------------------------------------------------- place fields

    /**
     * Place-field maps: a grid of small heatmaps, one per memory neuron, row 0 of each map on top.
     * Each map has its own colour range (its peak is brightest), so weak fields stay visible;
     * hovering shows the value.
     *
     * @param maps neuron x rows x cols, every map the same shape
     * @param titles one title per map, or {@code null} for "neuron 0", "neuron 1", ...
     */
    public static Figure placeFields(double[][][] maps, String[] titles) {
        Check.notNull(maps, "maps");
        if (maps.length == 0) {
            throw new IllegalArgumentException("maps is empty; expected at least one neuron's map");
        }
        int rows = -1;
        int cols = -1;
        for (int n = 0; n < maps.length; n++) {
            int c = Check.rectangular(maps[n], "map of neuron " + n, "row", "column");
            if (n == 0) {
                rows = maps[0].length;
                cols = c;
            } else if (maps[n].length != rows || c != cols) {
                throw new IllegalArgumentException("map of neuron " + n + " is " + maps[n].length + " x " + c
                        + ", neuron 0's is " + rows + " x " + cols + "; every map must have the same shape");
            }
        }
        String[] names = Check.labels(titles, maps.length, "titles", "neuron");
        if (names == null) {
            names = IntStream.range(0, maps.length).mapToObj(i -> "neuron " + i).toArray(String[]::new);
        }
        int gridColumns = (int) Math.ceil(Math.sqrt(maps.length));
        int gridRows = (maps.length + gridColumns - 1) / gridColumns;
        double xGap = 0.03;
        double yGap = 0.1 / Math.max(1, gridRows - 1) * Math.min(gridRows - 1, 3);
        double cellWidth = (1 - xGap * (gridColumns - 1)) / gridColumns;
        double cellHeight = (1 - yGap * (gridRows - 1) - 0.04) / gridRows;
        Map<String, Object> extras = new LinkedHashMap<>();
        List<Object> annotations = new ArrayList<>();
        Trace[] traces = new Trace[maps.length];
        for (int n = 0; n < maps.length; n++) {
            int gr = n / gridColumns;
            int gc = n % gridColumns;
            String suffix = n == 0 ? "" : Integer.toString(n + 1);
            double x0 = gc * (cellWidth + xGap);
            double y1 = 1 - 0.04 - gr * (cellHeight + yGap);
            double y0 = y1 - cellHeight;
            Map<String, Object> heat = trace("heatmap", names[n]);
            heat.put("z", maps[n]);
            heat.put("colorscale", "Viridis");
            heat.put("showscale", false);
            heat.put("xaxis", "x" + suffix);
            heat.put("yaxis", "y" + suffix);
            heat.put("hovertemplate", "row %{y}, column %{x}: %{z:.3g}<extra>" + names[n] + "</extra>");
            traces[n] = new JsonTrace(heat);
            Map<String, Object> xAxis = new LinkedHashMap<>();
            xAxis.put("domain", List.of(x0, x0 + cellWidth));
            xAxis.put("anchor", "y" + suffix);
            xAxis.put("showticklabels", false);
            xAxis.put("ticks", "");
            xAxis.put("showgrid", false);
            xAxis.put("zeroline", false);
            xAxis.put("constrain", "domain");
            Map<String, Object> yAxis = new LinkedHashMap<>(xAxis);
            yAxis.put("domain", List.of(y0, y1));
            yAxis.put("anchor", "x" + suffix);
            yAxis.put("autorange", "reversed");
            yAxis.put("scaleanchor", "x" + suffix);
            extras.put("xaxis" + suffix, xAxis);
            extras.put("yaxis" + suffix, yAxis);
            Map<String, Object> title = new LinkedHashMap<>();
            title.put("text", names[n]);
            title.put("x", x0 + cellWidth / 2);
            title.put("y", y1);
            title.put("xref", "paper");
            title.put("yref", "paper");
            title.put("xanchor", "center");
            title.put("yanchor", "bottom");
            title.put("showarrow", false);
            title.put("font", Map.of("size", 12));
            annotations.add(title);
        }
        annotations.add(axisNote("x position (column)", 0.5, -0.02, "center", "top", 0));
        annotations.add(axisNote("y position (row)", -0.02, 0.5, "right", "middle", -90));
        extras.put("annotations", annotations);
        int width = Math.min(1000, 60 + 170 * gridColumns);
        int height = 110 + 180 * gridRows;
        // Tablesaw's axes would be the first map's only; the axis titles are notes under and left of the grid.
        Layout layout = Layout.builder().title("Place fields").width(width).height(height).showLegend(false).build();
        return new PlotlyFigure(layout, extras, traces);
    }

    private static Map<String, Object> axisNote(String text, double x, double y, String xAnchor, String yAnchor,
                                                int angle) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("text", text);
        note.put("x", x);
        note.put("y", y);
        note.put("xref", "paper");
        note.put("yref", "paper");
        note.put("xanchor", xAnchor);
        note.put("yanchor", yAnchor);
        note.put("textangle", angle);
        note.put("showarrow", false);
        note.put("font", Map.of("size", 14));
        return note;
    }

    // ---------------------------------------------------------------- output

    /**
     * Saves the figure as one HTML page with plotly.js inlined, so it opens offline in any browser.
     * Parent folders are created. Returns {@code file}.
     */
    public static Path saveHtml(Figure figure, Path file) {
        Check.notNull(figure, "figure");
        Check.notNull(file, "file");
        String html = standaloneHtml(figure);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The figure as a complete HTML page with plotly.js inlined (about 11 MB, nearly all plotly). */
    public static String standaloneHtml(Figure figure) {
        Check.notNull(figure, "figure");
        return StandaloneHtml.of(figure);
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> trace(String type, String name) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", type);
        attributes.put("name", name);
        return attributes;
    }

    private static Layout.LayoutBuilder layout(String title, String xTitle, String yTitle) {
        return Layout.builder()
                .title(jsText(title))
                .xAxis(Axis.builder().title(jsText(xTitle)).build())
                .yAxis(Axis.builder().title(jsText(yTitle)).build());
    }

    /**
     * Tablesaw writes titles into single-quoted JavaScript strings with HTML escaping only, so a
     * backslash or line break from a caller's title would break the script.
     */
    static String jsText(String text) {
        return text.replace("\\", "\\\\").replace("\r", " ").replace("\n", " ");
    }

    private static int[] steps(int n) {
        return IntStream.range(0, n).toArray();
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
