package org.hopfieldlab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.hopfieldlab.internal.AttentionPass;
import org.hopfieldlab.internal.DenseSweep;
import org.hopfieldlab.internal.EulerStep;
import org.hopfieldlab.internal.MatrixVector;
import org.hopfieldlab.internal.SignRows;
import org.hopfieldlab.internal.SimultaneousSpins;

/**
 * Runs one network's dynamics. Every rule here descends the one energy of {@link Network}:
 * synchronous = exact minimisation over one layer at a time; asynchronous = exact minimisation over
 * one sign neuron at a time; ODE = Euler steps of the gradient flow. Not thread-safe: one per thread.
 *
 * <p>The passes over the weights run on the fused kernels of {@code internal} (Vector API when present,
 * split across cores when large): {@link MatrixVector} for {@code W g} and {@code W^T f},
 * {@link AttentionPass} for the synchronous step of a softmax memory, {@link EulerStep} for the Euler
 * step of a two-layer network, {@link SimultaneousSpins} and {@link DenseSweep} for sign features.
 */
final class Engine {

    private final Network net;
    private final int layerCount;
    private final Layer[] layers;
    private final double[][][] w;
    private final double logScale;
    private final double[][] x;        // internal state of each layer
    private final double[][] g;        // activation of each layer (the memory layer's divided by exp(logScale))
    private final double[][] input;    // work buffers: drive of each layer
    private final double[][] scratch;
    private final double[][] product;  // work buffers: W_{a-1} g_{a-1}, for the energy's coupling terms
    /** The softmax memory of a two-layer synchronous network over continuous features, else null. */
    private final Lagrangian.Softmax attention;
    /** With {@link #attention}: {@code W^T softmax(beta W g[0])} of the current state, the features' next state. */
    private final double[] nextFeatures;
    /**
     * In a two-layer network: an array holding exactly {@code W_0 g[0]} for the current {@code g[0]}, when a
     * pass over the patterns has already computed it, else null. {@link #energy()} then takes the coupling
     * from it instead of a second pass. Why it holds where it is set: the memory layer has no layer above it,
     * so its drive is {@code W_0 g[0]} and nothing else. {@link #initialise}, {@link #synchronousStep} (the
     * memory layer is updated last, from the feature activations just computed), {@link #attentionStep} and
     * {@link #simultaneousSpinStep} set {@code x[1]} to exactly that product of the current features
     * ({@code g[0] = sign(sigma) = sigma} for spins), and so does {@link #odeStep} when the memory layer is at
     * equilibrium ({@code tau = 0}): then it is {@code x[1]}. {@link #twoLayerEulerStep} computes the product
     * of the state it reached for the next step's drive: then it is {@link #eulerDrive}. An asynchronous sweep
     * keeps {@code x[1]} up to date incrementally (rounding may drift from {@code W sigma} for weights that
     * are not integers) and clears it.
     */
    private double[] heldProduct;
    /** Two-layer ODE with moving memories: the next step's drive of the memories, {@code W_0 g[0]} of this state. */
    private final double[] eulerDrive;
    /** Two-layer ODE with moving memories: the features after the next Euler step. */
    private final double[] eulerNext;
    /** Whether {@link #eulerDrive} and {@link #eulerNext} belong to the current state. */
    private boolean eulerPrepared;
    /**
     * Two-layer ODE with moving softmax memories: the memory Lagrangian, else null. At the start of a recall
     * the memories sit at equilibrium ({@code h = W_0 g[0]}), so the first Euler step's pull
     * {@code W_0^T softmax(beta h)} is exactly what the attention pass computes together with h: one pass
     * over the patterns prepares the first step instead of two.
     */
    private final Lagrangian.Softmax eulerAttention;
    /** ODE dynamics: the Euler rate of the features, {@code dt / tau_f}. */
    private final double eulerFeatureRate;
    /** Sign features over +1/-1 patterns (the classical case): the patterns as bits, else null. */
    private final SignRows signPatterns;

