package org.hopfieldlab.neuro;

import java.util.SplittableRandom;

/**
 * Key-value memory with biologically plausible three-factor plasticity, after Tyulmankov, Fang,
 * Vadaparty and Yang, "Biological learning in key-value memory networks" (NeurIPS 2021).
 *
 * <p>N hidden neurons (slots) sit between d input neurons and m output neurons. The input-to-hidden
 * weights form the key matrix {@code K} (N x d), the hidden-to-output weights the value matrix
 * {@code V} (m x N).
 *
 * <p><b>Writing</b> item t (key {@code k_t}, value {@code v_t}) is one shot. A third factor, the
 * plasticity gate {@code w_t} in {0,1}^N (a dendritic plateau potential, or a neuromodulatory
 * signal), selects one slot according to the {@link WritePolicy}: slot {@code t mod N}
 * (sequential) or a uniformly drawn slot (random). Then, with decay {@code gamma} in (0, 1] and unit
 * learning rates,
 * <pre>
 *   K_t = gamma K_{t-1} + w_t k_t^T      key: non-Hebbian, presynaptic input times the gate
 *   V_t = gamma V_{t-1} + v_t w_t^T      value: Hebbian, gated hidden activity times output activity
 * </pre>
 * The key rule needs no postsynaptic firing, only the plateau in the selected neuron; the value rule
 * pairs the selected hidden neuron's activity with the output neurons driven by the value. The
 * decay {@code gamma < 1} lets old items fade so that new ones can be stored forever (continual
 * learning); {@code gamma = 1} means no forgetting. A slot written twice holds the sum of both
 * items, weighted by their decay.
 *
 * <p><b>Reading</b> with a query {@code q} is one step: the key match {@code h = K q}, slot weights
 * {@code a = softmax(beta h)} or k-winners-take-all ({@link Readout}), and the value readout
 * {@code y = V a}. For ±1 patterns, {@code sign(y)} is the recalled item.
 *
 * <p>Autoassociation stores {@code (x, x)}; heteroassociation {@code (x, y)}; a sequence
 * {@code (x_t, x_{t+1})}, read by feeding each output back as the next query.
 *
 * <p>This object is mutable: {@link #write} changes it. Equal seeds give equal random slots.
 */
public final class KeyValueMemory {

    private final int keySize;
    private final int valueSize;
    private final WritePolicy policy;
    private final double decay;
    private final Readout readout;
    private final SplittableRandom random;
    private final double[][] keys;
    private final double[][] values;
    private long writes;

    private KeyValueMemory(int slots, int keySize, int valueSize, WritePolicy policy, double decay,
                           Readout readout, long seed) {
        this.keySize = keySize;
        this.valueSize = valueSize;
        this.policy = policy;
        this.decay = decay;
        this.readout = readout;
        this.random = new SplittableRandom(seed);
        this.keys = new double[slots][keySize];
        this.values = new double[slots][valueSize];
    }

