package org.hopfieldlab.experiment;

import static org.hopfieldlab.dsl.Hopfield.network;
import static org.hopfieldlab.dsl.Hopfield.softmax;

import java.util.Locale;
import org.hopfieldlab.model.Check;
import org.hopfieldlab.model.Convergence;
import org.hopfieldlab.model.Network;

/**
 * A numeric check that the update rule of the modern Hopfield network is transformer attention
 * (Ramsauer et al. 2020): one synchronous step of {@code network().feature(d).memory(K, softmax(beta))}
 * with the patterns stored, from each query, against {@code softmax(beta Q K^T) V} with the queries as
 * Q and the stored patterns as both keys K and values V, written out here independently.
 *
 * @param networkStep the state after one update of the network, one row per query
 * @param attention {@code softmax(beta Q K^T) V}, one row per query
 * @param maxDifference the largest absolute difference between the two
 * @param beta the inverse temperature (attention's {@code 1/sqrt(d_k)})
 */
public record AttentionCheck(double[][] networkStep, double[][] attention, double maxDifference, double beta) {

    public AttentionCheck {
        networkStep = copy(networkStep);
        attention = copy(attention);
    }

    @Override public double[][] networkStep() { return copy(networkStep); }
    @Override public double[][] attention() { return copy(attention); }

    /**
     * Runs the check.
     *
     * @param patterns stored patterns (keys and values), K rows of d values
     * @param queries state patterns (queries), rows of d values
     * @param beta positive, finite inverse temperature
     */
    public static AttentionCheck of(double[][] patterns, double[][] queries, double beta) {
        if (patterns == null || patterns.length == 0 || patterns[0] == null) {
            throw new IllegalArgumentException("no patterns given: expected at least one row of values");
        }
        int d = patterns[0].length;
        Curves.rows("pattern", patterns, d, "pattern 0 has " + d);
        Curves.rows("query", queries, d, "the patterns have " + d);
        Check.positiveFinite("beta", beta);
        Network net = network().feature(d).memory(patterns.length, softmax(beta)).build().store(patterns)
                .with(new Convergence(1e-300, 1));
        double[][] step = new double[queries.length][];
        double[][] attention = new double[queries.length][];
        double max = 0;
        for (int q = 0; q < queries.length; q++) {
            step[q] = net.recall(queries[q]).trajectory()[1];
            attention[q] = attend(queries[q], patterns, beta);
            for (int i = 0; i < d; i++) {
                max = Math.max(max, Math.abs(step[q][i] - attention[q][i]));
            }
        }
        return new AttentionCheck(step, attention, max, beta);
    }

    /** softmax(beta q K^T) V for one query, with K = V = patterns. */
    private static double[] attend(double[] query, double[][] patterns, double beta) {
        double[] scores = new double[patterns.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int mu = 0; mu < patterns.length; mu++) {
            scores[mu] = beta * Curves.dot(query, patterns[mu]);
            max = Math.max(max, scores[mu]);
        }
        double total = 0;
        for (int mu = 0; mu < scores.length; mu++) {
            scores[mu] = Math.exp(scores[mu] - max);
            total += scores[mu];
        }
        double[] out = new double[query.length];
        for (int mu = 0; mu < patterns.length; mu++) {
            double weight = scores[mu] / total;
            for (int i = 0; i < out.length; i++) {
                out[i] += weight * patterns[mu][i];
            }
        }
        return out;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AttentionCheck[%d queries, beta=%.4g: one network update = attention,"
                + " max difference %.2e]", networkStep.length, beta, maxDifference);
    }
}
