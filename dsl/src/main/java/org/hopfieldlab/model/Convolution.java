package org.hopfieldlab.model;

/**
 * A convolutional synapse (Krotov 2021, "Hierarchical associative memory"): each neuron of the upper
 * layer sees one {@code size x size} patch of the image held by the lower layer, through one of
 * {@code filters.length} shared filters (stride 1, no padding). The upper layer is laid out filter
 * by filter, each a {@code (rows - size + 1) x (cols - size + 1)} map, row by row.
 *
 * <p>The energy only needs {@code g_up . W g_down}, so the synapse is handed to the engine as the
 * equivalent (sparse, weight-shared) matrix of {@link #matrix()}; every dynamic stays the same.
 *
 * @param rows height of the lower layer's image
 * @param cols width of the lower layer's image
 * @param filters one {@code size x size} kernel per feature map
 */
public record Convolution(int rows, int cols, double[][][] filters) {

    public Convolution {
        Check.atLeast("rows", rows, 1);
        Check.atLeast("cols", cols, 1);
        if (filters == null || filters.length == 0) {
            throw new IllegalArgumentException("a convolution needs at least one filter, got none");
        }
        int size = filters[0].length;
        if (size < 1 || size > rows || size > cols) {
            throw new IllegalArgumentException("filter size " + size + " must be between 1 and the image's smaller side "
                    + Math.min(rows, cols));
        }
        double[][][] copy = new double[filters.length][][];
        for (int f = 0; f < filters.length; f++) {
            if (filters[f] == null || filters[f].length != size) {
                throw new IllegalArgumentException("filter " + f + " has " + (filters[f] == null ? 0 : filters[f].length)
                        + " rows, filter 0 has " + size + ": all filters must be " + size + " x " + size);
            }
            copy[f] = Check.rows("rows of filter " + f, filters[f], size, "a filter must be " + size + " x " + size);
            copy[f] = Network.copy(copy[f]);
        }
        filters = copy;
    }

    @Override
    public double[][][] filters() {
        double[][][] out = new double[filters.length][][];
        for (int f = 0; f < filters.length; f++) {
            out[f] = Network.copy(filters[f]);
        }
        return out;
    }

    /** Side of the square filters. */
    public int size() {
        return filters[0].length;
    }

    /** Neurons the lower layer must have: {@code rows * cols}. */
    public int inputSize() {
        return rows * cols;
    }

    /** Neurons of the upper layer: one per filter and output position. */
    public int outputSize() {
        return filters.length * (rows - size() + 1) * (cols - size() + 1);
    }

    /** The synapse as a matrix: row = upper neuron (filter, y, x), column = lower pixel. */
    public double[][] matrix() {
        int k = size();
        int outRows = rows - k + 1;
        int outCols = cols - k + 1;
        double[][] w = new double[outputSize()][inputSize()];
        for (int f = 0; f < filters.length; f++) {
            for (int y = 0; y < outRows; y++) {
                for (int x = 0; x < outCols; x++) {
                    double[] row = w[(f * outRows + y) * outCols + x];
                    for (int dy = 0; dy < k; dy++) {
                        for (int dx = 0; dx < k; dx++) {
                            row[(y + dy) * cols + x + dx] = filters[f][dy][dx];
                        }
                    }
                }
            }
        }
        return w;
    }

    @Override
    public String toString() {
        return "Convolution[" + filters.length + " filters " + size() + "x" + size() + " over " + rows + "x" + cols + "]";
    }
}
