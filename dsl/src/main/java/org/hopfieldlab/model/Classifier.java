package org.hopfieldlab.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Names the fixed point a recall ended in; the rules are documented on {@link FixedPoint}. */
final class Classifier {

    static final double SINGLE_OVERLAP = 0.95;
    static final double MASS = 0.9;

    private Classifier() {}

    static FixedPoint classify(Network net, double[] state, double[] memory, boolean converged, int cycle) {
        if (cycle > 0) {
            return new FixedPoint.None("limit cycle of period " + cycle);
        }
        if (!converged) {
            return new FixedPoint.None("not converged");
        }
        if (net.isConvolution(0)) {
            return new FixedPoint.None("converged; no stored patterns to name it by: synapse 0 is a convolution");
        }
        if (net.layers().get(1).lagrangian() instanceof Lagrangian.Softmax) {   // at any depth: FixedPoint's rule
            return fromWeights(memory, cosines(net.synapseUnsafe(0), state));
        }
        return fromOverlaps(cosines(net.synapseUnsafe(0), state), state.length);
    }

    private static FixedPoint fromWeights(double[] p, double[] cos) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]));
        double mass = 0;
        int k = 0;
        while (k < order.length && mass < MASS) {
            mass += p[order[k++]];
        }
        if (k == 1) {
            return new FixedPoint.SinglePattern(order[0], cos[order[0]]);
        }
        double squares = 0;
        for (double v : p) {
            squares += v * v;
        }
        if (1 / squares > p.length / 2.0) {
            return new FixedPoint.GlobalAverage(p.length);
        }
        int[] indices = new int[k];
        double[] weights = new double[k];
        for (int j = 0; j < k; j++) {
            indices[j] = order[j];
            weights[j] = p[order[j]];
        }
        return new FixedPoint.Mixture(indices, weights);
    }

    private static FixedPoint fromOverlaps(double[] cos, int features) {
        int best = 0;
        for (int i = 1; i < cos.length; i++) {
            if (Math.abs(cos[i]) > Math.abs(cos[best])) {
                best = i;
            }
        }
        if (Math.abs(cos[best]) >= SINGLE_OVERLAP) {
            return new FixedPoint.SinglePattern(best, cos[best]);
        }
        int n = cos.length;
        double threshold = 3 / Math.sqrt(features);
        int[] involved = IntStream.range(0, n).filter(i -> Math.abs(cos[i]) >= threshold).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -Math.abs(cos[i]))).mapToInt(Integer::intValue).toArray();
        if (involved.length >= 2) {
            double[] weights = Arrays.stream(involved).mapToDouble(i -> cos[i]).toArray();
            return new FixedPoint.Mixture(involved, weights);
        }
        return new FixedPoint.None(String.format("spurious state: largest overlap %.3f with pattern %d", cos[best], best));
    }

    /** Cosine of the state with every row; 0 for a zero vector. */
    static double[] cosines(double[][] rows, double[] state) {
        double stateNorm = Math.sqrt(Engine.dot(state, state));
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            double rowNorm = Math.sqrt(Engine.dot(rows[r], rows[r]));
            out[r] = stateNorm == 0 || rowNorm == 0 ? 0 : Engine.dot(rows[r], state) / (stateNorm * rowNorm);
        }
        return out;
    }
}
