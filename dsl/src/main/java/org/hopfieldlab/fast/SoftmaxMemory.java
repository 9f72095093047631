package org.hopfieldlab.fast;

import java.util.Locale;
import org.hopfieldlab.internal.SoftmaxStep;
import org.hopfieldlab.internal.VectorSupport;

/**
 * A modern Hopfield memory (one step of {@code xi <- X softmax(beta X^T xi)}, i.e. attention with the
 * stored patterns as keys and values) over patterns the caller owns.
 *
 * <pre>{@code
 * float[][] images = ...;                          // K rows of N features
 * SoftmaxMemory memory = SoftmaxMemory.of(images, 8.0);
 * float[] recalled = memory.retrieve(noisyImage);  // N values
 * }</pre>
 *
 * <p><b>No copy.</b> The memory keeps a reference to the pattern rows given to {@code of}; 100,000 x 784
 * floats stay 313 MB, and a retrieval needs O(B N) extra memory for B queries. The caller must not
 * change the rows afterwards (results would silently mix old and new values).
 *
 * <p><b>Threads.</b> A memory is immutable and safe to use from any number of threads at once. Large
 * retrievals also spread over the machine's cores by themselves; the result does not depend on how
 * many cores take part.
 *
 * <p><b>Precision.</b> Patterns are stored as given, {@code double[][]} or {@code float[][]}. Queries of
 * the other precision are converted on the way in and results converted back, so every overload works
 * with either storage; the arithmetic runs in the storage precision. With the JVM option
 * {@code --add-modules jdk.incubator.vector} the kernels use SIMD; without it they run plain loops
 * with the same results within float rounding.
 */
public final class SoftmaxMemory {

    private final double[][] doubles;
    private final float[][] floats;
    private final int memories;
    private final int features;
    private final double beta;

    private SoftmaxMemory(double[][] doubles, float[][] floats, int memories, int features, double beta) {
        this.doubles = doubles;
        this.floats = floats;
        this.memories = memories;
        this.features = features;
        this.beta = beta;
    }

