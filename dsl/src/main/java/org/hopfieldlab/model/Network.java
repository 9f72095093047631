package org.hopfieldlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hopfieldlab.internal.PatternColumns;
import org.hopfieldlab.internal.SignRows;
import org.hopfieldlab.internal.SimultaneousSpins;
import org.hopfieldlab.learn.StorageRule;

/**
 * An immutable network of layers joined by dense synapses between neighbours, with one energy
 *
 * <pre>  E = sum over layers [ x . g(x) - L(x) ]  -  sum over synapses g(above) . W g(below)</pre>
 *
 * from which every dynamic follows. The first layer holds the feature neurons; in a two-layer
 * network the second holds the memory neurons and the synapse between them holds the stored
 * patterns, one per row. Built with {@code Hopfield.network()}; {@link #store} and the other
 * {@code with...} methods return new networks and leave this one as it was.
 */
public final class Network {

    private final List<Layer> layers;
    private final double[][][] synapses;     // synapses[a]: layer a+1 x layer a, rows = neurons of layer a+1
    private final Dynamics dynamics;
    private final Convergence convergence;
    private final long seed;
    private final int declaredMemories;
    /** Which synapses are convolutions: their rows are filters at image positions, not stored patterns. */
    private final boolean[] convolutions;
    /** The stored patterns by column, for the fused asynchronous sweeps; built on first use. */
    private volatile PatternColumns columns;
    /** Per neuron of the first layer, the sum of its squared weights: the classical spin rule's constant term. */
    private volatile double[] columnSquares;
    /** The first synapse packed as bits when every weight is +1 or -1 (else empty); looked at on first use. */
    private volatile Optional<SignRows> signRows;
    /**
     * An engine left by the last recall, for the next: building one allocates and zeroes five arrays per layer,
     * 9 % of a classical N = 1000 recall. A recall takes it or, when another thread holds it, builds its own;
     * an engine sets all of its state from the query (the batch recall has always reused one).
     */
    private final AtomicReference<Engine> spareEngine = new AtomicReference<>();

    Network(List<Layer> layers, double[][][] synapses, Dynamics dynamics, Convergence convergence, long seed,
            int declaredMemories, boolean[] convolutions) {
        this.layers = List.copyOf(layers);
        this.synapses = synapses;
        this.convolutions = convolutions;
        this.dynamics = dynamics;
        this.convergence = convergence;
        this.seed = seed;
        this.declaredMemories = declaredMemories;
    }

    /**
     * A new network with these layers and no synapses yet. Called by the DSL's builder, which has
     * checked the arguments; {@code dynamics} may be null for the default that fits the feature layer.
     */
    public static Network of(List<Layer> layers, Dynamics dynamics, Convergence convergence, long seed) {
        if (layers == null || layers.size() < 2) {
            throw new IllegalArgumentException("a network needs a feature layer and at least one more layer"
                    + " (e.g. network().feature(784).memory(1000, softmax())), got "
                    + (layers == null ? 0 : layers.size()) + " layer(s)");
        }
        Dynamics chosen = dynamics != null ? dynamics
                : layers.get(0).lagrangian().binary() && layers.size() == 2
                        ? new Dynamics.Asynchronous() : new Dynamics.Synchronous();
        Network network = new Network(layers, new double[layers.size() - 1][][], chosen,
                convergence == null ? Convergence.DEFAULT : convergence, seed, layers.get(1).size(),
                new boolean[layers.size() - 1]);
        network.checkDynamics(chosen);
        return network;
    }

    // ---------------------------------------------------------------- storing

    /**
     * Stores patterns, one per row, as the memory layer's weights (Hebbian storage: with a
     * {@code polynomial(2)} memory layer this is the classical network with {@code T = sum xi xi^T}).
     * Fewer patterns than declared memories is fine: the memory layer then has one neuron per pattern.
     *
     * @throws IllegalArgumentException for an empty set, a row of the wrong length, NaN or infinity,
     *     more patterns than declared memories, or values other than +1/-1 for a sign feature layer
     */
    public Network store(double[][] patterns) {
        return store(patterns, StorageRule.hebbian());
    }

    /** Stores patterns with a storage rule: Hebbian, projection (pseudo-inverse) or Storkey. */
    public Network store(double[][] patterns, StorageRule rule) {
        requireTwoLayers("store(patterns)");
        if (rule == null) {
            throw new IllegalArgumentException("storage rule is null: use StorageRule.hebbian(), projection() or storkey()");
        }
        int n = features();
        Check.rows("patterns", patterns, n, "network expects " + n + " features");
        if (patterns.length > declaredMemories) {
            throw new IllegalArgumentException(patterns.length + " patterns given, but the network declares only "
                    + declaredMemories + " memories: declare memory(" + patterns.length + ", ...) or store fewer");
        }
        if (layers.get(0).lagrangian().binary()) {
            for (int p = 0; p < patterns.length; p++) {
                Check.signs("pattern " + p, patterns[p]);
            }
        }
        double[][] weights = rule.memoryWeights(copy(patterns));
        List<Layer> resized = new ArrayList<>(layers);
        resized.set(1, layers.get(1).withSize(weights.length));
        double[][][] newSynapses = synapses.clone();
        newSynapses[0] = weights;
        boolean[] kinds = convolutions.clone();
        kinds[0] = false;
        return new Network(resized, newSynapses, dynamics, convergence, seed, declaredMemories, kinds);
    }

