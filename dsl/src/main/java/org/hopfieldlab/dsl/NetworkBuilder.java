package org.hopfieldlab.dsl;

import java.util.ArrayList;
import java.util.List;

import org.hopfieldlab.model.Check;
import org.hopfieldlab.model.Convergence;
import org.hopfieldlab.model.Dynamics;
import org.hopfieldlab.model.Lagrangian;
import org.hopfieldlab.model.Layer;
import org.hopfieldlab.model.Network;

/**
 * Builds a {@link Network} layer by layer: first {@code feature(...)}, then {@code memory(...)} (and, for
 * hierarchical networks, further {@code layer(...)}s), then the options, then {@link #build()}.
 * Every method checks its argument at once. A builder is a value: each call returns a new builder.
 */
public final class NetworkBuilder {

    /** The first stage: only a feature layer can come first. */
    public static final class Start {
        Start() {}

        /** {@code n} continuous feature neurons with the identity Lagrangian ({@code L = v^2/2}, g = v). */
        public NetworkBuilder feature(int n) {
            return feature(n, new Lagrangian.Identity());
        }

        /** {@code n} feature neurons with the given Lagrangian, e.g. {@code sign()} for +1/-1 spins. */
        public NetworkBuilder feature(int n, Lagrangian lagrangian) {
            Check.atLeast("number of features", n, 1);
            requireLagrangian(lagrangian, "feature");
            return new NetworkBuilder(List.of(new Layer("features", n, lagrangian, 1.0)), null, null, 0L);
        }
    }

    private final List<Layer> layers;
    private final Dynamics dynamics;
    private final Convergence convergence;
    private final long seed;

    private NetworkBuilder(List<Layer> layers, Dynamics dynamics, Convergence convergence, long seed) {
        this.layers = layers;
        this.dynamics = dynamics;
        this.convergence = convergence;
        this.seed = seed;
    }

    /** {@code k} memory neurons with the given Lagrangian (one per stored pattern), e.g. {@code softmax()}. */
    public NetworkBuilder memory(int k, Lagrangian lagrangian) {
        if (layers.size() != 1) {
            throw new IllegalArgumentException("memory(...) comes right after feature(...); for more layers use layer(n, lagrangian)");
        }
        return layer("memories", k, lagrangian);
    }

    /** A further layer above the last one, joined to it by dense synapses (hierarchical memory). */
    public NetworkBuilder layer(int n, Lagrangian lagrangian) {
        return layer(layers.size() == 1 ? "memories" : "layer " + layers.size(), n, lagrangian);
    }

    private NetworkBuilder layer(String name, int n, Lagrangian lagrangian) {
        Check.atLeast("size of " + name, n, 1);
        requireLagrangian(lagrangian, name);
        List<Layer> more = new ArrayList<>(layers);
        more.add(new Layer(name, n, lagrangian, 1.0));
        return new NetworkBuilder(more, dynamics, convergence, seed);
    }

    /** How the state moves: {@code synchronous()}, {@code asynchronous()} or {@code ode(dt)}. */
    public NetworkBuilder dynamics(Dynamics chosen) {
        if (chosen == null) {
            throw new IllegalArgumentException("dynamics is null: use synchronous(), asynchronous() or ode(dt)");
        }
        return new NetworkBuilder(layers, chosen, convergence, seed);
    }

    /**
     * Time constants for {@code ode(dt)}, one per layer from the features up (e.g. {@code tau(1.0, 0.1)}
     * for tau_f = 1, tau_h = 0.1). 0 keeps a layer other than the features at equilibrium.
     */
    public NetworkBuilder tau(double... taus) {
        if (taus == null || taus.length != layers.size()) {
            throw new IllegalArgumentException("tau needs one time constant per layer: this network has " + layers.size()
                    + " layers, got " + (taus == null ? 0 : taus.length));
        }
        List<Layer> changed = new ArrayList<>();
        for (int a = 0; a < taus.length; a++) {
            Check.nonNegativeFinite("time constant of layer " + a + " (" + layers.get(a).name() + ")", taus[a]);
            if (a == 0 && taus[a] == 0) {
                throw new IllegalArgumentException("the feature layer's time constant must be positive, got 0");
            }
            Layer l = layers.get(a);
            changed.add(new Layer(l.name(), l.size(), l.lagrangian(), taus[a]));
        }
        return new NetworkBuilder(changed, dynamics, convergence, seed);
    }

    /** Stop when no value moves by more than {@code tolerance}, or after {@code maxSteps} steps. */
    public NetworkBuilder convergence(double tolerance, int maxSteps) {
        return new NetworkBuilder(layers, dynamics, new Convergence(tolerance, maxSteps), seed);
    }

    /** The seed of the random order of asynchronous updates; same seed, same recall. */
    public NetworkBuilder seed(long newSeed) {
        return new NetworkBuilder(layers, dynamics, convergence, newSeed);
    }

    /** The immutable network. */
    public Network build() {
        if (layers.size() < 2) {
            throw new IllegalArgumentException("a network needs memory neurons too: add .memory(k, softmax()) (or another"
                    + " Lagrangian) after feature(" + layers.get(0).size() + ")");
        }
        return Network.of(layers, dynamics, convergence, seed);
    }

    @Override
    public String toString() {
        return "NetworkBuilder" + layers;
    }

    private static void requireLagrangian(Lagrangian lagrangian, String layer) {
        if (lagrangian == null) {
            throw new IllegalArgumentException("the " + layer + " layer needs a Lagrangian, got null: use e.g. identity(),"
                    + " sign(), softmax(), polynomial(3)");
        }
    }
}
