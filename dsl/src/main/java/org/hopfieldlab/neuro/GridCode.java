package org.hopfieldlab.neuro;

/**
 * A grid-cell-like position code: {@code modules} modules of 2-D periodic cosine codes, the model's
 * medial entorhinal "where am I" signal.
 *
 * <p>Module {@code m} (m = 0 .. M-1) has spatial period {@code lambda_m = smallestScale * scaleRatio^m}
 * (a geometric ratio, as measured between the grid modules of rat entorhinal cortex, about 1.4) and
 * three wave vectors at {@code orientation + 0, 60 and 120 degrees}:
 * <pre>
 *   k_{m,j} = (2 pi / lambda_m) (cos theta_j, sin theta_j),  theta_j = orientation + j * 60 deg
 *   phi_{m,j}(x) = k_{m,j} . x,   x = (col, row)
 *   g(x) = (cos phi_{m,j}(x), sin phi_{m,j}(x))_{m,j} / sqrt(3 M)
 * </pre>
 * so the code has {@code 6 M} values and unit length everywhere. The overlap of the codes of two
 * places depends only on their offset d: {@code g(x) . g(x + d) = mean over m,j of cos(k_{m,j} . d)},
 * one at d = 0 and smaller elsewhere; the incommensurate periods keep it from returning to one inside
 * a small environment. On a torus each wave vector is rounded to the nearest one that fits the torus
 * ({@code 2 pi n / cols, 2 pi n' / rows}) so the code is continuous across the wrap-around.
 *
 * @param modules        number of modules M, at least 1
 * @param smallestScale  period of the finest module, in places, greater than 1
 * @param scaleRatio     ratio between successive periods, at least 1
 * <p>Between environments grid cells keep their periods and relative phases but shift together
 * (realignment, Fyhn et al., Nature 2007); {@link #realigned(long)} gives the same code with its
 * origin moved to {@code (originCol, originRow)}.
 *
 * @param orientation    orientation of the first wave vector, in degrees
 * @param originCol      column where every phase is zero (0 unless realigned)
 * @param originRow      row where every phase is zero (0 unless realigned)
 */
public record GridCode(int modules, double smallestScale, double scaleRatio, double orientation,
                       double originCol, double originRow) {

    /** A code with its origin at place (0, 0). */
    public GridCode(int modules, double smallestScale, double scaleRatio, double orientation) {
        this(modules, smallestScale, scaleRatio, orientation, 0, 0);
    }

    /** Checks the parameters. */
    public GridCode {
        if (modules < 1 || modules > 64) {
            throw new IllegalArgumentException("modules must be between 1 and 64, got " + modules);
        }
        if (!(smallestScale > 1) || !Double.isFinite(smallestScale)) {
            throw new IllegalArgumentException("smallestScale must be a finite period greater than 1 place, got " + smallestScale);
        }
        if (!(scaleRatio >= 1) || !Double.isFinite(scaleRatio)) {
            throw new IllegalArgumentException("scaleRatio must be finite and at least 1, got " + scaleRatio);
        }
        if (!Double.isFinite(orientation)) {
            throw new IllegalArgumentException("orientation must be a finite angle in degrees, got " + orientation);
        }
        if (!Double.isFinite(originCol) || !Double.isFinite(originRow)) {
            throw new IllegalArgumentException("origin must be finite, got (" + originCol + ", " + originRow + ")");
        }
    }

    /**
     * The same code realigned for another environment: the origin moved by a seeded random offset of
     * up to the largest period in each direction. Same seed, same realignment.
     */
    public GridCode realigned(long environmentSeed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(environmentSeed);
        double range = scale(modules - 1);
        return new GridCode(modules, smallestScale, scaleRatio, orientation,
                random.nextDouble() * range, random.nextDouble() * range);
    }

    /** The default family used in the lessons: 4 modules, finest period 3 places, ratio 1.42, 7.5 degrees. */
    public static GridCode standard() {
        return new GridCode(4, 3.0, 1.42, 7.5);
    }

    /** Number of feature neurons the code uses, {@code 6 * modules}. */
    public int dimension() {
        return 6 * modules;
    }

    /** Period of module {@code m}, in places. */
    public double scale(int module) {
        if (module < 0 || module >= modules) {
            throw new IllegalArgumentException("module must be in [0, " + modules + "), got " + module);
        }
        return smallestScale * Math.pow(scaleRatio, module);
    }

    /** The code of one place of a world. */
    public double[] encode(GridWorld world, int place) {
        if (world == null) {
            throw new IllegalArgumentException("world must not be null");
        }
        world.checkPlace(place);
        double[] code = new double[dimension()];
        double norm = 1.0 / Math.sqrt(3.0 * modules);
        double x = world.col(place) - originCol;
        double y = world.row(place) - originRow;
        for (int m = 0; m < modules; m++) {
            for (int j = 0; j < 3; j++) {
                double[] k = waveVector(world, m, j);
                double phase = k[0] * x + k[1] * y;
                code[6 * m + 2 * j] = norm * Math.cos(phase);
                code[6 * m + 2 * j + 1] = norm * Math.sin(phase);
            }
        }
        return code;
    }

    /** The codes of every place of a world, one row per place. */
    public double[][] encodeAll(GridWorld world) {
        if (world == null) {
            throw new IllegalArgumentException("world must not be null");
        }
        double[][] codes = new double[world.places()][];
        for (int p = 0; p < codes.length; p++) {
            codes[p] = encode(world, p);
        }
        return codes;
    }

    private double[] waveVector(GridWorld world, int module, int direction) {
        double magnitude = 2 * Math.PI / scale(module);
        double theta = Math.toRadians(orientation + 60.0 * direction);
        double kx = magnitude * Math.cos(theta);
        double ky = magnitude * Math.sin(theta);
        if (world.torus()) {
            // only wave vectors on the torus' reciprocal lattice give a code without a seam
            double unitX = 2 * Math.PI / world.cols();
            double unitY = 2 * Math.PI / world.rows();
            kx = Math.rint(kx / unitX) * unitX;
            ky = Math.rint(ky / unitY) * unitY;
        }
        return new double[] {kx, ky};
    }

    @Override
    public String toString() {
        return String.format("GridCode[%d modules, periods %.2f x %.2f^m, %.1f deg, origin (%.2f, %.2f), %d features]",
                modules, smallestScale, scaleRatio, orientation, originCol, originRow, dimension());
    }
}
