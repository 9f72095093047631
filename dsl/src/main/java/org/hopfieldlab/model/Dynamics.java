package org.hopfieldlab.model;

/**
 * How the network's state moves downhill in its energy. All three follow from the one energy.
 */
public sealed interface Dynamics permits Dynamics.Synchronous, Dynamics.Asynchronous, Dynamics.Ode {

    /**
     * Every layer jumps to its equilibrium given its neighbours, layer after layer: exact descent of
     * the energy for convex Lagrangians. With one memory layer this is the effective rule, e.g.
     * {@code xi <- X softmax(beta X^T xi)} for Model B. Sign features are the exception: all spins
     * take at once the value the exact energy-difference rule gives each of them, which for the
     * classical network is the textbook {@code sigma_i <- sgn(sum_{j != i} T_ij sigma_j)}; it may
     * fall into two-cycles and raise the energy, both reported on the {@link Recall}.
     * One step = one pass over all layers.
     */
    record Synchronous() implements Dynamics {
        @Override public String toString() { return "synchronous"; }
    }

    /**
     * Sign features flip one at a time, in a random order drawn from the seed, each to the value with
     * the lower energy (the exact energy-difference rule of Krotov &amp; Hopfield 2016).
     * One step = one sweep over all features.
     */
    record Asynchronous() implements Dynamics {
        @Override public String toString() { return "asynchronous"; }
    }

    /**
     * Euler integration of {@code tau_A dx_A/dt = (input from the neighbours) - x_A} for every layer,
     * each with its own time constant; layers with tau = 0 stay at equilibrium. One step = dt.
     */
    record Ode(double dt) implements Dynamics {
        public Ode {
            Check.positiveFinite("dt", dt);
        }
        @Override public String toString() { return "ode dt=" + dt; }
    }
}