    Engine(Network net) {
        this.net = net;
        this.layerCount = net.layers().size();
        this.layers = net.layers().toArray(new Layer[0]);
        this.w = new double[layerCount - 1][][];
        for (int s = 0; s < w.length; s++) {
            w[s] = net.synapseUnsafe(s);
        }
        this.logScale = logScale(net, net.dynamics());
        this.attention = layerCount == 2 && net.dynamics() instanceof Dynamics.Synchronous
                && !layers[0].lagrangian().binary() && layers[1].lagrangian() instanceof Lagrangian.Softmax softmax
                ? softmax : null;
        this.nextFeatures = attention == null ? null : new double[layers[0].size()];
        boolean movingMemories = layerCount == 2 && net.dynamics() instanceof Dynamics.Ode && layers[1].tau() > 0;
        this.eulerDrive = movingMemories ? new double[layers[1].size()] : null;
        this.eulerNext = movingMemories ? new double[layers[0].size()] : null;
        this.eulerAttention = movingMemories && layers[1].lagrangian() instanceof Lagrangian.Softmax softmax
                ? softmax : null;
        this.eulerFeatureRate = net.dynamics() instanceof Dynamics.Ode ode ? ode.dt() / layers[0].tau() : 0;
        this.signPatterns = layerCount == 2 && layers[0].lagrangian().binary() ? net.signRows().orElse(null) : null;
        this.x = new double[layerCount][];
        this.g = new double[layerCount][];
        this.input = new double[layerCount][];
        this.scratch = new double[layerCount][];
        this.product = new double[layerCount][];
        for (int a = 0; a < layerCount; a++) {
            int n = layers[a].size();
            x[a] = new double[n];
            g[a] = new double[n];
            input[a] = new double[n];
            scratch[a] = new double[n];
            product[a] = new double[n];
        }
    }

    /**
     * The log scale of the energy: non-zero only for an exponential memory over sign features with
     * exact (synchronous or asynchronous) dynamics, where the largest memory input is bounded by the
     * largest L1 norm of a stored pattern.
     */
    static double logScale(Network net, Dynamics dynamics) {
        if (net.layers().size() != 2 || !net.layers().get(0).lagrangian().binary() || dynamics instanceof Dynamics.Ode
                || !net.stored()) {
            return 0;
        }
        Lagrangian memory = net.layers().get(1).lagrangian();
        if (memory.logScaleFor(Double.MAX_VALUE) == 0) {
            return 0;   // no scale whatever the input (every memory but the exponential): spare the pass over the patterns
        }
        double maxNorm = 0;
        for (double[] row : net.synapseUnsafe(0)) {
            double norm = 0;
            for (double v : row) {
                norm += Math.abs(v);
            }
            maxNorm = Math.max(maxNorm, norm);
        }
        return net.layers().get(1).lagrangian().logScaleFor(maxNorm);
    }

    // ------------------------------------------------------------------ energy

    double energyOfFeatureState(double[] state) {
        initialise(state, false);
        return energy();
    }

    /** The energy of the current state of all layers, divided by exp(logScale). */
    double energy() {
        double unscaled = Math.exp(-logScale);   // for terms that do not involve the scaled layer
        double e = 0;
        for (int a = 0; a < layerCount; a++) {
            Lagrangian lagrangian = layers[a].lagrangian();
            double s = scaleOf(a);
            double term = dot(x[a], g[a]) - lagrangian.value(x[a], s);
            e += s != 0 ? term : term * unscaled;
        }
        for (int s = 0; s < w.length; s++) {
            double coupling;
            if (s == 0 && heldProduct != null) {
                coupling = dot(g[1], heldProduct);          // W_0 g[0]: see heldProduct
            } else {
                multiply(w[s], g[s], product[s + 1]);
                coupling = dot(g[s + 1], product[s + 1]);
            }
            boolean scaled = scaleOf(s) != 0 || scaleOf(s + 1) != 0;
            e -= scaled ? coupling : coupling * unscaled;
        }
        return e;
    }

    private double scaleOf(int layer) {
        return layer == 1 ? logScale : 0;
    }

    private void activate(int a) {
        layers[a].lagrangian().activation(x[a], scaleOf(a), g[a]);
    }

    // ------------------------------------------------------------------ recall

    /**
     * Features take the query; each higher layer is set from the one below. Before a recall of a softmax
     * memory, the pass that sets the memory inputs also computes the first step's update.
     */
    private void initialise(double[] query, boolean stepsFollow) {
        System.arraycopy(query, 0, x[0], 0, query.length);
        activate(0);
        for (int a = 1; a < layerCount; a++) {
            if (attention != null && stepsFollow) {
                AttentionPass.run(w[0], attention.beta(), g[0], x[1], nextFeatures);
            } else if (eulerAttention != null && stepsFollow) {
                AttentionPass.run(w[0], eulerAttention.beta(), g[0], x[1], eulerNext);
            } else if (a == 1) {
                patternProduct(g[0], x[1]);
            } else {
                multiply(w[a - 1], g[a - 1], x[a]);
            }
            activate(a);
        }
        heldProduct = layerCount == 2 ? x[1] : null;
        eulerPrepared = false;
        if (eulerAttention != null && stepsFollow) {
            firstEulerFromAttention();
        }
    }