    /**
     * Sets the synapse between layer {@code index} and layer {@code index + 1}: a matrix with one row
     * per neuron of the upper layer and one column per neuron of the lower layer. For hierarchical
     * networks, whose weights come from training or design rather than from {@link #store}.
     */
    public Network withSynapse(int index, double[][] weights) {
        if (index < 0 || index >= synapses.length) {
            throw new IllegalArgumentException("synapse index " + index + " is out of range: this network has "
                    + synapses.length + " synapse(s), numbered 0 to " + (synapses.length - 1));
        }
        int rows = layers.get(index + 1).size();
        int cols = layers.get(index).size();
        Check.rows("synapse rows", weights, cols, "layer " + index + " has " + cols + " neurons");
        if (weights.length != rows) {
            throw new IllegalArgumentException("synapse " + index + " has " + weights.length + " rows, layer "
                    + (index + 1) + " (" + layers.get(index + 1).name() + ") has " + rows + " neurons");
        }
        return withSynapse(index, copy(weights), false);
    }

    private Network withSynapse(int index, double[][] ownWeights, boolean convolution) {
        double[][][] newSynapses = synapses.clone();
        newSynapses[index] = ownWeights;
        boolean[] kinds = convolutions.clone();
        kinds[index] = convolution;
        return new Network(layers, newSynapses, dynamics, convergence, seed, declaredMemories, kinds);
    }

    /**
     * Sets synapse {@code index} to a convolution: the lower layer holds a {@code rows x cols} image,
     * the upper one a feature map per filter (hierarchical convolutional memory, Krotov 2021).
     */
    public Network withConvolution(int index, Convolution convolution) {
        if (convolution == null) {
            throw new IllegalArgumentException("convolution is null");
        }
        if (index >= 0 && index < synapses.length) {
            int lower = layers.get(index).size();
            int upper = layers.get(index + 1).size();
            if (lower != convolution.inputSize()) {
                throw new IllegalArgumentException(convolution + " needs a lower layer of " + convolution.inputSize()
                        + " neurons, layer " + index + " has " + lower);
            }
            if (upper != convolution.outputSize()) {
                throw new IllegalArgumentException(convolution + " makes " + convolution.outputSize()
                        + " upper neurons, layer " + (index + 1) + " has " + upper);
            }
        }
        Network checked = withSynapse(index, convolution.matrix()); // checks the index and the sizes
        return checked.withSynapse(index, checked.synapses[index], true);
    }

    /** Whether synapse {@code index} was set by {@link #withConvolution}: rows are filters, not stored patterns. */
    public boolean isConvolution(int index) {
        if (index < 0 || index >= synapses.length) {
            throw new IllegalArgumentException("synapse index " + index + " is out of range: this network has "
                    + synapses.length + " synapse(s), numbered 0 to " + (synapses.length - 1));
        }
        return convolutions[index];
    }

    /** The same network with other dynamics. */
    public Network with(Dynamics newDynamics) {
        if (newDynamics == null) {
            throw new IllegalArgumentException("dynamics is null: use synchronous(), asynchronous() or ode(dt)");
        }
        checkDynamics(newDynamics);
        return new Network(layers, synapses, newDynamics, convergence, seed, declaredMemories, convolutions);
    }

    /** The same network with another stopping rule. */
    public Network with(Convergence newConvergence) {
        if (newConvergence == null) {
            throw new IllegalArgumentException("convergence is null: use Convergence(tolerance, maxSteps)");
        }
        return new Network(layers, synapses, dynamics, newConvergence, seed, declaredMemories, convolutions);
    }

    /** The same network with another seed (it draws the order of asynchronous updates). */
    public Network withSeed(long newSeed) {
        return new Network(layers, synapses, dynamics, convergence, newSeed, declaredMemories, convolutions);
    }

    // ---------------------------------------------------------------- running

    /** Runs the dynamics from {@code query} until convergence; see {@link Recall}. */
    public Recall recall(double[] query) {
        checkQuery("query", query);
        return withEngine(engine -> engine.recall(query));
    }

    private <T> T withEngine(Function<Engine, T> work) {
        Engine engine = spareEngine.getAndSet(null);
        if (engine == null) {
            engine = new Engine(this);
        }
        try {
            return work.apply(engine);
        } finally {
            spareEngine.set(engine);
        }
    }

    /** Runs the dynamics from an image, a corrupted pattern or any other {@link AsVector}. */
    public Recall recall(AsVector query) {
        if (query == null) {
            throw new IllegalArgumentException("query is null, expected " + features() + " values");
        }
        return recall(query.toArray());
    }

