package org.hopfieldlab.neuro;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The hippocampus of the TEM-transformer (Whittington, Warren and Behrens, ICLR 2022) as a modern
 * Hopfield network with feature and memory neurons (Krotov and Hopfield, ICLR 2021).
 *
 * <p><b>Feature neurons</b> carry, at place p, the conjunction of the groups of one environment
 * <pre>
 *   c(p) = [ g(p) ; x_1(p) ; ... ; x_S(p) ]
 * </pre>
 * where {@code g} is the {@link GridCode} (entorhinal "where") and each {@code x_s} the one-hot
 * observation of a {@link SensoryMap} (a cortical "what" region). Every group has unit length.
 *
 * <p><b>Memory neurons</b> store conjunctions while the agent explores. Memory neuron {@code mu} has
 * one weight vector {@code xi_mu} used both ways (feature to memory and back). Its activity for a
 * feature state {@code v} is the softmax attention of the modern Hopfield network,
 * <pre>
 *   f_mu(v) = exp(beta xi_mu . v) / sum_nu exp(beta xi_nu . v)     (over neurons holding a memory)
 *   recall(v) = sum_mu xi_mu f_mu(v)                                (one update step, Model B)
 * </pre>
 * <b>Writing</b> is one-shot and local. When the agent is at p, the memory neurons compete through
 * fixed random projections of the conjunctive code {@code g(p) (x) x_1(p) (x) ... (x) x_S(p)} (the
 * outer product, the way the original TEM's hippocampal cells combine "where" and "what"). The
 * winner of this winner-take-all competition receives the plateau potential (the third factor of
 * {@link KeyValueMemory}) and takes the conjunction into the set it holds, unless it holds it
 * already. Its weights are the mean of that set, {@code xi_mu = (1/n_mu) sum c(p)}: one-shot Hebbian
 * storage with synaptic normalisation, so a neuron that won twice is not twice as strong. A neuron
 * that won for two places has two fields; with a pool several times larger than the number of
 * places this is rare.
 *
 * <p><b>Remapping.</b> The winner depends only on the conjunction, so the same environment explored
 * again, along any walk, recruits the same neurons at the same places. A new environment changes
 * the conjunctions and so the winners: give it a new {@link SensoryMap} and a realigned grid code
 * ({@link GridCode#realigned}). With the sensory map changed but the grid code not, a place that
 * happens to show the same symbol as before keeps its neuron (a partial remapping).
 *
 * <p><b>Prediction</b> is pattern completion: the agent returns to a place, only the grid code is
 * active ({@code v = [g(p); 0; ...; 0]}), and the recalled sensory block tells what it will see.
 *
 * <p>This object is mutable: {@link #explore} and {@link #visit} write memories into it. It is bound
 * to one environment (its sensory maps); a new environment gets a new memory built with the same
 * {@code seed} (the same neurons).
 */
public final class PlaceCellMemory {

    private final GridWorld world;
    private final GridCode code;
    private final SensoryMap[] senses;
    private final double beta;
    private final long seed;
    private final Map<String, Integer> winners = new HashMap<>();
    private final double[][] weights;
    private final List<List<double[]>> memories;
    private final double[][] codes;

    private PlaceCellMemory(GridWorld world, GridCode code, SensoryMap[] senses, int memoryNeurons, double beta, long seed) {
        this.world = world;
        this.code = code;
        this.senses = senses;
        this.beta = beta;
        this.codes = code.encodeAll(world);
        this.seed = seed;
        this.weights = new double[memoryNeurons][];
        this.memories = new ArrayList<>();
        for (int mu = 0; mu < memoryNeurons; mu++) {
            memories.add(new ArrayList<>());
        }
    }

    /**
     * An empty memory for one environment.
     *
     * @param world         the layout the agent walks
     * @param code          the position code carried by the first feature group
     * @param memoryNeurons size of the pool of memory neurons (a few times the number of places, so
     *                      that few neurons win for two places)
     * @param beta          inverse temperature of the softmax, positive and finite
     * @param seed          fixes the neurons (their competition drives): equal seeds, equal neurons
     * @param senses        the sensory groups of this environment, at least one, all on {@code world}
     */
    public static PlaceCellMemory in(GridWorld world, GridCode code, int memoryNeurons, double beta, long seed,
                                     SensoryMap... senses) {
        if (world == null) {
            throw new IllegalArgumentException("world must not be null");
        }
        if (code == null) {
            throw new IllegalArgumentException("code must not be null");
        }
        if (memoryNeurons < 1 || memoryNeurons > 1_000_000) {
            throw new IllegalArgumentException("memoryNeurons must be between 1 and 1,000,000, got " + memoryNeurons);
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite, got " + beta);
        }
        if (senses == null || senses.length == 0) {
            throw new IllegalArgumentException("give at least one sensory map (what the agent sees at each place)");
        }
        for (int s = 0; s < senses.length; s++) {
            if (senses[s] == null) {
                throw new IllegalArgumentException("sensory map " + s + " is null");
            }
            if (!senses[s].world().equals(world)) {
                throw new IllegalArgumentException("sensory map " + s + " is for a " + senses[s].world()
                        + ", the memory is for a " + world);
            }
        }
        return new PlaceCellMemory(world, code, senses.clone(), memoryNeurons, beta, seed);
    }

    private static int featureNeurons(GridCode code, SensoryMap[] senses) {
        int d = code.dimension();
        for (SensoryMap s : senses) {
            d += s.symbols();
        }
        return d;
    }

    /** Walks the agent along {@code walk}, writing a memory at every new conjunction. Returns this memory. */
    public PlaceCellMemory explore(RandomWalk walk) {
        if (walk == null) {
            throw new IllegalArgumentException("walk must not be null");
        }
        if (!walk.world().equals(world)) {
            throw new IllegalArgumentException("the walk is in a " + walk.world() + ", the memory is for a " + world);
        }
        for (int place : walk.places()) {
            visit(place);
        }
        return this;
    }

    /**
     * The agent stands at {@code place}: the winning memory neuron stores the conjunction there.
     *
     * @return whether a new memory was written (false when the winner already held it)
     */
    public boolean visit(int place) {
        world.checkPlace(place);
        double[] c = features(place);
        int winner = compete(place, c);
        for (double[] old : memories.get(winner)) {
            if (Arrays.equals(old, c)) {
                return false;
            }
        }
        List<double[]> held = memories.get(winner);
        held.add(c);
        // the weights are the mean of the conjunctions held: a neuron that won twice is not
        // twice as strong, so it does not drown the memories of the places around its fields
        double[] w = new double[c.length];
        for (double[] m : held) {
            for (int i = 0; i < w.length; i++) {
                w[i] += m[i] / held.size();
            }
        }
        weights[winner] = w;
        return true;
    }

    /**
     * The memory neuron that wins the competition for a conjunction. Each neuron receives a fixed
     * random projection of the conjunctive code {@code g (x) x_1 (x) ... (x) x_S}; as the sensory
     * groups are one-hot, that is a random projection of g chosen by the observed symbols. Any change
     * of what is seen thus gives an independent competition, while the same conjunction always has
     * the same winner. Winners are remembered per conjunction, so the projections are drawn once.
     */
    private int compete(int place, double[] c) {
        String key = Arrays.toString(c);
        Integer known = winners.get(key);
        if (known != null) {
            return known;
        }
        long mixed = seed;
        for (SensoryMap s : senses) {
            mixed = mixed * 1_000_003L + s.observation(place);
        }
        SplittableRandom random = new SplittableRandom(mixed);
        double[] g = codes[place];
        int best = 0;
        double bestDrive = Double.NEGATIVE_INFINITY;
        for (int mu = 0; mu < weights.length; mu++) {
            double s = 0;
            double norm = 0;
            for (double gi : g) {
                double r = random.nextGaussian();
                s += r * gi;
                norm += r * r;
            }
            // unit-length projections, so that no neuron wins merely by being strong
            double drive = s / Math.sqrt(norm);
            if (drive > bestDrive) {
                bestDrive = drive;
                best = mu;
            }
        }
        winners.put(key, best);
        return best;
    }

    /**
     * The memory neuron that wins the competition at {@code place} in this environment: the neuron
     * that stores (or, once visited, stored) the conjunction seen there.
     */
    public int winner(int place) {
        world.checkPlace(place);
        return compete(place, features(place));
    }

    /** The feature-neuron state at a place: grid code, then each sensory group one-hot. */
    public double[] features(int place) {
        world.checkPlace(place);
        double[] c = new double[featureNeurons()];
        System.arraycopy(codes[place], 0, c, 0, codes[place].length);
        int offset = codes[place].length;
        for (SensoryMap s : senses) {
            c[offset + s.observation(place)] = 1.0;
            offset += s.symbols();
        }
        return c;
    }

    /** The query used to predict: the grid code at {@code place}, every sensory neuron silent. */
    public double[] positionQuery(int place) {
        world.checkPlace(place);
        double[] q = new double[featureNeurons()];
        System.arraycopy(codes[place], 0, q, 0, codes[place].length);
        return q;
    }

    /**
     * Activity of every memory neuron (softmax over those holding a memory, zero for the others)
     * for a feature state.
     */
    public double[] activations(double[] featureState) {
        checkState(featureState);
        requireMemories();
        double[] h = new double[weights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int mu = 0; mu < weights.length; mu++) {
            if (weights[mu] != null) {
                h[mu] = beta * dot(weights[mu], featureState);
                max = Math.max(max, h[mu]);
            }
        }
        double sum = 0;
        for (int mu = 0; mu < weights.length; mu++) {
            if (weights[mu] != null) {
                h[mu] = Math.exp(h[mu] - max);
                sum += h[mu];
            }
        }
        for (int mu = 0; mu < weights.length; mu++) {
            h[mu] /= sum;
        }
        return h;
    }

    /** One softmax update of the feature neurons from a state: {@code sum_mu xi_mu f_mu(v)}. */
    public double[] recall(double[] featureState) {
        double[] f = activations(featureState);
        double[] out = new double[featureState.length];
        for (int mu = 0; mu < weights.length; mu++) {
            if (weights[mu] != null && f[mu] != 0) {
                for (int i = 0; i < out.length; i++) {
                    out[i] += f[mu] * weights[mu][i];
                }
            }
        }
        return out;
    }

    /** The observation of sensory group {@code sense} the memory predicts at {@code place}, from the grid code alone. */
    public int predict(int place, int sense) {
        checkSense(sense);
        double[] recalled = recall(positionQuery(place));
        int offset = code.dimension();
        for (int s = 0; s < sense; s++) {
            offset += senses[s].symbols();
        }
        int best = 0;
        for (int k = 1; k < senses[sense].symbols(); k++) {
            if (recalled[offset + k] > recalled[offset + best]) {
                best = k;
            }
        }
        return best;
    }

    /** The observation of the first sensory group predicted at {@code place}. */
    public int predict(int place) {
        return predict(place, 0);
    }

    /**
     * The place field of a memory neuron: its activity when the agent stands at each place of this
     * environment (seeing what is there), as {@code double[rows][cols]}.
     */
    public double[][] placeField(int neuron) {
        if (neuron < 0 || neuron >= weights.length) {
            throw new IllegalArgumentException("neuron must be in [0, " + weights.length + "), got " + neuron);
        }
        double[][] map = new double[world.rows()][world.cols()];
        for (int p = 0; p < world.places(); p++) {
            map[world.row(p)][world.col(p)] = activations(features(p))[neuron];
        }
        return map;
    }

    /** The place fields of every memory neuron at once, {@code [neuron][row][col]}. */
    public double[][][] placeFields() {
        double[][][] maps = new double[weights.length][world.rows()][world.cols()];
        for (int p = 0; p < world.places(); p++) {
            double[] f = activations(features(p));
            for (int mu = 0; mu < weights.length; mu++) {
                maps[mu][world.row(p)][world.col(p)] = f[mu];
            }
        }
        return maps;
    }

    /** Whether memory neuron {@code neuron} holds at least one memory. */
    public boolean isUsed(int neuron) {
        if (neuron < 0 || neuron >= weights.length) {
            throw new IllegalArgumentException("neuron must be in [0, " + weights.length + "), got " + neuron);
        }
        return weights[neuron] != null;
    }

    /** Number of memories (conjunctions) held by a memory neuron. */
    public int memoriesOf(int neuron) {
        isUsed(neuron);
        return memories.get(neuron).size();
    }

    /** Number of memory neurons holding at least one memory. */
    public int usedNeurons() {
        int n = 0;
        for (double[] w : weights) {
            if (w != null) {
                n++;
            }
        }
        return n;
    }

    /** Number of memories written so far. */
    public int storedMemories() {
        int n = 0;
        for (List<double[]> m : memories) {
            n += m.size();
        }
        return n;
    }

    /** Size of the pool of memory neurons. */
    public int memoryNeurons() {
        return weights.length;
    }

    /** Number of feature neurons: the grid code plus every sensory group. */
    public int featureNeurons() {
        return featureNeurons(code, senses);
    }

    /** Number of sensory groups. */
    public int senses() {
        return senses.length;
    }

    /** The environment's layout. */
    public GridWorld world() {
        return world;
    }

    private void checkSense(int sense) {
        if (sense < 0 || sense >= senses.length) {
            throw new IllegalArgumentException("sense must be in [0, " + senses.length + "), got " + sense);
        }
    }

    private void checkState(double[] v) {
        if (v == null) {
            throw new IllegalArgumentException("feature state must not be null");
        }
        if (v.length != featureNeurons()) {
            throw new IllegalArgumentException("feature state has " + v.length + " values, memory expects "
                    + featureNeurons() + " feature neurons");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("feature state contains " + v[i] + " at index " + i);
            }
        }
    }

    private void requireMemories() {
        if (usedNeurons() == 0) {
            throw new IllegalStateException("the memory is empty: call explore(walk) or visit(place) first");
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format("PlaceCellMemory[%s, %d feature neurons, %d/%d memory neurons used, %d memories, beta %.3g]",
                world, featureNeurons(), usedNeurons(), memoryNeurons(), storedMemories(), beta);
    }
}
