package org.hopfieldlab.experiment;

import java.util.Locale;
import java.util.Map;
import org.hopfieldlab.display.RichDisplay;
import tech.tablesaw.api.Table;

/**
 * A dense associative memory ({@code F(x) = x^power}, Krotov &amp; Hopfield 2016) with more and more
 * stored patterns: which fraction of them are fixed points, and which fraction are retrieved from a
 * cue with a small fraction of flipped bits.
 *
 * @param n number of sign neurons
 * @param power the power n of {@code F(x) = x^n}
 * @param patterns the numbers of stored patterns K tried (x axis)
 * @param stable fraction of stored patterns that are fixed points with every bit stable
 * @param retrieved fraction of corrupted cues from which the network returns to their pattern
 * @param corruption fraction of bits flipped in each cue
 * @param theory {@link Theory#denseCapacity}(n, power), the no-error capacity
 * @param trials independent networks per K
 */
public record DenseCapacity(int n, int power, int[] patterns, double[] stable, double[] retrieved, double corruption,
                            double theory, int trials) implements RichDisplay {

    public DenseCapacity {
        patterns = patterns.clone();
        stable = stable.clone();
        retrieved = retrieved.clone();
    }

    @Override public int[] patterns() { return patterns.clone(); }
    @Override public double[] stable() { return stable.clone(); }
    @Override public double[] retrieved() { return retrieved.clone(); }

    /** The numbers of patterns as doubles, for a plot's x axis. */
    public double[] patternsAsDoubles() {
        double[] out = new double[patterns.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = patterns[i];
        }
        return out;
    }

    /** Every value as a Tablesaw table, one row per point (e.g. for {@code Plots} or a CSV file). */
    public Table table() {
        return Tables.of("dense memory x^" + power + ", N = " + n, COLUMNS, Tables.doubles(patterns), stable, retrieved);
    }

    /** In a notebook: the one-line summary and a table of every value. */
    @Override
    public Map<String, String> mimeBundle() {
        return Tables.bundle(toString(), COLUMNS, Tables.doubles(patterns), stable, retrieved);
    }

    private static final String[] COLUMNS = {"patterns", "stable", "retrieved"};

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DenseCapacity[N=%d, F(x)=x^%d, K=%s, stable %s, retrieved from %.0f%% flips %s,"
                + " theory K_max=%.1f]", n, power, Curves.format(patterns), Curves.format(stable), 100 * corruption,
                Curves.format(retrieved), theory);
    }
}