    /**
     * What {@link #prepareEuler} computes, from the attention pass of {@link #initialise}: {@link #eulerNext}
     * holds the pull {@code W_0^T g[1]} (equal to EulerStep's up to rounding), the memories' drive is the
     * product already in {@code x[1]}.
     */
    private void firstEulerFromAttention() {
        double[] v = x[0];
        double[] next = eulerNext;
        for (int i = 0; i < v.length; i++) {
            next[i] = v[i] + eulerFeatureRate * (next[i] - v[i]);
        }
        System.arraycopy(x[1], 0, eulerDrive, 0, eulerDrive.length);
        eulerPrepared = true;
    }

    Recall recall(double[] query) {
        Convergence convergence = net.convergence();
        Dynamics dynamics = net.dynamics();
        initialise(query, true);
        List<double[]> trajectory = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        trajectory.add(featureState());
        energies.add(checkedEnergy(0));
        SplittableRandom random = new SplittableRandom(net.seed());
        int[] order = identityOrder(layers[0].size());
        boolean converged = false;
        int cycle = 0;
        for (int step = 1; step <= convergence.maxSteps(); step++) {
            double change;
            if (dynamics instanceof Dynamics.Asynchronous) {
                shuffle(order, random);
                change = asynchronousSweep(order);
            } else if (dynamics instanceof Dynamics.Ode ode) {
                change = odeStep(ode.dt(), step == convergence.maxSteps());
            } else {
                change = attention != null ? attentionStep(step == convergence.maxSteps()) : synchronousStep();
            }
            double[] state = featureState();
            checkFinite(state, step);
            trajectory.add(state);
            energies.add(checkedEnergy(step));
            if (change <= convergence.tolerance()) {
                converged = true;
                break;
            }
            if (dynamics instanceof Dynamics.Synchronous) {
                cycle = cyclePeriod(trajectory, convergence.tolerance());
                if (cycle > 0) {
                    break;
                }
            }
        }
        double[] energyArray = energies.stream().mapToDouble(Double::doubleValue).toArray();
        double[] memory = g[1].clone();
        return Recall.of(net, query, trajectory.toArray(new double[0][]), energyArray, converged, cycle,
                firstRise(energyArray), memory, logScale, x);
    }

    /** What the user sees as the state: the spins of a sign layer, the internal state otherwise. */
    private double[] featureState() {
        return layers[0].lagrangian().binary() ? g[0].clone() : x[0].clone();
    }

    /** Gauss-Seidel over layers: each jumps to the minimum of the energy given its neighbours. */
    private double synchronousStep() {
        if (layerCount == 2 && layers[0].lagrangian().binary()) {
            return simultaneousSpinStep();
        }
        double change = 0;
        for (int a = 0; a < layerCount; a++) {
            drive(a);
            if (layers[a].lagrangian().binary()) {
                for (int i = 0; i < x[a].length; i++) {
                    double next = input[a][i] > 0 ? 1 : input[a][i] < 0 ? -1 : x[a][i];
                    change = Math.max(change, Math.abs(next - x[a][i]));
                    x[a][i] = next;
                }
            } else {
                double moved = 0;
                for (int i = 0; i < x[a].length; i++) {
                    moved = Math.max(moved, Math.abs(input[a][i] - x[a][i]));
                }
                change = Math.max(change, moved / magnitude(input[a]));
                System.arraycopy(input[a], 0, x[a], 0, x[a].length);
            }
            activate(a);
        }
        heldProduct = layerCount == 2 && !layers[1].lagrangian().binary() ? x[1] : null;
        return change;
    }

