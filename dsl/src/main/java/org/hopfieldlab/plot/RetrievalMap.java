package org.hopfieldlab.plot;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.display.RichDisplay;

/**
 * What a recall did, as a picture: the query, some intermediate states, the result and the
 * nearest stored pattern, side by side.
 *
 * <p>{@link #of} returns a {@link RichDisplay} in both cases: an {@link ImageGrid} when the
 * patterns are images (a shape rows x cols with rows * cols = pattern length), otherwise a
 * {@link FigureDisplay} of heat strips (one row per state). Check with {@code instanceof} to
 * save the first as PNG or change the second's figure.
 */
public final class RetrievalMap {

    /** At most this many intermediate states go into an image grid, evenly spaced, first and last kept. */
    public static final int MAX_INTERMEDIATE_IMAGES = 6;

    private RetrievalMap() {}

    /**
     * A retrieval map of one recall.
     *
     * @param query the state the recall started from
     * @param intermediate states after steps 1, 2, ...; may be {@code null} or empty
     * @param result the final state
     * @param nearestStored the stored pattern closest to the result; may be {@code null}
     * @param rows image height, or 0 (with cols 0) for heat strips
     * @param cols image width, or 0 (with rows 0) for heat strips
     */
    public static RichDisplay of(double[] query, double[][] intermediate, double[] result, double[] nearestStored,
                                 int rows, int cols) {
        Check.finite(query, "query", "neuron");
        Check.finite(result, "result", "neuron");
        Check.sameLength(query, "query", result, "result");
        if (nearestStored != null) {
            Check.finite(nearestStored, "nearestStored", "neuron");
            Check.sameLength(query, "query", nearestStored, "nearestStored");
        }
        double[][] steps = intermediate == null ? new double[0][] : intermediate;
        if (steps.length > 0) {
            int length = Check.rectangular(steps, "intermediate", "step", "neuron");
            if (length != query.length) {
                throw new IllegalArgumentException("intermediate states have " + length + " values, query has "
                        + query.length + "; they must match");
            }
        }
        boolean image = isImageShape(rows, cols, query.length);

        List<double[]> states = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        states.add(query);
        labels.add("query");
        int[] shown = image ? evenlySpaced(steps.length, MAX_INTERMEDIATE_IMAGES) : allOf(steps.length);
        for (int i : shown) {
            states.add(steps[i]);
            labels.add("step " + (i + 1));
        }
        states.add(result);
        labels.add("result");
        if (nearestStored != null) {
            states.add(nearestStored);
            labels.add("nearest stored");
        }
        double[][] grid = states.toArray(double[][]::new);
        String[] captions = labels.toArray(String[]::new);
        if (image) {
            return ImageGrid.of(grid, rows, cols, grid.length, captions);
        }
        return FigureDisplay.of(Plots.heatStrips(grid, captions));
    }

    /** A heat-strip retrieval map of one recall, for patterns that are not images. */
    public static RichDisplay of(double[] query, double[][] intermediate, double[] result, double[] nearestStored) {
        return of(query, intermediate, result, nearestStored, 0, 0);
    }

    /**
     * Retrieval of a batch of image queries: one grid row per query holding the query, its result
     * and (when given) the nearest stored pattern.
     *
     * @param nearest one nearest stored pattern per query, or {@code null}
     */
    public static ImageGrid batch(double[][] queries, double[][] results, double[][] nearest, int rows, int cols) {
        int length = Check.rectangular(queries, "queries", "query", "neuron");
        int resultLength = Check.rectangular(results, "results", "query", "neuron");
        checkBatch(queries.length, length, results.length, resultLength, "results");
        if (nearest != null) {
            int nearestLength = Check.rectangular(nearest, "nearest", "query", "neuron");
            checkBatch(queries.length, length, nearest.length, nearestLength, "nearest");
        }
        if (!isImageShape(rows, cols, length) || rows == 0) {
            throw new IllegalArgumentException("a batch retrieval map needs image patterns: shape " + rows + " x " + cols
                    + " must hold the " + length + " values of a pattern");
        }
        int perRow = nearest == null ? 2 : 3;
        double[][] grid = new double[queries.length * perRow][];
        String[] captions = new String[grid.length];
        for (int b = 0; b < queries.length; b++) {
            grid[b * perRow] = queries[b];
            captions[b * perRow] = "query " + b;
            grid[b * perRow + 1] = results[b];
            captions[b * perRow + 1] = "result " + b;
            if (nearest != null) {
                grid[b * perRow + 2] = nearest[b];
                captions[b * perRow + 2] = "nearest " + b;
            }
        }
        return ImageGrid.of(grid, rows, cols, perRow, captions);
    }

    private static void checkBatch(int queries, int length, int count, int countLength, String name) {
        if (count != queries) {
            throw new IllegalArgumentException(name + " has " + count + " rows, queries has " + queries
                    + "; expected one per query");
        }
        if (countLength != length) {
            throw new IllegalArgumentException(name + " rows have " + countLength + " values, queries have "
                    + length + "; they must match");
        }
    }

    /** (0, 0) means "not an image"; any other shape must hold the pattern exactly. */
    private static boolean isImageShape(int rows, int cols, int length) {
        if (rows == 0 && cols == 0) {
            return false;
        }
        if (rows < 1 || cols < 1 || (long) rows * cols != length) {
            throw new IllegalArgumentException("image shape " + rows + " x " + cols + " does not fit patterns of "
                    + length + " values; give rows * cols = " + length + ", or 0 x 0 for heat strips");
        }
        return true;
    }

    /** Up to {@code max} indices of 0..n-1, evenly spaced, including the first and the last. */
    static int[] evenlySpaced(int n, int max) {
        if (n <= max) {
            return allOf(n);
        }
        int[] picked = new int[max];
        for (int i = 0; i < max; i++) {
            picked[i] = (int) Math.round((double) i * (n - 1) / (max - 1));
        }
        return picked;
    }

    private static int[] allOf(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }
}
