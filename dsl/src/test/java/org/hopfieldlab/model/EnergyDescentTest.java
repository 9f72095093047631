package org.hopfieldlab.model;

import static org.hopfieldlab.dsl.Hopfield.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The energy never rises along a trace, for every model and every dynamic that guarantees descent. */
class EnergyDescentTest {

    static final int N = 60;
    static final int K = 12;

    static Stream<Arguments> networks() {
        double[][] signs = Fixtures.signs(K, N, 1);
        double[][] scaled = Fixtures.gaussian(K, N, 0.3, 2);
        return Stream.of(
                Arguments.of("classical asynchronous", classical(N, K).build().store(signs), true),
                Arguments.of("dense n=3 asynchronous", dense(N, K, 3).build().store(signs), true),
                Arguments.of("dense n=4 asynchronous", dense(N, K, 4).build().store(signs), true),
                Arguments.of("rectified n=3 asynchronous", network().feature(N, sign()).memory(K, rectifiedPolynomial(3))
                        .build().store(signs), true),
                Arguments.of("exponential asynchronous", network().feature(N, sign()).memory(K, exponential()).build().store(signs), true),
                Arguments.of("exponential ode", network().feature(N, sign()).memory(K, exponential(0.2))
                        .dynamics(ode(0.02)).tau(1, 0.1).convergence(1e-7, 300).build().store(signs), true),
                Arguments.of("softmax memory over sign features", network().feature(N, sign()).memory(K, softmax(0.2)).build().store(signs), true),
                Arguments.of("model B synchronous", modelB(N, K, 1.0).build().store(scaled), false),
                Arguments.of("model B ode", modelB(N, K, 1.0).dynamics(ode(0.05)).tau(1, 0.2).convergence(1e-7, 400).build().store(scaled), false),
                Arguments.of("model A ode", modelA(N, K, rectifiedPolynomial(2)).dynamics(ode(0.02)).tau(1, 0.1)
                        .convergence(1e-7, 300).build().store(signs), true),
                Arguments.of("model C synchronous", modelC(N, K, rectifiedPolynomial(2)).build().store(scaled), false),
                Arguments.of("model C ode", modelC(N, K, exponential(2)).dynamics(ode(0.05)).tau(1, 0.1)
                        .convergence(1e-7, 300).build().store(scaled), false),
                Arguments.of("tanh features, softmax memories, ode", network().feature(N, tanh(2)).memory(K, softmax(2))
                        .dynamics(ode(0.05)).tau(1, 0.1).convergence(1e-7, 300).build().store(scaled), false),
                Arguments.of("relu features, softmax memories, synchronous", network().feature(N, relu()).memory(K, softmax(2))
                        .build().store(scaled), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void energyNeverRises(String name, Network net, boolean signQueries) {
        double[][] queries = signQueries ? Fixtures.signs(5, N, 7) : Fixtures.gaussian(5, N, 0.5, 7);
        for (Recall r : net.recall(queries)) {
            assertEquals(-1, r.energyRiseStep(), name + ": energy rose: " + java.util.Arrays.toString(r.energies()));
            assertTrue(r.steps() >= 1);
            double[] e = r.energies();
            assertTrue(e[e.length - 1] <= e[0], name + ": the energy ended above where it started");
        }
    }

    @Test
    void hierarchicalNetworkDescendsItsEnergyUnderItsOdeAndLayerByLayerUpdates() {
        Network hierarchy = network().feature(30).layer(20, tanh(1.5)).layer(10, softmax(2)).layer(4, relu())
                .dynamics(ode(0.05)).tau(1, 0.5, 0.2, 0.3).convergence(1e-8, 400).build()
                .withSynapse(0, Fixtures.gaussian(20, 30, 0.3, 3))
                .withSynapse(1, Fixtures.gaussian(10, 20, 0.5, 4))
                .withSynapse(2, Fixtures.gaussian(4, 10, 0.5, 5));
        for (Network net : List.of(hierarchy, hierarchy.with(synchronous()))) {
            for (Recall r : net.recall(Fixtures.gaussian(4, 30, 1.0, 6))) {
                assertEquals(-1, r.energyRiseStep(), net.dynamics() + ": " + java.util.Arrays.toString(r.energies()));
                assertTrue(r.energies()[r.steps()] < r.energies()[0], "the energy went down");
            }
        }
    }

    @Test
    void aRiseIsReportedNotHidden() {
        // Synchronous spin updates are not a descent (Hopfield 1982 needed asynchronous ones): the first
        // step where the energy rises must be reported.
        double[][] signs = Fixtures.signs(40, 30, 9);
        Network net = classical(30, 40).dynamics(synchronous()).build().store(signs);
        int reported = 0;
        for (Recall r : net.recall(Fixtures.signs(30, 30, 10))) {
            int rise = Engine.firstRise(r.energies());
            assertEquals(rise, r.energyRiseStep());
            if (rise > 0) {
                reported++;
                assertTrue(r.energies()[rise] > r.energies()[rise - 1]);
                assertTrue(r.toString().contains("ENERGY ROSE at step " + rise), r.toString());
            }
        }
        assertTrue(reported > 0, "expected some synchronous classical traces to rise at load 1.3");
    }
}
