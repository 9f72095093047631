package org.hopfieldlab.experiment;

import java.util.Locale;
import java.util.Map;
import org.hopfieldlab.display.RichDisplay;
import tech.tablesaw.api.Table;

/**
 * The classical network's retrieval overlap against the load {@code alpha = K/N}, measured and as
 * predicted by Amit, Gutfreund &amp; Sompolinsky 1985. Plain arrays, ready for a plot:
 * {@code loads()} on x, {@code measured()} and {@code theory()} on y.
 *
 * @param n number of neurons
 * @param loads the loads K/N asked for
 * @param patterns the number of stored patterns K used at each load ({@code round(load * n)})
 * @param measured mean overlap {@code m = xi . sigma / N} of the final state with the pattern it started at
 * @param theory {@link Theory#agsOverlap} at each load
 * @param trials independent networks per load
 */
public record CapacityCurve(int n, double[] loads, int[] patterns, double[] measured, double[] theory, int trials) implements RichDisplay {

    public CapacityCurve {
        loads = loads.clone();
        patterns = patterns.clone();
        measured = measured.clone();
        theory = theory.clone();
    }

    @Override public double[] loads() { return loads.clone(); }
    @Override public int[] patterns() { return patterns.clone(); }
    @Override public double[] measured() { return measured.clone(); }
    @Override public double[] theory() { return theory.clone(); }

    /**
     * The load at which the measured overlap first falls below {@code threshold}, interpolated
     * linearly between the two loads around the crossing; NaN when it never falls below it, or is
     * already below it at the first load.
     */
    public double criticalLoad(double threshold) {
        return crossing(measured, threshold);
    }

    /** The same crossing on the theory curve (a step at {@link Theory#agsCriticalLoad} for large N). */
    public double theoryCriticalLoad(double threshold) {
        return crossing(theory, threshold);
    }

    private double crossing(double[] values, double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite overlap such as 0.9, got " + threshold);
        }
        for (int i = 1; i < values.length; i++) {
            if (values[i - 1] >= threshold && values[i] < threshold) {
                double t = (values[i - 1] - threshold) / (values[i - 1] - values[i]);
                return loads[i - 1] + t * (loads[i] - loads[i - 1]);
            }
        }
        return Double.NaN;
    }

    /** Every value as a Tablesaw table, one row per point (e.g. for {@code Plots} or a CSV file). */
    public Table table() {
        return Tables.of("classical capacity, N = " + n, COLUMNS, loads, Tables.doubles(patterns), measured, theory);
    }

    /** In a notebook: the one-line summary and a table of every value. */
    @Override
    public Map<String, String> mimeBundle() {
        return Tables.bundle(toString(), COLUMNS, loads, Tables.doubles(patterns), measured, theory);
    }

    private static final String[] COLUMNS = {"load", "patterns", "measured overlap", "AGS theory"};

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CapacityCurve[N=%d, %d loads %s, measured overlap %s, AGS theory %s, %d trial%s]",
                n, loads.length, Curves.format(loads), Curves.format(measured), Curves.format(theory), trials,
                trials == 1 ? "" : "s");
    }
}
