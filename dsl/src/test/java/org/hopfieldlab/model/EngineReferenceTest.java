package org.hopfieldlab.model;

import static org.hopfieldlab.dsl.Hopfield.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The engine against naive implementations written straight from the papers' formulas. */
class EngineReferenceTest {

    @Test
    void classicalEnergyIsTheHebbianQuadraticForm() {
        int n = 40;
        double[][] xi = Fixtures.signs(6, n, 1);
        Network net = classical(n, 6).build().store(xi);
        double[][] t = new double[n][n];                     // T_ij = sum_mu xi_i xi_j
        for (double[] p : xi) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    t[i][j] += p[i] * p[j];
                }
            }
        }
        for (double[] sigma : Fixtures.signs(10, n, 2)) {
            double e = 0;                                     // E = -sum_ij sigma_i T_ij sigma_j
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    e -= sigma[i] * t[i][j] * sigma[j];
                }
            }
            assertEquals(e, net.energy(sigma), 1e-9);
        }
    }

    @Test
    void asynchronousSweepIsTheExactEnergyDifferenceRuleOfKrotovHopfield2016() {
        int n = 50;
        int k = 30;
        int power = 3;
        double[][] xi = Fixtures.signs(k, n, 3);
        long seed = 17;
        Network net = dense(n, k, power).seed(seed).convergence(1e-9, 1).build().store(xi);
        double[] query = Fixtures.signs(1, n, 4)[0];
        double[] engine = net.recall(query).state();

        // sigma_i <- Sign[ sum_mu F(xi_i + sum_{j != i} xi_j sigma_j) - F(-xi_i + sum_{j != i} xi_j sigma_j) ]
        int[] order = Engine.identityOrder(n);
        Engine.shuffle(order, new SplittableRandom(seed));
        double[] sigma = query.clone();
        for (int i : order) {
            double difference = 0;
            for (double[] p : xi) {
                double rest = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        rest += p[j] * sigma[j];
                    }
                }
                difference += Math.pow(p[i] + rest, power) - Math.pow(-p[i] + rest, power);
            }
            if (difference != 0) {
                sigma[i] = Math.signum(difference);
            }
        }
        assertArrayEquals(sigma, engine);
    }

    @Test
    void asynchronousSweepOfTheExponentialMemoryIsTheExactRule() {
        int n = 40;
        int k = 60;
        double beta = 0.3;
        double[][] xi = Fixtures.signs(k, n, 12);
        long seed = 5;
        Network net = network().feature(n, sign()).memory(k, exponential(beta)).seed(seed).convergence(1e-9, 1)
                .build().store(xi);
        double[] query = Fixtures.flipped(xi[3], 12, 13);
        int[] order = Engine.identityOrder(n);
        Engine.shuffle(order, new SplittableRandom(seed));
        double[] sigma = query.clone();
        for (int i : order) {
            double difference = 0;   // sum_mu exp(beta (xi_i + rest)) - exp(beta (-xi_i + rest)), small enough here
            for (double[] p : xi) {
                double rest = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        rest += p[j] * sigma[j];
                    }
                }
                difference += Math.exp(beta * (p[i] + rest)) - Math.exp(beta * (-p[i] + rest));
            }
            if (difference != 0) {
                sigma[i] = Math.signum(difference);
            }
        }
        assertArrayEquals(sigma, net.recall(query).state());
    }

    @Test
    void synchronousClassicalStepIsTheTextbookRuleWithoutSelfCoupling() {
        int n = 40;
        double[][] xi = Fixtures.signs(8, n, 5);
        Network net = classical(n, 8).dynamics(synchronous()).convergence(1e-9, 1).build().store(xi);
        double[] sigma = Fixtures.signs(1, n, 6)[0];
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            double field = 0;
            for (double[] p : xi) {
                for (int j = 0; j < n; j++) {
                    if (j != i) {                             // sigma_i <- sgn(sum_{j != i} T_ij sigma_j)
                        field += p[i] * p[j] * sigma[j];
                    }
                }
            }
            expected[i] = field > 0 ? 1 : field < 0 ? -1 : sigma[i];
        }
        assertArrayEquals(expected, net.recall(sigma).trajectory()[1]);
    }

    @Test
    void modelBStepIsXTransposedSoftmaxOfBetaXXi() {
        int n = 20;
        int k = 15;
        double beta = 0.8;
        double[][] x = Fixtures.gaussian(k, n, 1, 7);
        double[] query = Fixtures.gaussian(1, n, 1, 8)[0];
        double[] expected = attention(x, beta, query);
        Network net = modelB(n, k, beta).convergence(1e-9, 1).build().store(x);
        assertArrayEquals(expected, net.recall(query).trajectory()[1], 1e-12);

        // One Euler step with dt = tau_f, memories at equilibrium (tau_h -> 0), is the same update.
        Network ode = modelB(n, k, beta).dynamics(ode(1.0)).tau(1.0, 0.0).convergence(1e-9, 1).build().store(x);
        assertArrayEquals(expected, ode.recall(query).trajectory()[1], 1e-12);
    }

    @Test
    void odeStepIsEulerOfTheHierarchicalEquations() {
        // tau_A dx_A/dt = W_{A-1} g_{A-1} + W_A^T g_{A+1} - x_A   (Krotov 2021)
        double[][] w0 = Fixtures.gaussian(5, 7, 0.5, 9);
        double[][] w1 = Fixtures.gaussian(3, 5, 0.5, 10);
        double dt = 0.1;
        double[] tau = {1.0, 0.5, 0.25};
        Network net = network().feature(7, tanh(1)).layer(5, relu()).layer(3, softmax(1.5))
                .dynamics(ode(dt)).tau(tau).convergence(1e-9, 1).build().withSynapse(0, w0).withSynapse(1, w1);
        double[] v = Fixtures.gaussian(1, 7, 1, 11)[0];
        // initial state: features from the query, higher layers bottom-up
        double[] g0 = new double[7];
        for (int i = 0; i < 7; i++) {
            g0[i] = Math.tanh(v[i]);
        }
        double[] x1 = mul(w0, g0);
        double[] g1 = new double[5];
        for (int i = 0; i < 5; i++) {
            g1[i] = Math.max(0, x1[i]);
        }
        double[] x2 = mul(w1, g1);
        double[] g2 = softmaxOf(x2, 1.5);
        double[] drive0 = mulT(w0, g1);
        double[] expected = new double[7];
        for (int i = 0; i < 7; i++) {
            expected[i] = v[i] + dt / tau[0] * (drive0[i] - v[i]);
        }
        assertArrayEquals(expected, net.recall(v).trajectory()[1], 1e-12);
        // and the energy at step 0 is the formula's
        double e = 0;
        for (int i = 0; i < 7; i++) {
            e += v[i] * g0[i] - Math.log(Math.cosh(v[i]));
        }
        for (int i = 0; i < 5; i++) {
            e += x1[i] * g1[i] - 0.5 * Math.pow(Math.max(0, x1[i]), 2);
        }
        double lse = 0;
        for (double h : x2) {
            lse += Math.exp(1.5 * h);
        }
        for (int i = 0; i < 3; i++) {
            e += x2[i] * g2[i];
        }
        e -= Math.log(lse) / 1.5;
        e -= dot(g1, mul(w0, g0)) + dot(g2, mul(w1, g1));
        assertEquals(e, net.recall(v).energies()[0], 1e-10);
    }

    static double[] attention(double[][] x, double beta, double[] query) {
        double[] scores = mul(x, query);
        double[] p = softmaxOf(scores, beta);
        return mulT(x, p);
    }

    static double[] softmaxOf(double[] h, double beta) {
        double max = java.util.Arrays.stream(h).max().orElseThrow();
        double[] p = new double[h.length];
        double z = 0;
        for (int i = 0; i < h.length; i++) {
            p[i] = Math.exp(beta * (h[i] - max));
            z += p[i];
        }
        for (int i = 0; i < h.length; i++) {
            p[i] /= z;
        }
        return p;
    }

    static double[] mul(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            out[r] = dot(m[r], v);
        }
        return out;
    }

    static double[] mulT(double[][] m, double[] v) {
        double[] out = new double[m[0].length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < out.length; c++) {
                out[c] += m[r][c] * v[r];
            }
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
