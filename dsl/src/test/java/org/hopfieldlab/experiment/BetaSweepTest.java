package org.hopfieldlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hopfieldlab.model.Convergence;
import org.junit.jupiter.api.Test;

class BetaSweepTest {

    private static final int CLUSTERS = 4;
    private static final int PER_CLUSTER = 4;

    /** 16 patterns of 32 values in 4 tight clusters: at intermediate beta, queries settle on a cluster's mixture. */
    private static double[][] clustered(SplittableRandom random) {
        double[][] patterns = new double[CLUSTERS * PER_CLUSTER][32];
        for (int c = 0; c < CLUSTERS; c++) {
            double[] centre = new double[32];
            for (int i = 0; i < 32; i++) {
                centre[i] = gaussian(random);
            }
            for (int j = 0; j < PER_CLUSTER; j++) {
                for (int i = 0; i < 32; i++) {
                    patterns[c * PER_CLUSTER + j][i] = centre[i] + 0.3 * gaussian(random);
                }
            }
        }
        return patterns;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void globalAverageThenMetastableMixturesThenSinglePatterns() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] patterns = clustered(random);
        double[][] queries = new double[40][32];
        for (double[] q : queries) {
            double[] p = patterns[random.nextInt(patterns.length)];
            for (int i = 0; i < 32; i++) {
                q[i] = p[i] + 0.5 * gaussian(random);
            }
        }
        double[] betas = {0.001, 0.01, 0.3, 3};
        BetaSweep sweep = BetaSweep.of(patterns, queries, betas);
        int[] single = sweep.single();
        int[] mixture = sweep.mixture();
        int[] global = sweep.globalAverage();
        int[] none = sweep.none();
        double[] meanK = sweep.meanK();
        for (int b = 0; b < betas.length; b++) {
            assertEquals(40, single[b] + mixture[b] + global[b] + none[b], "every query is counted once");
        }
        assertEquals(40, global[0], sweep.toString());
        assertEquals(16, meanK[0], 0, "the global average involves all 16 patterns");
        assertTrue(mixture[2] >= 30, "intermediate beta: metastable states, " + sweep);
        assertTrue(meanK[2] > 1.5 && meanK[2] <= 2 * PER_CLUSTER, "mixtures of about a cluster: " + sweep);
        assertEquals(40, single[3], sweep.toString());
        assertEquals(1, meanK[3], 0);
    }

    @Test
    void nearTheSplitTheDynamicsNeedMoreSteps() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] patterns = clustered(random);
        double[][] queries = {patterns[0], patterns[5], patterns[10], patterns[15]};
        double[] betas = {0.1};
        BetaSweep quick = BetaSweep.of(patterns, queries, betas, new Convergence(1e-9, 2));
        BetaSweep patient = BetaSweep.of(patterns, queries, betas, new Convergence(1e-9, 5000));
        assertEquals(4, quick.none()[0], "two steps are not enough to converge: " + quick);
        assertEquals(0, patient.none()[0], patient.toString());
    }

    @Test
    void badBetaIsNamed() {
        double[][] p = {{1, 0}, {0, 1}};
        var e = assertThrows(IllegalArgumentException.class, () -> BetaSweep.of(p, p, new double[] {1, 0}));
        assertEquals("beta 1 must be positive and finite, got 0.0", e.getMessage());
        var q = assertThrows(IllegalArgumentException.class, () -> BetaSweep.of(p, new double[][] {{1, 0, 0}}, new double[] {1}));
        assertEquals("query 0 has 3 values, the patterns have 2", q.getMessage());
    }
}
