package org.hopfieldlab.neuro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws that hold for every key match vector, checked on generated ones. */
class ReadoutPropertyTest {

    @Property(tries = 200, seed = "42")
    void softmaxWeightsFormADistributionThatKeepsTheOrderOfMatches(
            @ForAll @Size(min = 1, max = 20) double[] h, @ForAll @DoubleRange(min = 0.01, max = 50) double beta) {
        for (int i = 0; i < h.length; i++) {
            h[i] = Math.max(-1e3, Math.min(1e3, Double.isFinite(h[i]) ? h[i] : 0));
        }
        double[] a = Readout.softmax(beta).weights(h);
        double sum = 0;
        for (double v : a) {
            assertTrue(v >= 0 && v <= 1);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-9);
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < h.length; j++) {
                if (h[i] > h[j]) {
                    assertTrue(a[i] >= a[j]);
                }
            }
        }
    }

    @Property(tries = 200, seed = "43")
    void kWinnersPicksExactlyKSlotsAndNoneLosesToAWeakerOne(
            @ForAll @Size(min = 5, max = 20) double[] h, @ForAll @IntRange(min = 1, max = 5) int k) {
        for (int i = 0; i < h.length; i++) {
            h[i] = Double.isFinite(h[i]) ? h[i] : 0;
        }
        double[] a = Readout.kWinners(k).weights(h);
        int chosen = 0;
        for (int i = 0; i < h.length; i++) {
            if (a[i] > 0) {
                chosen++;
                assertEquals(1.0 / k, a[i], 1e-15);
                for (int j = 0; j < h.length; j++) {
                    if (a[j] == 0) {
                        assertTrue(h[i] >= h[j], "a winner must match at least as well as a loser");
                    }
                }
            }
        }
        assertEquals(k, chosen);
    }

    @Property(tries = 200, seed = "44")
    void correlationIsSymmetricBoundedAndBlindToScaleAndOffset(
            @ForAll @Size(value = 12) double[] raw, @ForAll @Size(value = 12) double[] rawOther,
            @ForAll @DoubleRange(min = 0.1, max = 10) double scale, @ForAll @DoubleRange(min = -5, max = 5) double offset) {
        double[][] a = new double[3][4];
        double[][] b = new double[3][4];
        double[][] c = new double[3][4];
        for (int i = 0; i < 12; i++) {
            a[i / 4][i % 4] = clip(raw[i]) + 0.001 * i;
            b[i / 4][i % 4] = clip(rawOther[i]) - 0.002 * i * i;
            c[i / 4][i % 4] = scale * a[i / 4][i % 4] + offset;
        }
        double r = FieldAnalysis.correlation(a, b);
        assertTrue(r >= -1 - 1e-12 && r <= 1 + 1e-12);
        assertEquals(r, FieldAnalysis.correlation(b, a), 1e-12);
        assertEquals(r, FieldAnalysis.correlation(c, b), 1e-9);
    }

    private static double clip(double v) {
        return Double.isFinite(v) ? Math.max(-100, Math.min(100, v)) : 0;
    }
}