    /**
     * A memory over double-precision patterns, K rows of N values, not copied.
     *
     * @param beta inverse temperature: larger values make the softmax pick the closest pattern
     * @throws IllegalArgumentException if the patterns are empty, ragged or not finite, or beta is not
     *                                  positive and finite
     */
    public static SoftmaxMemory of(double[][] patterns, double beta) {
        checkBeta(beta);
        int n = checkPatterns(patterns);
        for (int mu = 0; mu < patterns.length; mu++) {
            double[] row = patterns[mu];
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(row[i])) {
                    throw new IllegalArgumentException(
                            "pattern " + mu + " contains " + row[i] + " at index " + i + ", expected finite values");
                }
            }
        }
        return new SoftmaxMemory(patterns, null, patterns.length, n, beta);
    }

    /** A memory over single-precision patterns, K rows of N values, not copied. See {@link #of(double[][], double)}. */
    public static SoftmaxMemory of(float[][] patterns, double beta) {
        checkBeta(beta);
        if (!Float.isFinite((float) beta) || (float) beta <= 0) {
            throw new IllegalArgumentException("beta must be positive and finite in single precision, got " + beta);
        }
        int n = checkPatterns(patterns);
        for (int mu = 0; mu < patterns.length; mu++) {
            float[] row = patterns[mu];
            for (int i = 0; i < n; i++) {
                if (!Float.isFinite(row[i])) {
                    throw new IllegalArgumentException(
                            "pattern " + mu + " contains " + row[i] + " at index " + i + ", expected finite values");
                }
            }
        }
        return new SoftmaxMemory(null, patterns, patterns.length, n, beta);
    }

    /** K, the number of stored patterns. */
    public int memories() {
        return memories;
    }

    /** N, the number of features per pattern and per query. */
    public int features() {
        return features;
    }

    /** The inverse temperature. */
    public double beta() {
        return beta;
    }

    /** True when the patterns are {@code float[][]}. */
    public boolean singlePrecision() {
        return floats != null;
    }

    /** One retrieval step for one query of N values: {@code X^T softmax(beta X query)}. */
    public double[] retrieve(double[] query) {
        return retrieve(new double[][] {checkQuery(query, "query")})[0];
    }

    /** One retrieval step for each of B queries (rows of N values); returns B rows of N. */
    public double[][] retrieve(double[][] queries) {
        checkQueries(queries);
        for (int b = 0; b < queries.length; b++) {
            checkQuery(queries[b], "query " + b);
        }
        int bq = queries.length;
        if (floats != null) {
            float[][] out = new float[bq][features];
            SoftmaxStep.step(floats, (float) beta, toFloat(queries), out);
            return toDouble(checkFinite(out));
        }
        double[][] out = new double[bq][features];
        SoftmaxStep.step(doubles, beta, queries, out);
        return checkFinite(out);
    }

    /** One retrieval step for one single-precision query. */
    public float[] retrieve(float[] query) {
        return retrieve(new float[][] {checkQuery(query, "query")})[0];
    }

    /** One retrieval step for each of B single-precision queries; returns B rows of N. */
    public float[][] retrieve(float[][] queries) {
        checkQueries(queries);
        for (int b = 0; b < queries.length; b++) {
            checkQuery(queries[b], "query " + b);
        }
        int bq = queries.length;
        if (doubles != null) {
            double[][] out = new double[bq][features];
            SoftmaxStep.step(doubles, beta, toDouble(queries), out);
            return toFloat(checkFinite(out));
        }
        float[][] out = new float[bq][features];
        SoftmaxStep.step(floats, (float) beta, queries, out);
        return checkFinite(out);
    }

    /** The K attention weights {@code softmax(beta X query)}: non-negative, summing to 1. */
    public double[] weights(double[] query) {
        checkQuery(query, "query");
        if (floats != null) {
            float[] w = new float[memories];
            SoftmaxStep.weights(floats, (float) beta, toFloat(new double[][] {query})[0], w);
            return toDouble(checkFinite(new float[][] {w}))[0];
        }
        double[] w = new double[memories];
        SoftmaxStep.weights(doubles, beta, query, w);
        return checkFinite(new double[][] {w})[0];
    }

    /** The K attention weights of a single-precision query. */
    public float[] weights(float[] query) {
        checkQuery(query, "query");
        if (doubles != null) {
            double[] w = new double[memories];
            SoftmaxStep.weights(doubles, beta, toDouble(new float[][] {query})[0], w);
            return toFloat(checkFinite(new double[][] {w}))[0];
        }
        float[] w = new float[memories];
        SoftmaxStep.weights(floats, (float) beta, query, w);
        return checkFinite(new float[][] {w})[0];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SoftmaxMemory[%d patterns x %d features, %s, beta=%s, %s]",
                memories, features, floats != null ? "float" : "double", beta,
                VectorSupport.enabled() ? "vector kernels" : "scalar kernels");
    }

    private static void checkBeta(double beta) {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite, got " + beta);
        }
    }

    private static int checkPatterns(Object[] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("patterns is null, expected K rows of N values");
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("patterns is empty, expected at least one pattern");
        }
        int n = -1;
        for (int mu = 0; mu < rows.length; mu++) {
            if (rows[mu] == null) {
                throw new IllegalArgumentException("pattern " + mu + " is null");
            }
            int length = java.lang.reflect.Array.getLength(rows[mu]);
            if (n < 0) {
                if (length == 0) {
                    throw new IllegalArgumentException("pattern 0 has no values, expected at least one feature");
                }
                n = length;
            } else if (length != n) {
                throw new IllegalArgumentException(
                        "pattern " + mu + " has " + length + " values, pattern 0 has " + n);
            }
        }
        return n;
    }

    private static void checkQueries(Object[] queries) {
        if (queries == null) {
            throw new IllegalArgumentException("queries is null, expected B rows of N values");
        }
        if (queries.length == 0) {
            throw new IllegalArgumentException("queries is empty, expected at least one query");
        }
    }

    private double[] checkQuery(double[] query, String name) {
        checkLength(query == null ? -1 : query.length, name);
        for (int i = 0; i < query.length; i++) {
            if (!Double.isFinite(query[i])) {
                throw new IllegalArgumentException(name + " contains " + query[i] + " at index " + i
                        + ", expected finite values");
            }
        }
        return query;
    }

    private float[] checkQuery(float[] query, String name) {
        checkLength(query == null ? -1 : query.length, name);
        for (int i = 0; i < query.length; i++) {
            if (!Float.isFinite(query[i])) {
                throw new IllegalArgumentException(name + " contains " + query[i] + " at index " + i
                        + ", expected finite values");
            }
        }
        return query;
    }

    private void checkLength(int length, String name) {
        if (length < 0) {
            throw new IllegalArgumentException(name + " is null, expected " + features + " values");
        }
        if (length != features) {
            throw new IllegalArgumentException(
                    name + " has " + length + " values, memory expects " + features + " features");
        }
    }

    // A score beyond the storage range (huge values times beta) makes the softmax undefined; say so plainly.
    private double[][] checkFinite(double[][] out) {
        for (double[] row : out) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw overflow("double");
                }
            }
        }
        return out;
    }

    private float[][] checkFinite(float[][] out) {
        for (float[] row : out) {
            for (float v : row) {
                if (!Float.isFinite(v)) {
                    throw overflow("float");
                }
            }
        }
        return out;
    }

    private IllegalArgumentException overflow(String type) {
        return new IllegalArgumentException("beta * pattern . query overflows the " + type
                + " range (beta = " + beta + "); scale the patterns and queries down or lower beta");
    }

    private static float[][] toFloat(double[][] m) {
        float[][] f = new float[m.length][];
        for (int r = 0; r < m.length; r++) {
            f[r] = new float[m[r].length];
            for (int i = 0; i < f[r].length; i++) {
                f[r][i] = (float) m[r][i];
                if (Float.isInfinite(f[r][i])) {
                    throw new IllegalArgumentException("query " + r + " value " + m[r][i] + " at index " + i
                            + " does not fit in a float, and this memory stores floats");
                }
            }
        }
        return f;
    }

    private static double[][] toDouble(float[][] m) {
        double[][] d = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            d[r] = new double[m[r].length];
            for (int i = 0; i < d[r].length; i++) {
                d[r][i] = m[r][i];
            }
        }
        return d;
    }
}