    /**
     * {@link #synchronousStep} for a softmax memory over continuous features, with one pass over the patterns
     * per step instead of two: the pass that computed the memory inputs {@code W g[0]} of the current state
     * also computed {@code W^T softmax(beta W g[0]) = W^T g[1]}, the features' next state (in
     * {@link #nextFeatures}; equal to the product with the memory activations up to rounding). The features
     * take it, then one pass sets the new memory inputs and, unless this is the last step allowed, the update
     * of the step after. Same order, same change measure as the general step.
     */
    private double attentionStep(boolean last) {
        double[] next = nextFeatures;
        double change = largestMove(x[0], next) / magnitude(next);
        System.arraycopy(next, 0, x[0], 0, next.length);
        activate(0);
        double[] memoryInput = input[1];
        if (last) {
            multiply(w[0], g[0], memoryInput);
        } else {
            AttentionPass.run(w[0], attention.beta(), g[0], memoryInput, nextFeatures);
        }
        change = Math.max(change, largestMove(x[1], memoryInput) / magnitude(memoryInput));
        System.arraycopy(memoryInput, 0, x[1], 0, memoryInput.length);
        activate(1);
        heldProduct = x[1];
        return change;
    }

    /**
     * Every spin takes, at the same time, the value the exact energy-difference rule gives it in the
     * current state: the seed's update applied to all neurons at once. For the classical network this
     * is the textbook {@code sigma_i <- sgn(sum_{j != i} T_ij sigma_j)}, with its two-cycles, and the
     * energy may rise (reported on the trace). Returns the number of flips.
     */
    private double simultaneousSpinStep() {
        double[] sigma = x[0];
        double[] next = scratch[0];
        if (!preferredSpinsAtOnce(layers[1].lagrangian(), next)) {
            for (int i = 0; i < sigma.length; i++) {
                next[i] = preferredSpin(i);
            }
        }
        int flips = 0;
        for (int i = 0; i < sigma.length; i++) {
            if (next[i] != sigma[i]) {
                flips++;
                sigma[i] = next[i];
            }
        }
        patternProduct(sigma, x[1]);
        activate(0);
        activate(1);
        heldProduct = x[1];
        return flips;
    }

    /**
     * For the additive memories with a fused kernel: every spin's preferred value at once, written to
     * {@code next}, by the same rule as {@link #preferredSpin}. False when the memory has no such kernel.
     */
    private boolean preferredSpinsAtOnce(Lagrangian memory, double[] next) {
        double[] drops = product[0];   // layer 0 has no layer below: its product buffer is free
        if (memory instanceof Lagrangian.Polynomial p && p.power() == 2) {
            SimultaneousSpins.quadraticDrops(w[0], net.columnSquares(), x[0], x[1], drops);  // the classical network: by rows
        } else if (memory instanceof Lagrangian.Polynomial p) {
            SimultaneousSpins.polynomialDrops(net.columns(), p.power(), false, x[0], x[1], drops);
        } else if (memory instanceof Lagrangian.RectifiedPolynomial r) {
            SimultaneousSpins.polynomialDrops(net.columns(), r.power(), true, x[0], x[1], drops);
        } else if (memory instanceof Lagrangian.Exponential e) {
            SimultaneousSpins.exponentialDrops(net.columns(), e.beta(), x[0], x[1], drops);
        } else {
            return false;
        }
        double[] sigma = x[0];
        for (int i = 0; i < sigma.length; i++) {
            next[i] = drops[i] > 0 ? 1 : drops[i] < 0 ? -1 : sigma[i];
        }
        return true;
    }

    /**
     * The value of spin i with the lower energy, all other spins and the memory inputs h = W sigma as
     * they are: E = -L(h), so the spin goes where L is larger; a tie keeps the spin.
     */
    private double preferredSpin(int i) {
        double[][] patterns = w[0];
        double[] sigma = x[0];
        double[] h = x[1];
        double[] plus = scratch[1];
        double[] minus = input[1];
        for (int mu = 0; mu < patterns.length; mu++) {
            double xi = patterns[mu][i];
            double rest = h[mu] - xi * sigma[i];
            plus[mu] = rest + xi;
            minus[mu] = rest - xi;
        }
        double preference = layers[1].lagrangian().preference(plus, minus);
        return preference > 0 ? 1 : preference < 0 ? -1 : sigma[i];
    }

    /**
     * One sweep of the exact energy-difference rule (Krotov &amp; Hopfield 2016): each spin takes the
     * value whose energy is lower, keeping its value on a tie. The memory inputs h = W sigma are
     * kept up to date incrementally, so a sweep costs O(N K).
     */
    private double asynchronousSweep(int[] order) {
        heldProduct = null;
        Lagrangian memory = layers[1].lagrangian();
        if (memory instanceof Lagrangian.Polynomial || memory instanceof Lagrangian.RectifiedPolynomial
                || memory instanceof Lagrangian.Exponential) {
            return fusedSweep(memory, order);
        }
        double[][] patterns = w[0];
        double[] sigma = x[0];
        double[] h = x[1];
        int flips = 0;
        for (int i : order) {
            double next = preferredSpin(i);
            if (next != sigma[i]) {
                flips++;
                double delta = next - sigma[i];
                for (int mu = 0; mu < patterns.length; mu++) {
                    h[mu] += patterns[mu][i] * delta;
                }
                sigma[i] = next;
            }
        }
        activate(0);
        activate(1);
        return flips;
    }

