package org.hopfieldlab.model;

import java.util.Arrays;

/**
 * What a recall ended in (Ramsauer et al. 2020 name three kinds of fixed point; a recall may also
 * end in none).
 *
 * <p>How it is decided. With a softmax memory layer, from the memory neurons' weights {@code p} at
 * the final state: the fewest patterns that hold 90% of the weight are the ones involved; one
 * pattern is a {@link SinglePattern}; when the weights are spread so evenly that the effective
 * number {@code 1 / sum p^2} exceeds half of all memories, a {@link GlobalAverage}; otherwise a
 * {@link Mixture}. With other memory layers, from the overlaps (cosines) with the stored patterns:
 * an overlap of magnitude at least 0.95 is a single pattern (negative: the inverted pattern); the
 * patterns with overlap magnitude at least {@code 3 / sqrt(N)} (well above chance) form a mixture
 * when there are two or more of them; otherwise {@link None} (a spurious state).
 */
public sealed interface FixedPoint
        permits FixedPoint.SinglePattern, FixedPoint.Mixture, FixedPoint.GlobalAverage, FixedPoint.None {

    /**
     * The state is one stored pattern; {@code overlap} is the cosine between state and pattern
     * (-1: the inverted pattern), whatever the memory layer.
     */
    record SinglePattern(int index, double overlap) implements FixedPoint {
        @Override public String toString() {
            return (overlap < 0 ? "inverted pattern " : "pattern ") + index
                    + String.format(" (overlap %.3f)", overlap);
        }
    }

    /**
     * A metastable state mixing {@code k = indices.length} patterns, strongest first; {@code weights}
     * are the softmax weights for a softmax memory layer, the cosines otherwise.
     */
    record Mixture(int[] indices, double[] weights) implements FixedPoint {
        public Mixture {
            indices = indices.clone();
            weights = weights.clone();
        }
        @Override public int[] indices() { return indices.clone(); }
        @Override public double[] weights() { return weights.clone(); }
        public int k() { return indices.length; }
        @Override public String toString() {
            int shown = Math.min(indices.length, 6);
            return "mixture of " + indices.length + " patterns " + Arrays.toString(Arrays.copyOf(indices, shown))
                    .replace("]", indices.length > shown ? ", ...]" : "]");
        }
        @Override public boolean equals(Object o) {
            return o instanceof Mixture m && Arrays.equals(indices, m.indices) && Arrays.equals(weights, m.weights);
        }
        @Override public int hashCode() { return Arrays.hashCode(indices); }
    }

    /** The state is the average of (nearly) all stored patterns: beta too small to separate them. */
    record GlobalAverage(int memories) implements FixedPoint {
        @Override public String toString() { return "global average of " + memories + " patterns"; }
    }

    /** No fixed point (not converged, or a limit cycle), or one no stored pattern explains. */
    record None(String reason) implements FixedPoint {
        @Override public String toString() { return "none (" + reason + ")"; }
    }
}