    /** Recalls every row of {@code queries}; the result list is in the same order. */
    public List<Recall> recall(double[][] queries) {
        if (queries == null || queries.length == 0) {
            throw new IllegalArgumentException("no queries given: expected at least one row of " + features() + " values");
        }
        for (int q = 0; q < queries.length; q++) {
            checkQuery("query " + q, queries[q]);
        }
        return withEngine(engine -> {
            List<Recall> results = new ArrayList<>(queries.length);
            for (double[] query : queries) {
                results.add(engine.recall(query));
            }
            return results;
        });
    }

    /**
     * The energy of a feature state, with every higher layer set by one bottom-up pass (for a
     * two-layer network: the memory neurons at equilibrium, the effective energy of the seed's table).
     * Divided by {@code exp(energyLogScale())}.
     */
    public double energy(double[] state) {
        checkQuery("state", state);
        return withEngine(engine -> engine.energyOfFeatureState(state));
    }

    /**
     * Energies (of {@link #energy} and {@link Recall#energies}) are divided by {@code exp} of this, so
     * that an exponential memory over many sign features stays finite: {@code beta * N} for patterns
     * of +1/-1 (Demircigil et al. 2017 subtract the maximum for the same reason). 0 for every other model.
     */
    public double energyLogScale() {
        return Engine.logScale(this, dynamics);
    }

    // ---------------------------------------------------------------- looking

    public List<Layer> layers() { return layers; }
    public int features() { return layers.get(0).size(); }
    /** Number of memory neurons (layer 1): the number of stored patterns once stored. */
    public int memories() { return layers.get(1).size(); }
    public Dynamics dynamics() { return dynamics; }
    public Convergence convergence() { return convergence; }
    public long seed() { return seed; }
    public boolean stored() { return synapses[0] != null; }

    /** The stored patterns / memory weights, one per row (a copy). */
    public double[][] patterns() {
        requireSynapse(0);
        return copy(synapses[0]);
    }

    /** Synapse {@code index} (a copy): rows are the neurons of layer {@code index + 1}. */
    public double[][] synapse(int index) {
        if (index < 0 || index >= synapses.length) {
            throw new IllegalArgumentException("synapse index " + index + " is out of range 0 to " + (synapses.length - 1));
        }
        requireSynapse(index);
        return copy(synapses[index]);
    }

    double[][] synapseUnsafe(int index) {
        return synapses[index];
    }

    PatternColumns columns() {
        PatternColumns c = columns;
        if (c == null) {
            c = PatternColumns.of(synapses[0]);
            columns = c;
        }
        return c;
    }

    double[] columnSquares() {
        double[] c = columnSquares;
        if (c == null) {
            c = SimultaneousSpins.columnSquares(synapses[0]);
            columnSquares = c;
        }
        return c;
    }

    Optional<SignRows> signRows() {
        Optional<SignRows> r = signRows;
        if (r == null) {
            r = Optional.ofNullable(SignRows.of(synapses[0]));
            signRows = r;
        }
        return r;
    }

    @Override
    public String toString() {
        String body = layers.stream().map(Layer::toString).collect(Collectors.joining("; "));
        String state = stored() ? "" : "; nothing stored yet";
        return "Network[" + body + "; " + dynamics + state + "]";
    }

    // ---------------------------------------------------------------- checks

    private void checkQuery(String what, double[] query) {
        for (int s = 0; s < synapses.length; s++) {
            requireSynapse(s);
        }
        Check.vector(what, query, features(), "network expects " + features() + " features");
        if (layers.get(0).lagrangian().binary()) {
            Check.signs(what, query);
        }
    }

    private void requireSynapse(int index) {
        if (synapses[index] == null) {
            throw new IllegalStateException(index == 0 && layers.size() == 2
                    ? "no patterns stored yet: call store(patterns) first, e.g. net = net.store(patterns)"
                    : "synapse " + index + " between layers " + index + " and " + (index + 1)
                            + " has no weights yet: call withSynapse(" + index + ", weights)");
        }
    }

    private void requireTwoLayers(String operation) {
        if (layers.size() != 2) {
            throw new IllegalArgumentException(operation + " needs a two-layer network (features and memories);"
                    + " this one has " + layers.size() + " layers: set each synapse with withSynapse(index, weights)");
        }
    }

    private void checkDynamics(Dynamics d) {
        if (d instanceof Dynamics.Asynchronous) {
            if (!layers.get(0).lagrangian().binary() || layers.size() != 2) {
                throw new IllegalArgumentException("asynchronous() updates need a sign() feature layer and one memory"
                        + " layer; this network has " + layers.get(0).lagrangian().describe() + " features and "
                        + layers.size() + " layers: use synchronous() or ode(dt)");
            }
        }
        if (d instanceof Dynamics.Ode ode) {
            double smallest = layers.stream().mapToDouble(Layer::tau).filter(t -> t > 0).min().orElse(0);
            if (layers.get(0).tau() == 0) {
                throw new IllegalArgumentException("the feature layer needs a positive time constant for ode(dt), got 0");
            }
            if (ode.dt() > smallest) {
                throw new IllegalArgumentException("dt = " + ode.dt() + " exceeds the smallest time constant " + smallest
                        + ": Euler steps would overshoot; use dt <= " + smallest);
            }
        }
    }

    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
