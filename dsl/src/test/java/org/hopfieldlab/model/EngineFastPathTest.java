package org.hopfieldlab.model;

import static org.hopfieldlab.dsl.Hopfield.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.hopfieldlab.internal.AttentionPass;
import org.hopfieldlab.internal.MatrixVector;
import org.hopfieldlab.internal.PatternColumns;
import org.hopfieldlab.internal.SimultaneousSpins;
import org.hopfieldlab.internal.VectorSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's fast passes (Vector API kernels, the energy's reuse of {@code x[1] = W g[0]}, the fused Euler
 * step, the simultaneous spin kernel) against the energy written out from its definition, against the scalar
 * path, and the new kernels against their definitions.
 */
class EngineFastPathTest {

    static final int N = 90;
    static final int K = 40;

    static Stream<Arguments> networks() {
        double[][] signs = Fixtures.signs(K, N, 21);
        double[][] scaled = Fixtures.gaussian(K, N, 0.3, 22);
        Network hierarchy = network().feature(30).layer(20, tanh(1.5)).layer(10, softmax(2)).layer(4, relu())
                .tau(1, 0.5, 0.2, 0.3).convergence(1e-12, 12).build()
                .withSynapse(0, Fixtures.gaussian(20, 30, 0.3, 23))
                .withSynapse(1, Fixtures.gaussian(10, 20, 0.5, 24))
                .withSynapse(2, Fixtures.gaussian(4, 10, 0.5, 25));
        return Stream.of(
                Arguments.of("model B synchronous", modelB(N, K, 2.0).convergence(1e-12, 12).build().store(scaled), false),
                Arguments.of("model B ode, memories moving", modelB(N, K, 2.0).dynamics(ode(0.05)).tau(1, 0.2)
                        .convergence(1e-12, 12).build().store(scaled), false),
                Arguments.of("model B ode, memories at equilibrium", modelB(N, K, 2.0).dynamics(ode(0.1)).tau(1, 0)
                        .convergence(1e-12, 12).build().store(scaled), false),
                Arguments.of("model C synchronous", modelC(N, K, rectifiedPolynomial(2)).convergence(1e-12, 12).build()
                        .store(scaled), false),
                Arguments.of("tanh features, softmax memories, ode", network().feature(N, tanh(2)).memory(K, softmax(2))
                        .dynamics(ode(0.05)).tau(1, 0.1).convergence(1e-12, 12).build().store(scaled), false),
                Arguments.of("classical synchronous", classical(N, K).dynamics(synchronous()).convergence(1e-9, 12)
                        .build().store(signs), true),
                Arguments.of("dense n=3 synchronous", dense(N, K, 3).dynamics(synchronous()).convergence(1e-9, 12)
                        .build().store(signs), true),
                Arguments.of("rectified n=3 synchronous", network().feature(N, sign()).memory(K, rectifiedPolynomial(3))
                        .dynamics(synchronous()).convergence(1e-9, 12).build().store(signs), true),
                Arguments.of("model A ode", modelA(N, K, rectifiedPolynomial(2)).dynamics(ode(0.02)).tau(1, 0.1)
                        .convergence(1e-12, 12).build().store(signs), true),
                Arguments.of("hierarchy synchronous", hierarchy.with(synchronous()), false),
                Arguments.of("hierarchy ode", hierarchy.with(ode(0.05)), false));
    }

