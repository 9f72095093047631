package org.hopfieldlab.model;

import static org.hopfieldlab.dsl.Hopfield.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.hopfieldlab.dsl.NetworkBuilder;

import org.junit.jupiter.api.Test;

/**
 * Ramsauer et al. 2020 (one-step retrieval; global average, metastable and single-pattern fixed points)
 * and Krotov &amp; Hopfield 2021 (models A, B, C are the tau_h -> 0 limits of the two-layer ODE).
 */
class ModernHopfieldScienceTest {

    @Test
    void wellSeparatedPatternsAreRetrievedInOneStep() {
        int n = 200;
        int k = 100;
        double[][] xi = Fixtures.signs(k, n, 1);
        Network net = modelB(n, k, 1.0).build().store(xi);
        for (int mu = 0; mu < k; mu += 7) {
            Recall r = net.recall(Fixtures.flipped(xi[mu], 40, mu));   // 20% of the signs wrong
            // After the first update the state is the pattern (error below 1e-12: exponentially small);
            // the second update only confirms it.
            assertArrayEquals(xi[mu], r.trajectory()[1], 1e-12);
            assertTrue(r.converged() && r.steps() <= 2, r.toString());
            assertTrue(r.retrieved(mu));
        }
    }

    /** Four clusters of three similar patterns, and a query near cluster 0 (patterns 0, 1, 2) as the last row. */
    private static double[][] clustersAndQuery() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 64;
        int clusters = 4;
        int per = 3;
        double[][] centers = new double[clusters][n];
        for (double[] c : centers) {
            for (int i = 0; i < n; i++) {
                c[i] = random.nextGaussian();
            }
        }
        double[][] rows = new double[clusters * per + 1][n];
        for (int k = 0; k < clusters * per; k++) {
            for (int i = 0; i < n; i++) {
                rows[k][i] = centers[k / per][i] + 0.35 * random.nextGaussian();
            }
        }
        for (int i = 0; i < n; i++) {
            rows[clusters * per][i] = centers[0][i] + 0.3 * random.nextGaussian();
        }
        return rows;
    }

    private static Recall recallAtBeta(double beta) {
        double[][] rows = clustersAndQuery();
        double[][] xi = Arrays.copyOf(rows, rows.length - 1);
        return modelB(xi[0].length, xi.length, beta).convergence(1e-10, 1000).build().store(xi)
                .recall(rows[rows.length - 1]);
    }

    @Test
    void tinyBetaEndsInTheGlobalAverage() {
        Recall r = recallAtBeta(0.002);
        assertInstanceOf(FixedPoint.GlobalAverage.class, r.fixedPoint(), r.toString());
        // the fixed point of xi = X softmax(beta X^T xi) at beta -> 0 is the mean of the patterns
        double[][] xi = r.network().patterns();
        double[] mean = new double[xi[0].length];
        for (double[] p : xi) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += p[i] / xi.length;
            }
        }
        assertArrayEquals(mean, r.state(), 0.05);
    }

    @Test
    void intermediateBetaEndsInAMetastableMixtureOfTheQuerysCluster() {
        Recall r = recallAtBeta(0.1);
        FixedPoint.Mixture mixture = assertInstanceOf(FixedPoint.Mixture.class, r.fixedPoint(), r.toString());
        assertTrue(mixture.k() >= 2 && mixture.k() <= 3, "k = " + mixture.k());
        for (int index : mixture.indices()) {
            assertTrue(index < 3, "a pattern of another cluster joined the mixture: " + mixture);
        }
    }

    @Test
    void aSoftmaxMemoryLayerNamesItsFixedPointFromItsWeightsWhateverLayersSitAbove() {
        // the same memory layer with a class layer above it that sends nothing back (zero synapse): the same
        // trajectory, so the same fixed point, named from the memory weights in both networks
        double beta = 0.1;
        double[][] rows = clustersAndQuery();
        double[][] xi = Arrays.copyOf(rows, rows.length - 1);
        double[] query = rows[rows.length - 1];
        int n = xi[0].length;
        Recall two = modelB(n, xi.length, beta).convergence(1e-10, 1000).build().store(xi).recall(query);
        Network three = network().feature(n).layer(xi.length, softmax(beta)).layer(4, relu())
                .convergence(1e-10, 1000).build().withSynapse(0, xi).withSynapse(1, new double[4][xi.length]);
        Recall deep = three.recall(query);
        assertArrayEquals(two.state(), deep.state(), 1e-12);
        FixedPoint.Mixture mixture = assertInstanceOf(FixedPoint.Mixture.class, deep.fixedPoint(), deep.toString());
        FixedPoint.Mixture expected = assertInstanceOf(FixedPoint.Mixture.class, two.fixedPoint(), two.toString());
        assertArrayEquals(expected.indices(), mixture.indices());
        assertArrayEquals(expected.weights(), mixture.weights(), 1e-12);   // the two engines' paths round differently
    }

    @Test
    void largeBetaEndsInASinglePattern() {
        Recall r = recallAtBeta(2.0);
        FixedPoint.SinglePattern single = assertInstanceOf(FixedPoint.SinglePattern.class, r.fixedPoint(), r.toString());
        assertTrue(single.index() < 3);
    }

    /** Largest distance between the features of the full ODE and of its tau_h = 0 limit, over the first 200 steps. */
    private static double distanceToEffective(NetworkBuilder model, double tauH, double[][] xi, double[] query) {
        double dt = 0.005;
        Network full = model.dynamics(ode(dt)).tau(1.0, tauH).convergence(1e-300, 200).build().store(xi);
        Network effective = model.dynamics(ode(dt)).tau(1.0, 0.0).convergence(1e-300, 200).build().store(xi);
        double[][] a = full.recall(query).trajectory();
        double[][] b = effective.recall(query).trajectory();
        assertEquals(a.length, b.length);
        double d = 0;
        for (int t = 0; t < a.length; t++) {
            for (int i = 0; i < a[t].length; i++) {
                d = Math.max(d, Math.abs(a[t][i] - b[t][i]));
            }
        }
        return d;
    }

    @Test
    void modelsABAndCApproachTheirEffectiveRulesAsTauHGoesToZero() {
        int n = 30;
        int k = 8;
        double[][] signs = Fixtures.signs(k, n, 3);
        double[][] continuous = Fixtures.gaussian(k, n, 0.4, 4);
        double[] continuousQuery = Fixtures.gaussian(1, n, 1.0, 5)[0];
        // Models B and C: compare the feature trajectories. Model A shows sign(v) as its state, so it is
        // compared below through its continuous internal state v (Recall.layerStates).
        NetworkBuilder modelB = modelB(n, k, 1.0);
        NetworkBuilder modelC = modelC(n, k, rectifiedPolynomial(2));
        for (NetworkBuilder model : new NetworkBuilder[] {modelB, modelC}) {
            double coarse = distanceToEffective(model, 0.2, continuous, continuousQuery);
            double middle = distanceToEffective(model, 0.05, continuous, continuousQuery);
            double fine = distanceToEffective(model, 0.0125, continuous, continuousQuery);
            assertTrue(coarse > middle && middle > fine, model + ": " + coarse + " > " + middle + " > " + fine);
            assertTrue(fine < coarse / 5, model + ": the distance should shrink roughly like tau_h: " + coarse + " -> " + fine);
        }
        double[] signQuery = Fixtures.flipped(signs[0], 6, 6);
        double previous = Double.POSITIVE_INFINITY;
        for (double tauH : new double[] {0.2, 0.05, 0.0125}) {
            double dt = 0.005;
            NetworkBuilder a = modelA(n, k, rectifiedPolynomial(2)).dynamics(ode(dt)).convergence(1e-300, 200);
            double[] full = a.tau(1.0, tauH).build().store(signs).recall(signQuery).layerStates()[0];
            double[] effective = a.tau(1.0, 0.0).build().store(signs).recall(signQuery).layerStates()[0];
            double d = 0;
            for (int i = 0; i < n; i++) {
                d = Math.max(d, Math.abs(full[i] - effective[i]) / Math.max(1, Math.abs(effective[i])));
            }
            assertTrue(d < previous, "Model A at tau_h = " + tauH + ": distance " + d + " did not shrink from " + previous);
            previous = d;
        }
    }
}
