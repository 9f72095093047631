package org.hopfieldlab.experiment;

import java.util.Locale;
import java.util.Map;
import org.hopfieldlab.display.RichDisplay;
import tech.tablesaw.api.Table;

/**
 * How the measured capacity of a dense associative memory grows with the number of neurons N, and
 * the exponent of that growth (Krotov &amp; Hopfield 2016 predict {@code N^(n-1) / ln N}).
 *
 * @param power the power n of {@code F(x) = x^n}
 * @param neurons the sizes N measured
 * @param measured the largest K at which at least half of the stored patterns are fixed points
 * @param theory {@link Theory#denseCapacity}(N, power) at each N
 * @param exponent least-squares slope of log(measured) against log(N)
 * @param logCorrectedExponent slope of log(measured * ln N) against log(N): the exponent with the
 *     theory's ln N factor taken out, n - 1 at leading order
 * @param theoryExponent the same slope for the theory values over the same N (n - 1 minus the
 *     log factor's share, about {@code 1 / ln N})
 * @param finiteN {@link Theory#denseCapacityFiniteN}(N, power) at each N: the same criterion without the
 *     large-N approximation of the Gaussian tail
 * @param finiteNExponent the slope of log(finiteN) against log(N)
 * @param trials networks per (N, K)
 */
public record DenseScaling(int power, int[] neurons, double[] measured, double[] theory, double exponent,
                           double logCorrectedExponent, double theoryExponent, double[] finiteN, double finiteNExponent, int trials) implements RichDisplay {

    public DenseScaling {
        neurons = neurons.clone();
        measured = measured.clone();
        theory = theory.clone();
        finiteN = finiteN.clone();
    }

    @Override public int[] neurons() { return neurons.clone(); }
    @Override public double[] measured() { return measured.clone(); }
    @Override public double[] theory() { return theory.clone(); }
    @Override public double[] finiteN() { return finiteN.clone(); }

    /** Every value as a Tablesaw table, one row per point (e.g. for {@code Plots} or a CSV file). */
    public Table table() {
        return Tables.of("dense memory x^" + power + " capacity", COLUMNS, Tables.doubles(neurons), measured, theory, finiteN);
    }

    /** In a notebook: the one-line summary and a table of every value. */
    @Override
    public Map<String, String> mimeBundle() {
        return Tables.bundle(toString(), COLUMNS, Tables.doubles(neurons), measured, theory, finiteN);
    }

    private static final String[] COLUMNS = {"N", "measured", "K&H theory", "finite-N theory"};

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DenseScaling[F(x)=x^%d, N=%s, measured K_max %s, theory %s,"
                + " finite-N theory %s, exponent %.2f (theory %.2f, finite-N theory %.2f), of K ln N %.2f (leading"
                + " order %d)]", power, Curves.format(neurons), Curves.format(measured), Curves.format(theory),
                Curves.format(finiteN), exponent, theoryExponent, finiteNExponent, logCorrectedExponent, power - 1);
    }
}
