package org.hopfieldlab.experiment;

import java.util.Locale;
import java.util.Map;
import org.hopfieldlab.display.RichDisplay;
import tech.tablesaw.api.Table;

/**
 * An exponential memory ({@code F(x) = exp(x)}, Demircigil et al. 2017) on few neurons with many
 * patterns: the fraction retrieved from corrupted cues, beside the theory's capacity
 * {@code exp(alpha N)} at the largest admissible alpha.
 *
 * @param n number of sign neurons
 * @param patterns the numbers of stored patterns K tried
 * @param retrieved fraction of corrupted cues from which the network returns to their pattern
 * @param corruption fraction of bits flipped in each cue
 * @param alphaBound {@link Theory#exponentialAlphaBound}(corruption)
 * @param theory {@code exp(alphaBound * n)}: the theory allows any K below this (asymptotically)
 * @param trials independent networks per K
 */
public record ExponentialCapacity(int n, int[] patterns, double[] retrieved, double corruption, double alphaBound,
                                  double theory, int trials) implements RichDisplay {

    public ExponentialCapacity {
        patterns = patterns.clone();
        retrieved = retrieved.clone();
    }

    @Override public int[] patterns() { return patterns.clone(); }
    @Override public double[] retrieved() { return retrieved.clone(); }

    /** Every value as a Tablesaw table, one row per point (e.g. for {@code Plots} or a CSV file). */
    public Table table() {
        return Tables.of("exponential memory, N = " + n, COLUMNS, Tables.doubles(patterns), retrieved);
    }

    /** In a notebook: the one-line summary and a table of every value. */
    @Override
    public Map<String, String> mimeBundle() {
        return Tables.bundle(toString(), COLUMNS, Tables.doubles(patterns), retrieved);
    }

    private static final String[] COLUMNS = {"patterns", "retrieved"};

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ExponentialCapacity[N=%d, K=%s, retrieved from %.0f%% flips %s,"
                + " theory exp(%.3f N)=%.3g]", n, Curves.format(patterns), 100 * corruption,
                Curves.format(retrieved), alphaBound, theory);
    }
}
