package org.hopfieldlab.model;

import static org.hopfieldlab.dsl.Hopfield.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.experiment.Capacity;
import org.junit.jupiter.api.Test;

/**
 * Capacities from the papers, at sizes that run in seconds: Hopfield 1982, Krotov &amp; Hopfield 2016 (K_max ~ N^(n-1)),
 * Demircigil et al. 2017 (exponentially many patterns).
 */
class ClassicalAndDenseScienceTest {

    @Test
    void classicalRetrievesWellBelowCapacityAndFailsWellAbove() {
        int n = 400;
        double[][] xi = Fixtures.signs(20, n, 1);                     // load 0.05
        Network net = classical(n, 20).build().store(xi);
        for (int mu = 0; mu < 20; mu++) {
            Recall r = net.recall(Fixtures.flipped(xi[mu], 40, mu));   // 10% of the bits wrong
            assertTrue(r.retrieved(mu), "pattern " + mu + ": " + r);
        }
        // load 0.3, twice the critical load (the curve around 0.138 is measured in experiment.CapacityTest)
        double above = Capacity.classical(n, new double[] {0.3}, 2, 50).measured()[0];
        assertTrue(above < 0.7, "at load 0.3 the stored patterns should no longer be fixed points; mean overlap " + above);
    }

    @Test
    void denseMemoryWithCubicEnergyStoresFarMoreThanTheClassicalLimit() {
        int n = 100;
        int k = 60;                                                    // 0.6 N, four times 0.14 N
        double[][] xi = Fixtures.signs(k, n, 2);
        Network cubic = dense(n, k, 3).build().store(xi);
        Network quadratic = classical(n, k).build().store(xi);
        int cubicRetrieved = 0;
        int quadraticRetrieved = 0;
        for (int mu = 0; mu < k; mu++) {
            double[] query = Fixtures.flipped(xi[mu], 10, 100 + mu);
            cubicRetrieved += cubic.recall(query).retrieved(mu) ? 1 : 0;
            quadraticRetrieved += quadratic.recall(query).retrieved(mu) ? 1 : 0;
        }
        assertEquals(k, cubicRetrieved, "x^3 should retrieve every one of 0.6 N patterns");
        assertTrue(quadraticRetrieved < k / 4, "the classical network fails at 0.6 N, retrieved " + quadraticRetrieved);
    }

    @Test
    void higherPowersStoreMoreAtTheSameSize() {
        // Krotov & Hopfield 2016: K_max grows like N^(n-1). At N = 40 and K = 3 N, n = 4 still retrieves.
        int n = 40;
        int k = 120;
        double[][] xi = Fixtures.signs(k, n, 3);
        Network quartic = dense(n, k, 4).build().store(xi);
        Network cubic = dense(n, k, 3).build().store(xi);
        int quarticRetrieved = 0;
        int cubicRetrieved = 0;
        for (int mu = 0; mu < k; mu++) {
            double[] query = Fixtures.flipped(xi[mu], 2, 300 + mu);
            quarticRetrieved += quartic.recall(query).retrieved(mu) ? 1 : 0;
            cubicRetrieved += cubic.recall(query).retrieved(mu) ? 1 : 0;
        }
        assertTrue(quarticRetrieved >= 0.95 * k, "n = 4 at K = 3N retrieved only " + quarticRetrieved + " of " + k);
        assertTrue(cubicRetrieved < quarticRetrieved, "n = 3 should do worse than n = 4 here: " + cubicRetrieved);
    }

    @Test
    void evenPowersHaveInvertedAttractorsAndTheRectifiedPolynomialDoesNot() {
        int n = 60;
        double[][] xi = Fixtures.signs(5, n, 4);
        double[] inverted = new double[n];
        for (int i = 0; i < n; i++) {
            inverted[i] = -xi[0][i];
        }
        double[] nearInverted = Fixtures.flipped(inverted, 6, 5);
        Recall even = dense(n, 5, 2).build().store(xi).recall(nearInverted);
        assertTrue(even.fixedPoint() instanceof FixedPoint.SinglePattern s && s.index() == 0 && s.overlap() < -0.99, even.toString());
        Recall rectified = network().feature(n, sign()).memory(5, rectifiedPolynomial(2)).build().store(xi).recall(nearInverted);
        assertFalse(rectified.fixedPoint() instanceof FixedPoint.SinglePattern s && s.overlap() < 0,
                "the rectified polynomial has no inverted attractor: " + rectified);
    }

    @Test
    void exponentialMemoryStoresMorePatternsThanNeurons() {
        int n = 30;
        int k = 120;                                                   // four times as many patterns as neurons
        double[][] xi = Fixtures.signs(k, n, 6);
        Network net = network().feature(n, sign()).memory(k, exponential()).build().store(xi);
        int retrieved = 0;
        for (int mu = 0; mu < k; mu++) {
            retrieved += net.recall(Fixtures.flipped(xi[mu], 3, 400 + mu)).retrieved(mu) ? 1 : 0;
        }
        assertTrue(retrieved >= 0.95 * k, "retrieved " + retrieved + " of " + k);
    }

    @Test
    void exponentialMemoryStaysFiniteAndExactAtAThousandNeurons() {
        int n = 1000;
        int k = 100;
        double[][] xi = Fixtures.signs(k, n, 7);
        for (Dynamics d : new Dynamics[] {asynchronous(), synchronous()}) {
            Network net = network().feature(n, sign()).memory(k, exponential()).dynamics(d).build().store(xi);
            assertEquals(1000, net.energyLogScale(), 1e-12, "energies are reported in units of e^(beta N)");
            Recall r = net.recall(Fixtures.flipped(xi[42], 300, 8));
            assertTrue(r.retrieved(42), d + ": " + r);
            for (double e : r.energies()) {
                assertTrue(Double.isFinite(e));
            }
            // at the pattern: E / e^N = -(1 + sum over the others of e^(h_mu - N)), essentially -1
            assertEquals(-1.0, r.energies()[r.steps()], 1e-12);
        }
    }

    @Test
    void synchronousClassicalUpdatesCanFallIntoTwoCyclesThatAreReported() {
        // sigma_i <- sgn(sum_{j != i} T_ij sigma_j) for all i at once, far above capacity: some states alternate.
        int n = 40;
        double[][] xi = Fixtures.signs(30, n, 8);
        Network net = classical(n, 30).dynamics(synchronous()).build().store(xi);
        int cycles = 0;
        for (Recall r : net.recall(Fixtures.signs(40, n, 9))) {
            if (r.limitCycle() > 0) {
                cycles++;
                assertEquals(2, r.limitCycle(), "synchronous Hopfield dynamics have cycles of length at most 2");
                assertFalse(r.converged());
                assertTrue(r.fixedPoint() instanceof FixedPoint.None);
                double[][] t = r.trajectory();
                assertTrue(java.util.Arrays.equals(t[t.length - 1], t[t.length - 3]));
                // on a two-cycle the energy alternates between two values: it rose somewhere, or stands still
                double[] e = r.energies();
                assertEquals(e[e.length - 1], e[e.length - 3], 1e-9);
            }
        }
        assertTrue(cycles > 0, "expected two-cycles at load 0.75 with synchronous updates");
    }
}
