package org.hopfieldlab.neuro;

import java.util.Arrays;

/**
 * A 2-D environment of {@code rows x cols} places that an agent walks through, either a bounded grid
 * (walls at the edges) or a torus (leaving one edge brings you back at the opposite edge).
 *
 * <p>Places are numbered row by row: place {@code p} sits at row {@code p / cols}, column
 * {@code p % cols}. Every map in this package ({@link PlaceCellMemory#placeField}) is a
 * {@code double[rows][cols]} in the same layout.
 *
 * @param rows  number of rows, at least 2
 * @param cols  number of columns, at least 2
 * @param torus whether the edges wrap around
 */
public record GridWorld(int rows, int cols, boolean torus) {

    /** Checks the size. */
    public GridWorld {
        if (rows < 2) {
            throw new IllegalArgumentException("rows must be at least 2, got " + rows);
        }
        if (cols < 2) {
            throw new IllegalArgumentException("cols must be at least 2, got " + cols);
        }
        if ((long) rows * cols > 1_000_000) {
            throw new IllegalArgumentException("a world of " + rows + " x " + cols
                    + " places is too large; use at most 1,000,000 places");
        }
    }

    /** A bounded grid with walls at its edges. */
    public static GridWorld grid(int rows, int cols) {
        return new GridWorld(rows, cols, false);
    }

    /** A torus: the grid with opposite edges joined. */
    public static GridWorld torus(int rows, int cols) {
        return new GridWorld(rows, cols, true);
    }

    /** Number of places, {@code rows * cols}. */
    public int places() {
        return rows * cols;
    }

    /** The place at a row and column. */
    public int place(int row, int col) {
        if (row < 0 || row >= rows) {
            throw new IllegalArgumentException("row must be in [0, " + rows + "), got " + row);
        }
        if (col < 0 || col >= cols) {
            throw new IllegalArgumentException("col must be in [0, " + cols + "), got " + col);
        }
        return row * cols + col;
    }

    /** Row of a place. */
    public int row(int place) {
        checkPlace(place);
        return place / cols;
    }

    /** Column of a place. */
    public int col(int place) {
        checkPlace(place);
        return place % cols;
    }

    /**
     * The places one step north, south, west or east of {@code place}, in that order, leaving out
     * steps into a wall (a bounded grid's corner has two neighbours, a torus place always four).
     */
    public int[] neighbours(int place) {
        int r = row(place);
        int c = col(place);
        int[] out = new int[4];
        int n = 0;
        int[][] steps = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
        for (int[] step : steps) {
            int nr = r + step[0];
            int nc = c + step[1];
            if (torus) {
                nr = Math.floorMod(nr, rows);
                nc = Math.floorMod(nc, cols);
            } else if (nr < 0 || nr >= rows || nc < 0 || nc >= cols) {
                continue;
            }
            out[n++] = nr * cols + nc;
        }
        return Arrays.copyOf(out, n);
    }

    /** Throws unless {@code place} is a place of this world. */
    public void checkPlace(int place) {
        if (place < 0 || place >= places()) {
            throw new IllegalArgumentException("place must be in [0, " + places() + ") for a "
                    + rows + " x " + cols + " world, got " + place);
        }
    }

    @Override
    public String toString() {
        return (torus ? "torus " : "grid ") + rows + " x " + cols;
    }
}