    /**
     * An empty memory.
     *
     * @param slots     N, number of hidden neurons, at least 1
     * @param keySize   d, length of keys and queries, at least 1
     * @param valueSize m, length of values, at least 1
     * @param policy    which slot each write goes to
     * @param decay     gamma in (0, 1]; 1 keeps everything, smaller forgets old items
     * @param readout   softmax or k-winners-take-all over key matches
     * @param seed      seeds the random write policy
     */
    public static KeyValueMemory create(int slots, int keySize, int valueSize, WritePolicy policy, double decay,
                                        Readout readout, long seed) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, got " + slots);
        }
        if (keySize < 1) {
            throw new IllegalArgumentException("keySize must be at least 1, got " + keySize);
        }
        if (valueSize < 1) {
            throw new IllegalArgumentException("valueSize must be at least 1, got " + valueSize);
        }
        if ((long) slots * (keySize + valueSize) > 100_000_000L) {
            throw new IllegalArgumentException("a memory of " + slots + " slots with keys of " + keySize
                    + " and values of " + valueSize + " needs over 10^8 synapses; use fewer");
        }
        if (policy == null) {
            throw new IllegalArgumentException("policy must be SEQUENTIAL or RANDOM, got null");
        }
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1] (1 means no forgetting), got " + decay);
        }
        if (readout == null) {
            throw new IllegalArgumentException("readout must not be null; use Readout.softmax(beta) or Readout.kWinners(k)");
        }
        if (readout instanceof Readout.KWinners kw && kw.k() > slots) {
            throw new IllegalArgumentException("k is " + kw.k() + " but the memory has only " + slots + " slots");
        }
        return new KeyValueMemory(slots, keySize, valueSize, policy, decay, readout, seed);
    }

    /** An autoassociative memory (keys and values of the same size), softmax readout, no decay. */
    public static KeyValueMemory autoassociative(int slots, int size, WritePolicy policy, double beta, long seed) {
        return create(slots, size, size, policy, 1.0, Readout.softmax(beta), seed);
    }

    /**
     * Stores one item in one shot.
     *
     * @return the slot that received the plasticity gate
     */
    public int write(double[] key, double[] value) {
        check(key, keySize, "key");
        check(value, valueSize, "value");
        int slot = switch (policy) {
            case SEQUENTIAL -> (int) (writes % keys.length);
            case RANDOM -> random.nextInt(keys.length);
        };
        if (decay != 1.0) {
            for (int i = 0; i < keys.length; i++) {
                scale(keys[i], decay);
                scale(values[i], decay);
            }
        }
        for (int j = 0; j < keySize; j++) {
            keys[slot][j] += key[j];
        }
        for (int j = 0; j < valueSize; j++) {
            values[slot][j] += value[j];
        }
        writes++;
        return slot;
    }

    /** Stores {@code (item, item)}: autoassociation. */
    public int write(double[] item) {
        return write(item, item);
    }

    /** The slot weights {@code a} for a query: the readout applied to the key match {@code K q}. */
    public double[] slotWeights(double[] query) {
        check(query, keySize, "query");
        double[] h = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            double s = 0;
            for (int j = 0; j < keySize; j++) {
                s += keys[i][j] * query[j];
            }
            h[i] = s;
        }
        return readout.weights(h);
    }

    /** Reads the memory: {@code y = V a} with {@code a} the slot weights of the query. */
    public double[] read(double[] query) {
        double[] a = slotWeights(query);
        double[] y = new double[valueSize];
        for (int i = 0; i < keys.length; i++) {
            if (a[i] != 0) {
                for (int j = 0; j < valueSize; j++) {
                    y[j] += a[i] * values[i][j];
                }
            }
        }
        return y;
    }

    /** The key matrix K (N x d), a copy. */
    public double[][] keyMatrix() {
        double[][] copy = new double[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            copy[i] = keys[i].clone();
        }
        return copy;
    }

    /** The value matrix V (m x N), a copy. */
    public double[][] valueMatrix() {
        double[][] v = new double[valueSize][keys.length];
        for (int i = 0; i < keys.length; i++) {
            for (int j = 0; j < valueSize; j++) {
                v[j][i] = values[i][j];
            }
        }
        return v;
    }

    /** N, the number of slots. */
    public int slots() {
        return keys.length;
    }

    /** Number of items written so far. */
    public long writes() {
        return writes;
    }

    /** Number of plastic synapses, {@code N (d + m)}; a classical Hopfield network of n neurons has n^2. */
    public long synapses() {
        return (long) keys.length * (keySize + valueSize);
    }

    private static void scale(double[] v, double factor) {
        for (int j = 0; j < v.length; j++) {
            v[j] *= factor;
        }
    }

    private static void check(double[] v, int expected, String name) {
        if (v == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (v.length != expected) {
            throw new IllegalArgumentException(name + " has " + v.length + " values, memory expects " + expected);
        }
        for (int j = 0; j < v.length; j++) {
            if (!Double.isFinite(v[j])) {
                throw new IllegalArgumentException(name + " contains " + v[j] + " at index " + j);
            }
        }
    }

    @Override
    public String toString() {
        return String.format("KeyValueMemory[%d slots, keys %d, values %d, %s, decay %.3g, %s, %d writes]",
                keys.length, keySize, valueSize, policy, decay, readout, writes);
    }
}