    /** The same rule for the additive memories, as one fused Vector API pass (internal.DenseSweep). */
    private double fusedSweep(Lagrangian memory, int[] order) {
        int flips;
        if (memory instanceof Lagrangian.Polynomial p) {
            flips = DenseSweep.sweep(net.columns(), p.power(), x[0], x[1], order);
        } else if (memory instanceof Lagrangian.RectifiedPolynomial r) {
            flips = DenseSweep.sweepRectified(net.columns(), r.power(), x[0], x[1], order);
        } else {
            flips = DenseSweep.sweepExponential(net.columns(), ((Lagrangian.Exponential) memory).beta(), x[0], x[1], order);
        }
        activate(0);
        activate(1);
        return flips;
    }

    /** One Euler step for every layer with a time constant; the others are put at equilibrium. */
    private double odeStep(double dt, boolean last) {
        if (eulerDrive != null) {
            return twoLayerEulerStep(dt, last);
        }
        double residual = 0;
        for (int a = 0; a < layerCount; a++) {
            if (layers[a].tau() > 0) {
                drive(a);   // from the activations of the previous step: all layers move together
            }
        }
        for (int a = 0; a < layerCount; a++) {
            double tau = layers[a].tau();
            if (tau > 0) {
                double rate = dt / tau;
                double largest = 0;
                for (int i = 0; i < x[a].length; i++) {
                    double force = input[a][i] - x[a][i];
                    largest = Math.max(largest, Math.abs(force));
                    x[a][i] += rate * force;
                }
                residual = Math.max(residual, largest / magnitude(x[a]));
            }
        }
        for (int a = 0; a < layerCount; a++) {
            if (layers[a].tau() > 0) {
                activate(a);
            }
        }
        for (int a = 0; a < layerCount; a++) {
            if (layers[a].tau() == 0) {
                drive(a);
                System.arraycopy(input[a], 0, x[a], 0, x[a].length);
                activate(a);
            }
        }
        heldProduct = layerCount == 2 ? x[1] : null;   // here the memory layer is at equilibrium: x[1] = W_0 g[0]
        return residual;
    }

    /**
     * The same Euler step for a two-layer network whose memories move too, on one pass over the patterns per
     * step: {@link EulerStep} fuses both drives of a state, {@code W_0 g[0]} and {@code W_0^T g[1]}, and is run
     * right after the state is reached, on a copy of the features and with the memory rate 1 on a zeroed
     * array. So it yields the features after the next step ({@link #eulerNext}, the same arithmetic as on the
     * features themselves) and the memories' drive {@code 0 + 1 (W_0 g[0] - 0)}, exactly {@code W_0 g[0]}
     * ({@link #eulerDrive}): the energy's coupling now and the memory update of the next step, which is then
     * done here exactly as EulerStep does it. At the last step allowed only the product is needed.
     * The features' force is recovered as {@code |x_new - x_old| / rate}, equal to it up to the rounding of
     * the update; the memories' force is exact.
     */
    private double twoLayerEulerStep(double dt, boolean last) {
        double rateFeature = eulerFeatureRate;
        double rateMemory = dt / layers[1].tau();
        if (!eulerPrepared) {
            prepareEuler(rateFeature);
        }
        double[] v = x[0];
        double[] h = x[1];
        double featureMove = largestMove(v, eulerNext);
        System.arraycopy(eulerNext, 0, v, 0, v.length);
        double memoryForce = 0;
        for (int mu = 0; mu < h.length; mu++) {
            double force = eulerDrive[mu] - h[mu];
            memoryForce = Math.max(memoryForce, Math.abs(force));
            h[mu] += rateMemory * force;
        }
        double residual = Math.max(featureMove / rateFeature / magnitude(v), memoryForce / magnitude(h));
        activate(0);
        activate(1);
        if (last) {
            multiply(w[0], g[0], eulerDrive);
            eulerPrepared = false;
        } else {
            prepareEuler(rateFeature);
        }
        heldProduct = eulerDrive;
        return residual;
    }

