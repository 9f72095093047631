package org.hopfieldlab.dsl;

import static org.hopfieldlab.dsl.Hopfield.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every rule of the "bad input" list: thrown where the value enters, naming it and what was expected. */
class BadInputTest {

    private static void rejects(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should mention '" + fragment + "'");
        }
    }

    private static final double[][] SIGNS = {{1, -1, 1, 1}, {-1, -1, 1, -1}};

    @Test
    void queryOfTheWrongLengthNamesBothLengths() {
        Network net = network().feature(784).memory(3, softmax()).build().store(new double[3][784]);
        rejects(() -> net.recall(new double[783]), "783", "784");
        rejects(() -> net.energy(new double[785]), "785", "784");
        rejects(() -> net.recall(new double[][] {new double[784], new double[10]}), "query 1", "10", "784");
    }

    @Test
    void nanOrInfinityAnywhereIsRejected() {
        Network net = network().feature(3).memory(2, softmax()).build();
        rejects(() -> net.store(new double[][] {{1, 2, 3}, {1, Double.NaN, 3}}), "pattern 1", "NaN", "index 1");
        Network stored = net.store(new double[][] {{1, 2, 3}});
        rejects(() -> stored.recall(new double[] {0, Double.POSITIVE_INFINITY, 0}), "Infinity", "index 1");
        rejects(() -> softmax(Double.NaN), "beta", "NaN");
        rejects(() -> ode(Double.POSITIVE_INFINITY), "dt", "Infinity");
        rejects(() -> network().feature(3).memory(2, softmax()).convergence(Double.NaN, 10), "tolerance");
    }

    @Test
    void betaMustBePositiveAndFinite() {
        rejects(() -> softmax(-1), "beta must be positive and finite, got -1.0");
        rejects(() -> softmax(0), "beta", "0.0");
        rejects(() -> exponential(-2), "beta", "-2.0");
        rejects(() -> tanh(0), "beta", "0.0");
        rejects(() -> modelB(3, 2, Double.NEGATIVE_INFINITY), "beta");
    }

    @Test
    void powersBelowOneAreRejected() {
        rejects(() -> polynomial(0), "power must be at least 1, got 0");
        rejects(() -> rectifiedPolynomial(-3), "power", "-3");
    }

    @Test
    void sizesBelowOneAreRejected() {
        rejects(() -> network().feature(0), "number of features", "at least 1", "0");
        rejects(() -> network().feature(10).memory(0, softmax()), "memories", "0");
        rejects(() -> network().feature(10).memory(5, softmax()).layer(-1, relu()), "-1");
        rejects(() -> network().feature(10).memory(5, softmax()).convergence(1e-6, 0), "maxSteps", "0");
    }

    @Test
    void rowsAreNamedInTheSingular() {
        rejects(() -> org.hopfieldlab.model.Check.rows("queries", new double[][] {{1, 2, 3}}, 2, "the network expects 2"),
                "query 0 has 3 values, the network expects 2");
    }

    @Test
    void emptyPatternSetIsRejected() {
        Network net = network().feature(4, sign()).memory(2, polynomial(2)).build();
        rejects(() -> net.store(new double[0][]), "no patterns", "4 values");
        rejects(() -> net.store(null), "no patterns");
    }

    @Test
    void morePatternsThanDeclaredMemoriesIsRejected() {
        Network net = network().feature(4, sign()).memory(1, polynomial(2)).build();
        rejects(() -> net.store(SIGNS), "2 patterns", "only 1 memories", "memory(2");
    }

    @Test
    void signLayersTakeOnlyPlusOrMinusOne() {
        Network net = classical(4, 2).build();
        rejects(() -> net.store(new double[][] {{1, -1, 0.5, 1}}), "pattern 0", "0.5", "index 2", "+1 or -1");
        Network stored = net.store(SIGNS);
        rejects(() -> stored.recall(new double[] {1, 0, 1, 1}), "query", "0.0", "index 1", "sign()");
    }

    @Test
    void dynamicsThatDoNotFitTheNetworkAreRejected() {
        rejects(() -> network().feature(5).memory(2, softmax()).dynamics(asynchronous()).build(),
                "asynchronous()", "sign() feature layer", "synchronous() or ode(dt)");
        rejects(() -> network().feature(5).memory(2, softmax()).dynamics(ode(0.5)).tau(1, 0.1).build(),
                "dt = 0.5", "0.1");
        rejects(() -> network().feature(5).memory(2, softmax()).tau(1), "one time constant per layer", "2 layers");
        rejects(() -> network().feature(5).memory(2, softmax()).tau(0, 1), "feature layer", "positive");
        rejects(() -> network().feature(5).memory(2, softmax()).dynamics(null), "dynamics is null");
        rejects(() -> network().feature(5, null), "Lagrangian", "null");
        rejects(() -> modelA(5, 2, softmax()), "Model A", "additive", "softmax");
    }

    @Test
    void recallingBeforeStoringSaysWhatToDo() {
        Network net = network().feature(4).memory(2, softmax()).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.recall(new double[4]));
        assertTrue(e.getMessage().contains("store(patterns) first"), e.getMessage());
    }

    @Test
    void hierarchicalSynapsesAreCheckedAgainstTheLayers() {
        Network net = network().feature(4).layer(3, relu()).layer(2, softmax()).build();
        rejects(() -> net.withSynapse(2, new double[2][3]), "synapse index 2", "0 to 1");
        rejects(() -> net.withSynapse(0, new double[2][4]), "2 rows", "3 neurons");
        rejects(() -> net.withSynapse(1, new double[2][4]), "4 values", "3 neurons");
        rejects(() -> net.store(new double[][] {{1, 2, 3, 4}}), "two-layer network", "3 layers");
    }

    @Test
    void exponentialOverflowWithContinuousFeaturesIsAnErrorNotANaN() {
        Network net = network().feature(2).memory(1, exponential(1.0)).build().store(new double[][] {{400, 400}});
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> net.recall(new double[] {1, 1}));
        assertTrue(e.getMessage().contains("softmax(beta)"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf("NaN"));
    }
}
