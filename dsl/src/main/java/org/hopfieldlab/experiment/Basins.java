package org.hopfieldlab.experiment;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.hopfieldlab.data.Corruption;
import org.hopfieldlab.display.RichDisplay;
import org.hopfieldlab.model.Check;
import org.hopfieldlab.model.Network;
import org.hopfieldlab.model.Recall;
import tech.tablesaw.api.Table;

/**
 * Basins of attraction: how often a network returns to a stored pattern from a cue with a given
 * fraction of its entries flipped. A wide basin keeps the retrieval rate near 1 far from the pattern.
 *
 * @param fractions the fractions of flipped entries tried (x axis)
 * @param retrieval fraction of cues whose recall ended in their pattern ({@link Recall#retrieved})
 * @param overlap mean cosine of the final state with the cue's pattern
 * @param trials cues per fraction
 * @param memories number of stored patterns
 * @param features number of feature neurons
 */
public record Basins(double[] fractions, double[] retrieval, double[] overlap, int trials, int memories, int features) implements RichDisplay {

    public Basins {
        fractions = fractions.clone();
        retrieval = retrieval.clone();
        overlap = overlap.clone();
    }

    @Override public double[] fractions() { return fractions.clone(); }
    @Override public double[] retrieval() { return retrieval.clone(); }
    @Override public double[] overlap() { return overlap.clone(); }

    /**
     * For each fraction, {@code trials} cues: a stored pattern drawn at random with that fraction of
     * its entries flipped (+1 to -1 and back), recalled by {@code network} to its fixed point.
     *
     * @param network a network with patterns of +1/-1 stored (any memory Lagrangian and dynamics)
     * @param fractions fractions between 0 and 1
     * @param trials cues per fraction
     * @param seed draws the patterns and the flipped entries
     */
    public static Basins of(Network network, double[] fractions, int trials, long seed) {
        if (network == null) {
            throw new IllegalArgumentException("network is null: build one and store patterns first");
        }
        if (!network.stored()) {
            throw new IllegalArgumentException("the network has no patterns stored yet: call store(patterns) first");
        }
        Curves.requireNonEmpty("fractions", fractions);
        for (int i = 0; i < fractions.length; i++) {
            Check.fraction("fraction " + i, fractions[i]);
        }
        Check.atLeast("trials", trials, 1);
        double[][] patterns = network.patterns();
        for (int p = 0; p < patterns.length; p++) {
            for (int i = 0; i < patterns[p].length; i++) {
                if (patterns[p][i] != 1 && patterns[p][i] != -1) {
                    throw new IllegalArgumentException("Basins.of flips entries of the stored patterns, which must be"
                            + " +1 or -1, but pattern " + p + " has " + patterns[p][i] + " at index " + i);
                }
            }
        }
        double[] retrieval = new double[fractions.length];
        double[] overlap = new double[fractions.length];
        for (int f = 0; f < fractions.length; f++) {
            SplittableRandom random = new SplittableRandom(Seeds.of(seed, f, 0));
            int hits = 0;
            double overlapSum = 0;
            for (int t = 0; t < trials; t++) {
                int p = random.nextInt(patterns.length);
                double[] cue = Corruption.flip(patterns[p], fractions[f], random.nextLong());
                Recall recall = network.recall(cue);
                if (recall.retrieved(p)) {
                    hits++;
                }
                overlapSum += recall.overlaps()[p];
            }
            retrieval[f] = (double) hits / trials;
            overlap[f] = overlapSum / trials;
        }
        return new Basins(fractions, retrieval, overlap, trials, patterns.length, network.features());
    }

    /** Every value as a Tablesaw table, one row per point (e.g. for {@code Plots} or a CSV file). */
    public Table table() {
        return Tables.of("basins, N = " + features + ", K = " + memories, COLUMNS, fractions, retrieval, overlap);
    }

    /** In a notebook: the one-line summary and a table of every value. */
    @Override
    public Map<String, String> mimeBundle() {
        return Tables.bundle(toString(), COLUMNS, fractions, retrieval, overlap);
    }

    private static final String[] COLUMNS = {"flipped fraction", "retrieved", "overlap"};

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Basins[N=%d, K=%d, flipped %s, retrieved %s, %d cues each]", features,
                memories, Curves.format(fractions), Curves.format(retrieval), trials);
    }
}
