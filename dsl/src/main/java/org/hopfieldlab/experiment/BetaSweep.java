package org.hopfieldlab.experiment;

import static org.hopfieldlab.dsl.Hopfield.network;
import static org.hopfieldlab.dsl.Hopfield.softmax;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hopfieldlab.display.RichDisplay;
import org.hopfieldlab.model.Check;
import org.hopfieldlab.model.Convergence;
import org.hopfieldlab.model.FixedPoint;
import org.hopfieldlab.model.Network;
import org.hopfieldlab.model.Recall;
import tech.tablesaw.api.Table;

/**
 * The kind of fixed point a modern Hopfield network (Ramsauer et al. 2020) reaches as its inverse
 * temperature beta grows: at tiny beta every query goes to the global average of all patterns; at
 * intermediate beta to metastable states that mix k patterns; at large beta to single patterns.
 * Classified by {@link FixedPoint} from the softmax weights of the final state.
 *
 * @param betas the inverse temperatures tried (x axis)
 * @param single queries per beta that ended in a single pattern
 * @param mixture queries that ended in a metastable mixture of several patterns
 * @param globalAverage queries that ended in the global average
 * @param none queries that did not converge within the step limit
 * @param meanK mean number of patterns in the fixed points reached (1 for a single pattern, k for a
 *     mixture, all K for the global average; queries that did not converge are left out; NaN if none converged)
 * @param queries number of queries
 * @param memories number of stored patterns
 */
public record BetaSweep(double[] betas, int[] single, int[] mixture, int[] globalAverage, int[] none, double[] meanK,
                        int queries, int memories) implements RichDisplay {

    public BetaSweep {
        betas = betas.clone();
        single = single.clone();
        mixture = mixture.clone();
        globalAverage = globalAverage.clone();
        none = none.clone();
        meanK = meanK.clone();
    }

    @Override public double[] betas() { return betas.clone(); }
    @Override public int[] single() { return single.clone(); }
    @Override public int[] mixture() { return mixture.clone(); }
    @Override public int[] globalAverage() { return globalAverage.clone(); }
    @Override public int[] none() { return none.clone(); }
    @Override public double[] meanK() { return meanK.clone(); }

    /**
     * Stores {@code patterns} in {@code network().feature(d).memory(K, softmax(beta))} for each beta and
     * recalls every query (synchronous updates, {@code xi <- X^T softmax(beta X xi)}).
     *
     * @param patterns K rows of d continuous values
     * @param queries rows of d values
     * @param betas positive, finite inverse temperatures
     */
    public static BetaSweep of(double[][] patterns, double[][] queries, double[] betas) {
        return of(patterns, queries, betas, Convergence.DEFAULT);
    }

    /**
     * As {@link #of(double[][], double[][], double[])} with another stopping rule: near the beta where
     * metastable states split, the dynamics slow down and need more steps than the default 100.
     */
    public static BetaSweep of(double[][] patterns, double[][] queries, double[] betas, Convergence convergence) {
        if (convergence == null) {
            throw new IllegalArgumentException("convergence is null: use new Convergence(tolerance, maxSteps)");
        }
        if (patterns == null || patterns.length == 0 || patterns[0] == null) {
            throw new IllegalArgumentException("no patterns given: expected at least one row of values");
        }
        int d = patterns[0].length;
        Curves.rows("pattern", patterns, d, "pattern 0 has " + d);
        Curves.rows("query", queries, d, "the patterns have " + d);
        Curves.requireNonEmpty("betas", betas);
        for (int b = 0; b < betas.length; b++) {
            Check.positiveFinite("beta " + b, betas[b]);
        }
        int n = betas.length;
        int[] single = new int[n];
        int[] mixture = new int[n];
        int[] global = new int[n];
        int[] none = new int[n];
        double[] meanK = new double[n];
        for (int b = 0; b < n; b++) {
            Network net = network().feature(d).memory(patterns.length, softmax(betas[b])).build().store(patterns)
                    .with(convergence);
            List<Recall> recalls = net.recall(queries);
            double kSum = 0;
            for (Recall recall : recalls) {
                FixedPoint point = recall.fixedPoint();
                if (point instanceof FixedPoint.SinglePattern) {
                    single[b]++;
                    kSum += 1;
                } else if (point instanceof FixedPoint.Mixture m) {
                    mixture[b]++;
                    kSum += m.k();
                } else if (point instanceof FixedPoint.GlobalAverage g) {
                    global[b]++;
                    kSum += g.memories();
                } else {
                    none[b]++;
                }
            }
            int converged = queries.length - none[b];
            meanK[b] = converged == 0 ? Double.NaN : kSum / converged;
        }
        return new BetaSweep(betas, single, mixture, global, none, meanK, queries.length, patterns.length);
    }

    /** Every value as a Tablesaw table, one row per point (e.g. for {@code Plots} or a CSV file). */
    public Table table() {
        return Tables.of("beta sweep", COLUMNS, betas, Tables.doubles(single), Tables.doubles(mixture), Tables.doubles(globalAverage), Tables.doubles(none), meanK);
    }

    /** In a notebook: the one-line summary and a table of every value. */
    @Override
    public Map<String, String> mimeBundle() {
        return Tables.bundle(toString(), COLUMNS, betas, Tables.doubles(single), Tables.doubles(mixture), Tables.doubles(globalAverage), Tables.doubles(none), meanK);
    }

    private static final String[] COLUMNS = {"beta", "single", "mixture", "global average", "none", "mean k"};

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BetaSweep[%d queries, K=%d, beta %s: single %s, mixture %s, global %s,"
                + " none %s, mean k %s]", queries, memories, Curves.format(betas), Curves.format(single),
                Curves.format(mixture), Curves.format(globalAverage), Curves.format(none), Curves.format(meanK));
    }
}