    private void prepareEuler(double rateFeature) {
        Arrays.fill(eulerDrive, 0);
        System.arraycopy(x[0], 0, eulerNext, 0, eulerNext.length);
        EulerStep.step(w[0], g[0], g[1], eulerNext, eulerDrive, rateFeature, 1.0);
        eulerPrepared = true;
    }

    private static double largestMove(double[] before, double[] after) {
        double largest = 0;
        for (int i = 0; i < after.length; i++) {
            largest = Math.max(largest, Math.abs(after[i] - before[i]));
        }
        return largest;
    }

    /** input[a] = W_{a-1} g_{a-1} + W_a^T g_{a+1}: what the neighbours say layer a should be. */
    private void drive(int a) {
        double[] in = input[a];
        if (a > 0) {
            multiply(w[a - 1], g[a - 1], in);
        } else {
            Arrays.fill(in, 0);
        }
        if (a < layerCount - 1) {
            multiplyTransposedAdd(w[a], g[a + 1], in);
        }
    }

    // ------------------------------------------------------------------ checks on the trace

    private double checkedEnergy(int step) {
        double e = energy();
        if (!Double.isFinite(e)) {
            throw overflow(step, "the energy is too large for a double");
        }
        return e;
    }

    private void checkFinite(double[] state, int step) {
        for (int a = 0; a < layerCount; a++) {
            for (int i = 0; i < x[a].length; i++) {
                if (!Double.isFinite(x[a][i]) || !Double.isFinite(g[a][i])) {
                    throw overflow(step, "neuron " + i + " of the " + layers[a].name() + " layer went beyond the"
                            + " range of a double");
                }
            }
        }
    }

    private ArithmeticException overflow(int step, String what) {
        return new ArithmeticException("step " + step + " overflowed: " + what + ". The memory inputs are too large"
                + " for " + layers[1].lagrangian().describe() + " (exp overflows past 709); lower beta, scale the"
                + " patterns down, or use softmax(beta), which has the same fixed points and a finite energy");
    }

    /** The first step whose energy rose above the previous one (beyond rounding), or -1. */
    static int firstRise(double[] energies) {
        for (int t = 1; t < energies.length; t++) {
            double allowed = Recall.RISE_TOLERANCE * Math.max(1, Math.abs(energies[t - 1]));
            if (energies[t] > energies[t - 1] + allowed) {
                return t;
            }
        }
        return -1;
    }

    /**
     * The period of a cycle that the last state closes, or 0: the state returned to an earlier one
     * while every state in between stayed well away (a thousand tolerances). A damped oscillation
     * that settles on a fixed point is not a cycle.
     */
    private static int cyclePeriod(List<double[]> trajectory, double tolerance) {
        int last = trajectory.size() - 1;
        double[] now = trajectory.get(last);
        double apart = 1000 * tolerance;
        for (int t = last - 2; t >= 0; t--) {
            if (within(now, trajectory.get(t), tolerance)) {
                for (int between = t + 1; between < last; between++) {
                    if (within(now, trajectory.get(between), apart)) {
                        return 0;
                    }
                }
                return last - t;
            }
        }
        return 0;
    }

    /** Whether no value of a is further than {@code limit} from b: stops at the first that is (usually the first). */
    private static boolean within(double[] a, double[] b, double limit) {
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= limit)) {
                return false;
            }
        }
        return true;
    }

    /** The scale a tolerance is relative to: the largest value of the layer, at least 1. */
    private static double magnitude(double[] v) {
        double m = 1;
        for (double value : v) {
            m = Math.max(m, Math.abs(value));
        }
        return m;
    }

    // ------------------------------------------------------------------ small linear algebra

    static double dot(double[] a, double[] b) {
        return MatrixVector.dot(a, b);
    }

    /** {@code out = W_0 v}: by counting bits when patterns and v are all +1/-1 (the same integers), else multiplied. */
    private void patternProduct(double[] v, double[] out) {
        if (signPatterns == null || !signPatterns.multiply(v, out)) {
            multiply(w[0], v, out);
        }
    }

    /** out = W v (W: rows x cols, v: cols). */
    static void multiply(double[][] w, double[] v, double[] out) {
        MatrixVector.multiply(w, v, out);
    }

    /** out += W^T v. */
    static void multiplyTransposedAdd(double[][] w, double[] v, double[] out) {
        MatrixVector.multiplyTransposedAdd(w, v, out);
    }

    static int[] identityOrder(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
