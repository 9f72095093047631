package org.hopfieldlab.neuro;

/**
 * Small measurements on 2-D maps ({@code double[rows][cols]}), as done on recorded place cells.
 */
public final class FieldAnalysis {

    private FieldAnalysis() {
    }

    /**
     * Number of separate fields of a map: connected regions (4-neighbour, no wrap-around) of cells at
     * or above {@code fraction} of the map's maximum. A map whose maximum is not positive has none.
     *
     * @param fraction threshold relative to the peak, in (0, 1]; 0.5 is customary
     */
    public static int peakCount(double[][] map, double fraction) {
        checkMap(map, "map");
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        int rows = map.length;
        int cols = map[0].length;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : map) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        if (!(max > 0)) {
            return 0;
        }
        double threshold = fraction * max;
        boolean[][] seen = new boolean[rows][cols];
        int regions = 0;
        int[] stack = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (seen[r][c] || map[r][c] < threshold) {
                    continue;
                }
                regions++;
                int top = 0;
                stack[top++] = r * cols + c;
                seen[r][c] = true;
                while (top > 0) {
                    int cell = stack[--top];
                    int cr = cell / cols;
                    int cc = cell % cols;
                    int[][] steps = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
                    for (int[] s : steps) {
                        int nr = cr + s[0];
                        int nc = cc + s[1];
                        if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && !seen[nr][nc] && map[nr][nc] >= threshold) {
                            seen[nr][nc] = true;
                            stack[top++] = nr * cols + nc;
                        }
                    }
                }
            }
        }
        return regions;
    }

    /**
     * Pearson correlation of two maps of the same shape, cell by cell: 1 for maps that match up to
     * scale and offset, about 0 for unrelated maps.
     */
    public static double correlation(double[][] a, double[][] b) {
        checkMap(a, "map a");
        checkMap(b, "map b");
        if (a.length != b.length || a[0].length != b[0].length) {
            throw new IllegalArgumentException("maps differ in shape: " + a.length + " x " + a[0].length
                    + " and " + b.length + " x " + b[0].length);
        }
        int n = a.length * a[0].length;
        double ma = 0;
        double mb = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                ma += a[r][c];
                mb += b[r][c];
            }
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                double da = a[r][c] - ma;
                double db = b[r][c] - mb;
                sab += da * db;
                saa += da * da;
                sbb += db * db;
            }
        }
        if (saa == 0) {
            throw new IllegalArgumentException("map a is constant, so its correlation is undefined");
        }
        if (sbb == 0) {
            throw new IllegalArgumentException("map b is constant, so its correlation is undefined");
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static void checkMap(double[][] map, String name) {
        if (map == null || map.length == 0 || map[0] == null || map[0].length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row and one column");
        }
        for (int r = 0; r < map.length; r++) {
            if (map[r] == null || map[r].length != map[0].length) {
                throw new IllegalArgumentException(name + " row " + r + " has "
                        + (map[r] == null ? "no" : String.valueOf(map[r].length)) + " values, expected " + map[0].length);
            }
            for (int c = 0; c < map[r].length; c++) {
                if (!Double.isFinite(map[r][c])) {
                    throw new IllegalArgumentException(name + " contains " + map[r][c] + " at row " + r + ", column " + c);
                }
            }
        }
    }
}