    // ------------------------------------------------------------------ energy

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void everyEnergyOnTheTraceIsTheEnergyOfItsStateComputedFromScratch(String name, Network net, boolean spins) {
        for (double[] query : queries(net, spins)) {
            Recall r = net.recall(query);
            assertEquals(0, r.energyLogScale());
            double expected = energyFromScratch(net, r.layerStates());
            double actual = r.energies()[r.steps()];
            assertEquals(expected, actual, 1e-10 * Math.max(1, Math.abs(expected)), name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void aRecallIsTheSameOnANetworkThatHasRecalledBefore(String name, Network net, boolean spins) {
        // a network keeps its engine from one recall to the next: nothing an earlier recall left in it may show
        double[][] queries = queries(net, spins);
        Network used = net.withSeed(net.seed());
        used.recall(queries[1]);
        for (double[] query : new double[][] {queries[0], queries[1], queries[0]}) {
            Recall fresh = net.withSeed(net.seed()).recall(query);
            Recall again = used.recall(query);
            assertArrayEquals(fresh.trajectory(), again.trajectory(), name + ": trajectory");
            assertArrayEquals(fresh.energies(), again.energies(), name + ": energies");
            assertArrayEquals(fresh.layerStates(), again.layerStates(), name + ": layer states");
            assertArrayEquals(fresh.memoryActivations(), again.memoryActivations(), name + ": memories");
            assertEquals(fresh.fixedPoint(), again.fixedPoint(), name + ": fixed point");
            assertEquals(fresh.converged(), again.converged(), name);
            assertEquals(net.withSeed(net.seed()).energy(query), used.energy(query), 0.0, name + ": energy");
        }
    }

    @Test
    void theEnergyAfterEachSynchronousStepIsThatOfTheStateReachedByThatManySteps() {
        // the reused product W g[0] is checked at every step, not only at the end: recall k steps, compare step k
        double[][] scaled = Fixtures.gaussian(K, N, 0.3, 26);
        double[] query = Fixtures.gaussian(1, N, 0.5, 27)[0];
        Network net = modelB(N, K, 3.0).convergence(1e-12, 8).build().store(scaled);
        double[] energies = net.recall(query).energies();
        for (int steps = 1; steps < energies.length; steps++) {
            Recall partial = net.with(new Convergence(1e-12, steps)).recall(query);
            double expected = energyFromScratch(net, partial.layerStates());
            assertEquals(expected, energies[steps], 1e-10 * Math.max(1, Math.abs(expected)), "step " + steps);
        }
    }

    /** E = sum over layers [x . g - L(x)] - sum over synapses g(above) . W g(below), loops straight from Network's formula. */
    static double energyFromScratch(Network net, double[][] x) {
        List<Layer> layers = net.layers();
        double[][] g = new double[layers.size()][];
        double e = 0;
        for (int a = 0; a < layers.size(); a++) {
            Lagrangian lagrangian = layers.get(a).lagrangian();
            g[a] = new double[x[a].length];
            lagrangian.activation(x[a], g[a]);
            for (int i = 0; i < x[a].length; i++) {
                e += x[a][i] * g[a][i];
            }
            e -= lagrangian.value(x[a]);
        }
        for (int s = 0; s + 1 < layers.size(); s++) {
            double[][] w = net.synapse(s);
            for (int r = 0; r < w.length; r++) {
                for (int c = 0; c < w[r].length; c++) {
                    e -= g[s + 1][r] * w[r][c] * g[s][c];
                }
            }
        }
        return e;
    }

    // ------------------------------------------------------------------ vector path against scalar path

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void theScalarPathGivesTheSameRecall(String name, Network net, boolean spins) {
        for (double[] query : queries(net, spins)) {
            Recall fast = net.recall(query);
            Recall scalar = scalar(() -> net.recall(query));
            assertEquals(scalar.steps(), fast.steps(), name);
            double[][] a = fast.trajectory();
            double[][] b = scalar.trajectory();
            for (int t = 0; t < a.length; t++) {
                if (spins) {
                    assertArrayEquals(b[t], a[t], 0.0, name + " step " + t);
                } else {
                    assertArrayEquals(b[t], a[t], 1e-9, name + " step " + t);
                }
            }
            double[] ea = fast.energies();
            double[] eb = scalar.energies();
            for (int t = 0; t < ea.length; t++) {
                assertEquals(eb[t], ea[t], 1e-9 * Math.max(1, Math.abs(eb[t])), name + " energy " + t);
            }
            assertArrayEquals(scalar.memoryActivations(), fast.memoryActivations(), 1e-9, name);
        }
    }

    @Test
    void theExponentialMemoryOverSignsStepsAlikeOnBothPaths() {
        // the log-scaled energy and the stable exponential rule: N = 200 spins, exp(beta N) far beyond a double
        double[][] signs = Fixtures.signs(30, 200, 28);
        Network net = network().feature(200, sign()).memory(30, exponential(4)).dynamics(synchronous())
                .convergence(1e-9, 6).build().store(signs);
        double[] query = Fixtures.flipped(signs[4], 60, 29);
        Recall fast = net.recall(query);
        Recall scalar = scalar(() -> net.recall(query));
        assertTrue(fast.energyLogScale() > 709, "the scale is needed here");
        assertArrayEquals(scalar.trajectory()[fast.steps()], fast.state(), 0.0);
        assertArrayEquals(scalar.energies(), fast.energies(), 1e-9);
        assertArrayEquals(signs[4], fast.state(), 0.0);
    }

    static <T> T scalar(Supplier<T> run) {
        System.setProperty(VectorSupport.PROPERTY, "false");
        try {
            return run.get();
        } finally {
            System.clearProperty(VectorSupport.PROPERTY);
        }
    }

    static double[][] queries(Network net, boolean spins) {
        int n = net.features();
        if (spins) {
            double[][] stored = net.patterns();
            return new double[][] {Fixtures.flipped(stored[2], n / 4, 30), Fixtures.signs(1, n, 31)[0]};
        }
        return Fixtures.gaussian(2, n, 0.5, 32);
    }

    // ------------------------------------------------------------------ the two-layer Euler step

    @Test
    void everyFusedEulerStepIsTheEulerStepOfBothLayersAndItsEnergyThatOfItsState() {
        // tau_f dv/dt = X^T softmax(beta h) - v, tau_h dh/dt = X v - h, from h = X v; the engine computes the
        // drives of step t+1 in the pass that also gives the energy of step t
        double[][] x = Fixtures.gaussian(K, N, 0.3, 33);
        double[] v = Fixtures.gaussian(1, N, 0.5, 34)[0];
        double beta = 2;
        double dt = 0.05;
        double tauH = 0.2;
        int steps = 4;
        Network net = modelB(N, K, beta).dynamics(ode(dt)).tau(1, tauH).convergence(1e-300, steps).build().store(x);
        Recall r = net.recall(v);
        assertEquals(steps, r.steps());
        double[] h = EngineReferenceTest.mul(x, v);
        for (int t = 1; t <= steps; t++) {
            double[] pull = EngineReferenceTest.mulT(x, EngineReferenceTest.softmaxOf(h, beta));
            double[] drive = EngineReferenceTest.mul(x, v);
            double[] v1 = new double[N];
            double[] h1 = new double[K];
            for (int i = 0; i < N; i++) {
                v1[i] = v[i] + dt / 1 * (pull[i] - v[i]);
            }
            for (int mu = 0; mu < K; mu++) {
                h1[mu] = h[mu] + dt / tauH * (drive[mu] - h[mu]);
            }
            v = v1;
            h = h1;
            assertArrayEquals(v, r.trajectory()[t], 1e-12, "step " + t);
            Recall partial = net.with(new Convergence(1e-300, t)).recall(r.query());
            assertArrayEquals(h, partial.layerStates()[1], 1e-12, "memories at step " + t);
            double expected = energyFromScratch(net, partial.layerStates());
            assertEquals(expected, r.energies()[t], 1e-10 * Math.max(1, Math.abs(expected)), "energy at step " + t);
        }
    }

    @Test
    void everySynchronousStepOfModelBIsAttentionAndTheMemoryStateIsItsInputs() {
        // xi <- X^T softmax(beta X xi), five times; the engine computes the update of step t+1 in the pass of step t
        double[][] x = Fixtures.gaussian(K, N, 0.3, 42);
        double[] xi = Fixtures.gaussian(1, N, 0.5, 43)[0];
        double beta = 0.5;   // soft enough that no step reaches the fixed point exactly
        int steps = 5;
        Recall r = modelB(N, K, beta).convergence(1e-300, steps).build().store(x).recall(xi);
        assertEquals(steps, r.steps());
        double[][] trajectory = r.trajectory();
        for (int t = 1; t <= steps; t++) {
            xi = EngineReferenceTest.attention(x, beta, xi);
            assertArrayEquals(xi, trajectory[t], 1e-12, "step " + t);
        }
        double[] h = EngineReferenceTest.mul(x, xi);
        assertArrayEquals(h, r.layerStates()[1], 1e-12);
        assertArrayEquals(EngineReferenceTest.softmaxOf(h, beta), r.memoryActivations(), 1e-12);
    }

    // ------------------------------------------------------------------ kernels against their definitions

    @Test
    void theAttentionPassMatchesItsDefinitionOnBothPaths() {
        for (int[] shape : new int[][] {{1500, 300}, {13, 11}, {1, 5}}) {
            int k = shape[0];
            int n = shape[1];
            double[][] x = Fixtures.gaussian(k, n, 1, 44);
            double[] q = Fixtures.gaussian(1, n, 1, 45)[0];
            double beta = 0.4;   // scores up to about 10 sqrt(n) beta: the running maximum moves many times
            double[] expectedScores = EngineReferenceTest.mul(x, q);
            double[] expected = EngineReferenceTest.attention(x, beta, q);
            for (boolean vector : new boolean[] {true, false}) {
                double[] scores = new double[k];
                double[] out = new double[n];
                run(() -> AttentionPass.run(x, beta, q, scores, out), vector);
                String label = k + " x " + n + (vector ? " vector" : " scalar");
                assertArrayEquals(expectedScores, scores, 1e-12 * n, label);
                assertArrayEquals(expected, out, 1e-12, label);
            }
        }
    }

    @Test
    void matrixVectorProductsMatchTheirDefinitionOnBothPaths() {
        for (int[] shape : new int[][] {{700, 900}, {13, 11}, {1, 1}}) {
            int rows = shape[0];
            int cols = shape[1];
            double[][] w = Fixtures.gaussian(rows, cols, 1, 35);
            double[] v = Fixtures.gaussian(1, cols, 1, 36)[0];
            double[] f = Fixtures.gaussian(1, rows, 1, 37)[0];
            for (int r = 0; r < rows; r += 3) {
                f[r] = 0;     // rows with weight 0 are skipped: the result must not change
            }
            double[] start = Fixtures.gaussian(1, cols, 1, 38)[0];
            double[] expectedProduct = EngineReferenceTest.mul(w, v);
            double[] expectedTransposed = EngineReferenceTest.mulT(w, f);
            for (int c = 0; c < cols; c++) {
                expectedTransposed[c] += start[c];
            }
            for (boolean vector : new boolean[] {true, false}) {
                Supplier<double[][]> run = () -> {
                    double[] product = new double[rows];
                    MatrixVector.multiply(w, v, product);
                    double[] transposed = start.clone();
                    MatrixVector.multiplyTransposedAdd(w, f, transposed);
                    return new double[][] {product, transposed, {MatrixVector.dot(v, start)}};
                };
                double[][] got = vector ? run.get() : scalar(run);
                String label = rows + " x " + cols + (vector ? " vector" : " scalar");
                assertArrayEquals(expectedProduct, got[0], 1e-12 * cols, label);
                assertArrayEquals(expectedTransposed, got[1], 1e-12 * rows, label);
                assertEquals(EngineReferenceTest.dot(v, start), got[2][0], 1e-12 * cols, label);
            }
        }
    }

    @Test
    void simultaneousSpinDropsMatchTheirDefinitionOnBothPaths() {
        int n = 300;
        int k = 700;   // n k x power is above the kernel's split threshold: several parts
        double[][] xi = Fixtures.signs(k, n, 39);
        double[] sigma = Fixtures.flipped(xi[0], 90, 40);
        double[] h = EngineReferenceTest.mul(xi, sigma);
        PatternColumns columns = PatternColumns.of(xi);
        for (boolean vector : new boolean[] {true, false}) {
            for (int power : new int[] {2, 3}) {
                for (boolean rectified : new boolean[] {false, true}) {
                    double[] drops = new double[n];
                    Runnable kernel = () -> SimultaneousSpins.polynomialDrops(columns, power, rectified, sigma, h, drops);
                    run(kernel, vector);
                    for (int i = 0; i < n; i++) {
                        double expected = 0;   // sum_mu F(h_mu - xi s + xi) - F(h_mu - xi s - xi), integers: exact
                        for (int mu = 0; mu < k; mu++) {
                            double rest = h[mu] - xi[mu][i] * sigma[i];
                            expected += f(rest + xi[mu][i], power, rectified) - f(rest - xi[mu][i], power, rectified);
                        }
                        assertEquals(expected, drops[i], 0.0, "power " + power + " rectified " + rectified + " i " + i);
                    }
                    if (power == 2 && !rectified) {
                        double[] closedForm = new double[n];
                        run(() -> SimultaneousSpins.quadraticDrops(xi, SimultaneousSpins.columnSquares(xi), sigma, h,
                                closedForm), vector);
                        assertArrayEquals(drops, closedForm, 0.0, "x^2 in closed form, integers: exact");
                    }
                }
            }
            double[][] real = Fixtures.gaussian(k, n, 1, 41);   // weights that are not integers: equal within rounding
            double[] realFields = EngineReferenceTest.mul(real, sigma);
            double[] termByTerm = new double[n];
            double[] closedForm = new double[n];
            run(() -> SimultaneousSpins.polynomialDrops(PatternColumns.of(real), 2, false, sigma, realFields, termByTerm),
                    vector);
            run(() -> SimultaneousSpins.quadraticDrops(real, SimultaneousSpins.columnSquares(real), sigma,
                    realFields, closedForm), vector);
            assertArrayEquals(termByTerm, closedForm, 1e-9 * k);
            double beta = 0.05;
            double[] drops = new double[n];
            run(() -> SimultaneousSpins.exponentialDrops(columns, beta, sigma, h, drops), vector);
            for (int i = 0; i < n; i++) {
                double top = Double.NEGATIVE_INFINITY;
                for (int mu = 0; mu < k; mu++) {
                    top = Math.max(top, beta * (h[mu] - xi[mu][i] * sigma[i] + Math.abs(xi[mu][i])));
                }
                double expected = 0;
                for (int mu = 0; mu < k; mu++) {
                    double rest = h[mu] - xi[mu][i] * sigma[i];
                    expected += Math.exp(beta * (rest + xi[mu][i]) - top) - Math.exp(beta * (rest - xi[mu][i]) - top);
                }
                assertEquals(expected, drops[i], 1e-12 * k, "exponential i " + i);
            }
        }
    }

    private static void run(Runnable kernel, boolean vector) {
        if (vector) {
            kernel.run();
        } else {
            scalar(() -> {
                kernel.run();
                return null;
            });
        }
    }

    private static double f(double x, int power, boolean rectified) {
        return rectified && x <= 0 ? 0 : Math.pow(x, power);
    }
}
