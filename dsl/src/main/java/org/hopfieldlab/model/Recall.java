package org.hopfieldlab.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hopfieldlab.display.RichDisplay;
import org.hopfieldlab.plot.Plots;
import org.hopfieldlab.plot.RetrievalMap;

import tech.tablesaw.plotly.components.Figure;

/**
 * What one recall did: the states it passed through, the energy at every step, whether it
 * converged, and what it converged to. Arrays are copies; changing them changes nothing here.
 *
 * @param network the network that ran (with its stored patterns)
 * @param query the starting feature state
 * @param trajectory the feature state at step 0 (the query) to {@link #steps()}
 * @param energies the energy at step 0 to {@link #steps()}, divided by {@code exp(energyLogScale)}
 * @param converged whether the state stopped moving (within the network's tolerance) before the step limit
 * @param limitCycle the period of the cycle the synchronous dynamics fell into, 0 when none
 * @param energyRiseStep the first step where the energy rose, -1 when it never did (it must not)
 * @param fixedPoint what the final state is: a single pattern, a mixture, the global average, or none
 * @param memoryActivations the memory neurons' activations at the final state (softmax: attention weights)
 * @param energyLogScale see {@link Network#energyLogScale()}
 * @param layerStates the internal state x of every layer at the end, features first
 */
public record Recall(Network network, double[] query, double[][] trajectory, double[] energies, boolean converged,
                     int limitCycle, int energyRiseStep, FixedPoint fixedPoint, double[] memoryActivations,
                     double energyLogScale, double[][] layerStates) implements RichDisplay {

    /**
     * Energies carry rounding noise: a step counts as a rise when it exceeds the previous energy by
     * more than this fraction of its magnitude (at least 1).
     */
    public static final double RISE_TOLERANCE = 1e-9;

    public Recall {
        query = query.clone();
        trajectory = Network.copy(trajectory);
        energies = energies.clone();
        memoryActivations = memoryActivations.clone();
        layerStates = Network.copy(layerStates);
    }

    static Recall of(Network network, double[] query, double[][] trajectory, double[] energies, boolean converged,
                     int limitCycle, int energyRiseStep, double[] memoryActivations, double logScale,
                     double[][] layerStates) {
        double[] finalState = trajectory[trajectory.length - 1];
        FixedPoint point = Classifier.classify(network, finalState, memoryActivations, converged, limitCycle);
        return new Recall(network, query, trajectory, energies, converged, limitCycle, energyRiseStep, point,
                memoryActivations, logScale, layerStates);
    }

    @Override public double[] query() { return query.clone(); }
    @Override public double[][] trajectory() { return Network.copy(trajectory); }
    @Override public double[] energies() { return energies.clone(); }
    @Override public double[] memoryActivations() { return memoryActivations.clone(); }
    @Override public double[][] layerStates() { return Network.copy(layerStates); }

    /** The final feature state. */
    public double[] state() {
        return trajectory[trajectory.length - 1].clone();
    }

    /** How many steps ran (sweeps for asynchronous dynamics, Euler steps for ODE). */
    public int steps() {
        return energies.length - 1;
    }

    /** Whether the energy never rose along the trace (beyond rounding). */
    public boolean energyNonIncreasing() {
        return energyRiseStep < 0;
    }

    /** Cosine overlap of the final state with each stored pattern (memory weights of the first synapse). */
    public double[] overlaps() {
        requireStoredPatterns();
        return Classifier.cosines(network.synapseUnsafe(0), trajectory[trajectory.length - 1]);
    }

    /** Cosine overlaps at every step: {@code [step][pattern]}. */
    public double[][] overlapsPerStep() {
        requireStoredPatterns();
        double[][] out = new double[trajectory.length][];
        for (int t = 0; t < trajectory.length; t++) {
            out[t] = Classifier.cosines(network.synapseUnsafe(0), trajectory[t]);
        }
        return out;
    }

    /** Overlaps compare with stored patterns; a convolution's rows are filters at image positions instead. */
    private void requireStoredPatterns() {
        if (network.isConvolution(0)) {
            throw new IllegalStateException("this network has no stored patterns to compare with: synapse 0 is a"
                    + " convolution (its rows are filters at image positions); look at state() or layerStates() instead");
        }
    }

    /** Index of the stored pattern with the largest overlap with the final state. */
    public int nearestPattern() {
        double[] o = overlaps();
        int best = 0;
        for (int i = 1; i < o.length; i++) {
            if (o[i] > o[best]) {
                best = i;
            }
        }
        return best;
    }

    /** True when the final state is stored pattern {@code index} (overlap at least 0.95, not inverted). */
    public boolean retrieved(int index) {
        return fixedPoint instanceof FixedPoint.SinglePattern single && single.index() == index && single.overlap() > 0;
    }

    /** The energy per step (Tablesaw figure; a red mark where it rose). */
    public Figure plot() {
        return Plots.energyTrace(energies);
    }

    /**
     * Query, intermediate states, result and the nearest stored pattern: an image grid when the
     * number of features is a square (28 x 28 digits), heat strips otherwise.
     */
    public RichDisplay retrievalMap() {
        int side = (int) Math.round(Math.sqrt(query.length));
        return side * side == query.length && side >= 4 ? retrievalMap(side, side) : retrievalMap(0, 0);
    }

    /** The retrieval map for patterns of {@code rows x cols} pixels ({@code 0, 0}: heat strips). */
    public RichDisplay retrievalMap(int rows, int cols) {
        double[][] intermediate = Arrays.copyOfRange(trajectory, 1, Math.max(1, trajectory.length - 1));
        double[] nearest = network.isConvolution(0) ? null : network.synapseUnsafe(0)[nearestPattern()];
        return RetrievalMap.of(query, intermediate, state(), nearest, rows, cols);
    }

    /** Overlap with each stored pattern per step, the five largest labelled. */
    public Figure overlapPlot() {
        return Plots.overlaps(overlapsPerStep(), Math.min(5, memoryActivations.length));
    }

    /** The memory neurons' final activations (attention weights for softmax), the top {@code k} (or all, if fewer) labelled. */
    public Figure attentionPlot(int k) {
        return Plots.attention(memoryActivations, Math.min(k, memoryActivations.length));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Recall[");
        s.append(fixedPoint).append(", ").append(steps()).append(steps() == 1 ? " step" : " steps");
        s.append(converged ? ", converged" : limitCycle > 0 ? ", limit cycle of period " + limitCycle : ", not converged");
        s.append(String.format(", energy %.6g -> %.6g", energies[0], energies[energies.length - 1]));
        if (energyRiseStep >= 0) {
            s.append(", ENERGY ROSE at step ").append(energyRiseStep);
        }
        return s.append(']').toString();
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", RecallHtml.render(this));
        return bundle;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recall r && Arrays.equals(energies, r.energies) && Arrays.deepEquals(trajectory, r.trajectory)
                && fixedPoint.equals(r.fixedPoint) && network == r.network;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(energies);
    }
}
