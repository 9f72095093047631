package org.hopfieldlab.learn;

import static org.hopfieldlab.dsl.Hopfield.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.hopfieldlab.data.Patterns;
import org.hopfieldlab.model.Network;
import org.junit.jupiter.api.Test;

/** Hebbian, projection and Storkey storage, each as memory weights W with W^T W = T (+ c I). */
class StorageRuleTest {

    private static double[][] gram(double[][] w) {
        int n = w[0].length;
        double[][] t = new double[n][n];
        for (double[] row : w) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    t[i][j] += row[i] * row[j];
                }
            }
        }
        return t;
    }

    @Test
    void projectionWeightsReproduceThePseudoInverseMatrix() {
        double[][] x = Patterns.correlated(12, 40, 0.4, 1);
        StorageRule rule = projection();
        double[][] t = rule.couplingMatrix(x);
        double[][] fromWeights = gram(rule.memoryWeights(x));
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t.length; j++) {
                assertEquals(t[i][j], fromWeights[i][j], 1e-9);
            }
        }
        // T is the projector onto the patterns' span: T xi = xi for every pattern
        for (double[] xi : x) {
            for (int i = 0; i < xi.length; i++) {
                double s = 0;
                for (int j = 0; j < xi.length; j++) {
                    s += t[i][j] * xi[j];
                }
                assertEquals(xi[i], s, 1e-9);
            }
        }
    }

    private static int stablePatterns(Network net, double[][] x) {
        int stable = 0;
        for (int mu = 0; mu < x.length; mu++) {
            stable += Arrays.equals(net.recall(x[mu]).state(), x[mu]) ? 1 : 0;
        }
        return stable;
    }

    @Test
    void projectionKeepsCorrelatedPatternsWhereHebbianStorageLosesThem() {
        int n = 100;
        int k = 25;
        double[][] x = Patterns.correlated(k, n, 0.5, 2);
        int hebbian = stablePatterns(classical(n, k).build().store(x), x);
        int projection = stablePatterns(classical(n, k).build().store(x, projection()), x);
        assertEquals(k, projection, "every linearly independent pattern is a fixed point of the projection rule");
        assertTrue(hebbian < k / 2, "correlated patterns at load 0.25 should mostly be lost by Hebbian storage: " + hebbian);
    }

    @Test
    void storkeyWeightsAreItsMatrixUpToADiagonalShiftAndItStoresMoreThanHebbian() {
        int n = 100;
        int k = 20;
        double[][] x = Patterns.random(k, n, 3);
        StorageRule rule = storkey();
        double[][] t = rule.couplingMatrix(x);
        double[][] fromWeights = gram(rule.memoryWeights(x));
        double shift = fromWeights[0][0] - t[0][0];
        assertTrue(shift >= 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(t[i][j] + (i == j ? shift : 0), fromWeights[i][j], 1e-8);
            }
        }
        // Storkey 1997: the first pattern alone gives T = xi xi^T / N off the diagonal
        double[][] one = rule.couplingMatrix(new double[][] {x[0]});
        assertEquals(x[0][3] * x[0][7] / n, one[3][7], 1e-15);
        assertEquals(0.0, one[5][5]);

        int k2 = 30;                                                  // load 0.3: beyond Hebbian, within Storkey's
        double[][] many = Patterns.random(k2, n, 4);
        int hebbian = stablePatterns(classical(n, k2).build().store(many), many);
        int storkeyStable = stablePatterns(classical(n, n).build().store(many, storkey()), many);
        assertTrue(storkeyStable > hebbian, "Storkey " + storkeyStable + " vs Hebbian " + hebbian + " of " + k2);
    }
}
