package org.hopfieldlab.neuro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.hopfieldlab.dsl.Hopfield;
import org.hopfieldlab.model.Network;
import org.junit.jupiter.api.Test;

/**
 * The claims of Tyulmankov et al. (NeurIPS 2021) on sizes that run in seconds. Throughout, n = 100
 * feature neurons, cues have 10 of 100 entries flipped, and an item counts as recalled when the
 * overlap of the recalled state with it is at least 0.95. The key-value memory has N = 50 slots, so
 * it has N (d + m) = 10^4 plastic synapses, as many as the classical network's n^2.
 */
class KeyValueMemoryTest {

    private static final int N_FEATURES = 100;
    private static final int SLOTS = 50;
    private static final int FLIPS = 10;

    @Test
    void writeRulesFollowTheDocumentedEquations() {
        // K_t = gamma K_{t-1} + w_t k_t^T and V_t = gamma V_{t-1} + v_t w_t^T, checked against the
        // matrices built step by step from the equations
        double gamma = 0.5;
        KeyValueMemory memory = KeyValueMemory.create(3, 2, 1, WritePolicy.SEQUENTIAL, gamma, Readout.softmax(1), 1);
        double[][] keys = {{1, 2}, {3, -1}, {0, 4}, {-2, 5}};
        double[][] values = {{1}, {2}, {3}, {4}};
        double[][] k = new double[3][2];
        double[][] v = new double[1][3];
        for (int t = 0; t < keys.length; t++) {
            int slot = memory.write(keys[t], values[t]);
            assertEquals(t % 3, slot, "sequential policy writes slot t mod N");
            for (int i = 0; i < 3; i++) {
                double w = i == slot ? 1 : 0;
                for (int j = 0; j < 2; j++) {
                    k[i][j] = gamma * k[i][j] + w * keys[t][j];
                }
                v[0][i] = gamma * v[0][i] + values[t][0] * w;
            }
        }
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(k[i], memory.keyMatrix()[i], 1e-12);
        }
        assertArrayEquals(v[0], memory.valueMatrix()[0], 1e-12);
        assertEquals(3 * (2 + 1), memory.synapses());
    }

    @Test
    void readoutIsValueMatrixTimesSoftmaxOfKeyMatch() {
        double beta = 0.7;
        KeyValueMemory memory = KeyValueMemory.create(2, 2, 2, WritePolicy.SEQUENTIAL, 1, Readout.softmax(beta), 1);
        memory.write(new double[] {1, 0}, new double[] {2, 0});
        memory.write(new double[] {0, 1}, new double[] {0, 3});
        double[] q = {1.5, 0.5};
        double e0 = Math.exp(beta * 1.5);
        double e1 = Math.exp(beta * 0.5);
        double a0 = e0 / (e0 + e1);
        double a1 = e1 / (e0 + e1);
        assertArrayEquals(new double[] {2 * a0, 3 * a1}, memory.read(q), 1e-12);
    }

    @Test
    void kWinnersReadoutAveragesTheBestMatchingSlots() {
        KeyValueMemory memory = KeyValueMemory.create(3, 2, 1, WritePolicy.SEQUENTIAL, 1, Readout.kWinners(2), 1);
        memory.write(new double[] {1, 0}, new double[] {10});
        memory.write(new double[] {0, 1}, new double[] {20});
        memory.write(new double[] {-1, 0}, new double[] {40});
        assertArrayEquals(new double[] {15}, memory.read(new double[] {1, 1}), 1e-12);
    }

    @Test
    void autoassociativeRecallMatchesOrBeatsTheClassicalNetworkWhichCollapsesNearPoint14N() {
        int[] loads = {5, 8, 14, 20, 30, 50};
        int trials = 30;
        double[] hopfield = new double[loads.length];
        double[] keyValue = new double[loads.length];
        for (int l = 0; l < loads.length; l++) {
            int load = loads[l];
            int recalledHopfield = 0;
            int recalledKeyValue = 0;
            for (int trial = 0; trial < trials; trial++) {
                double[][] patterns = Patterns.random(load, N_FEATURES, 1000L * load + trial);
                Network classical = Hopfield.classical(N_FEATURES, load).build().store(patterns);
                KeyValueMemory memory = KeyValueMemory.autoassociative(SLOTS, N_FEATURES, WritePolicy.SEQUENTIAL, 1.0, trial);
                for (double[] p : patterns) {
                    memory.write(p);
                }
                SplittableRandom noise = new SplittableRandom(7L * load + trial);
                for (int mu = 0; mu < load; mu++) {
                    double[] cue = Patterns.flip(patterns[mu], FLIPS, noise);
                    if (Patterns.overlap(classical.withSeed(mu).recall(cue).state(), patterns[mu]) >= 0.95) {
                        recalledHopfield++;
                    }
                    if (Patterns.overlap(Patterns.sign(memory.read(cue)), patterns[mu]) >= 0.95) {
                        recalledKeyValue++;
                    }
                }
            }
            hopfield[l] = recalledHopfield / (double) (load * trials);
            keyValue[l] = recalledKeyValue / (double) (load * trials);
        }
        // classical: near-perfect well below 0.138 n, mostly lost above it (finite n = 100 smooths the edge)
        assertTrue(hopfield[0] >= 0.95 && hopfield[1] >= 0.95, "classical at 0.05n, 0.08n: " + hopfield[0] + ", " + hopfield[1]);
        assertTrue(hopfield[3] <= 0.5, "classical at 0.2n should have collapsed, recalled " + hopfield[3]);
        assertTrue(hopfield[4] <= 0.1, "classical at 0.3n should have collapsed, recalled " + hopfield[4]);
        for (int l = 0; l < loads.length; l++) {
            // sequential writes give every item its own slot until the N slots are full
            assertTrue(keyValue[l] >= 0.99, "key-value memory at load " + loads[l] + " recalled " + keyValue[l]);
            assertTrue(keyValue[l] >= hopfield[l], "key-value below classical at load " + loads[l]);
        }
    }

    @Test
    void randomWritesLoseExactlyTheItemsThatShareASlot() {
        // with gamma = 1 a shared slot holds the sum of its items and recalls none of them, so an
        // item survives iff none of the other T-1 writes drew its slot: probability (1 - 1/N)^(T-1)
        int[] loads = {10, 25, 50};
        for (int load : loads) {
            int trials = 60;
            int recalled = 0;
            for (int trial = 0; trial < trials; trial++) {
                double[][] patterns = Patterns.random(load, N_FEATURES, 77L * load + trial);
                KeyValueMemory memory = KeyValueMemory.autoassociative(SLOTS, N_FEATURES, WritePolicy.RANDOM, 1.0, 31L * load + trial);
                for (double[] p : patterns) {
                    memory.write(p);
                }
                SplittableRandom noise = new SplittableRandom(trial);
                for (int mu = 0; mu < load; mu++) {
                    double[] cue = Patterns.flip(patterns[mu], FLIPS, noise);
                    if (Patterns.overlap(Patterns.sign(memory.read(cue)), patterns[mu]) >= 0.95) {
                        recalled++;
                    }
                }
            }
            int items = load * trials;
            double theory = Math.pow(1 - 1.0 / SLOTS, load - 1);
            double measured = recalled / (double) items;
            // items in one trial are not independent (a shared slot loses two), so allow 4 binomial
            // standard deviations computed as if only half as many items were independent
            double sd = Math.sqrt(theory * (1 - theory) / (items / 2.0));
            assertEquals(theory, measured, 4 * sd, "load " + load);
        }
    }

    @Test
    void heteroassociativeRecallReturnsTheAssociatedValue() {
        int pairs = 45;
        int valueSize = 40;
        double[][] keys = Patterns.random(pairs, N_FEATURES, 1);
        double[][] values = Patterns.random(pairs, valueSize, 2);
        KeyValueMemory memory = KeyValueMemory.create(SLOTS, N_FEATURES, valueSize, WritePolicy.SEQUENTIAL, 1, Readout.softmax(1), 3);
        for (int mu = 0; mu < pairs; mu++) {
            memory.write(keys[mu], values[mu]);
        }
        SplittableRandom noise = new SplittableRandom(4);
        for (int mu = 0; mu < pairs; mu++) {
            double[] recalled = Patterns.sign(memory.read(Patterns.flip(keys[mu], FLIPS, noise)));
            assertArrayEquals(values[mu], recalled, "pair " + mu);
        }
    }

    @Test
    void sequenceIsReplayedFromANoisyFirstElement() {
        int length = 40;
        double[][] sequence = Patterns.random(length, N_FEATURES, 5);
        KeyValueMemory memory = KeyValueMemory.autoassociative(SLOTS, N_FEATURES, WritePolicy.SEQUENTIAL, 1.0, 6);
        for (int t = 0; t + 1 < length; t++) {
            memory.write(sequence[t], sequence[t + 1]);
        }
        double[] state = Patterns.flip(sequence[0], FLIPS, new SplittableRandom(7));
        for (int t = 1; t < length; t++) {
            state = Patterns.sign(memory.read(state));
            assertArrayEquals(sequence[t], state, "step " + t);
        }
    }

    @Test
    void decayKeepsRecentItemsAndForgetsOldOnesGracefullyWhileTheClassicalNetworkForgetsEverything() {
        int stream = 400;
        double gamma = 0.95;
        double[][] items = Patterns.random(stream, N_FEATURES, 8);
        KeyValueMemory decaying = KeyValueMemory.create(SLOTS, N_FEATURES, N_FEATURES, WritePolicy.RANDOM, gamma, Readout.softmax(1), 9);
        KeyValueMemory keepsAll = KeyValueMemory.create(SLOTS, N_FEATURES, N_FEATURES, WritePolicy.RANDOM, 1.0, Readout.softmax(1), 9);
        int recent = 10;
        for (int t = 0; t < stream; t++) {
            decaying.write(items[t]);
            keepsAll.write(items[t]);
            if ((t + 1) % 100 == 0) {
                double kept = recallFraction(decaying, items, t + 1 - recent, t + 1, t);
                assertTrue(kept >= 0.7, "after " + (t + 1) + " items, decaying memory recalls " + kept + " of the last " + recent);
            }
        }
        // the memory without decay piles about 8 items into every slot and recalls none of the recent ones
        assertTrue(recallFraction(keepsAll, items, stream - recent, stream, 1) <= 0.1, "memory without decay");
        // the classical network far beyond 0.14 n forgets even the newest items (catastrophic forgetting)
        Network classical = Hopfield.classical(N_FEATURES, stream).build().store(items);
        SplittableRandom noise = new SplittableRandom(10);
        int classicalRecalled = 0;
        for (int mu = stream - recent; mu < stream; mu++) {
            if (Patterns.overlap(classical.withSeed(mu).recall(Patterns.flip(items[mu], FLIPS, noise)).state(), items[mu]) >= 0.95) {
                classicalRecalled++;
            }
        }
        assertTrue(classicalRecalled <= 1, "classical network recalled " + classicalRecalled + " of the last " + recent);
        // forgetting is graceful: recall falls with age, following the chance that no later write hit
        // the item's slot, (1 - 1/N)^age, until the decayed key is too weak to win the readout
        double[] byAge = new double[4];
        int[][] bins = {{0, 10}, {10, 30}, {30, 60}, {150, 400}};
        for (int b = 0; b < bins.length; b++) {
            byAge[b] = recallFraction(decaying, items, stream - bins[b][1], stream - bins[b][0], 11 + b);
        }
        assertTrue(byAge[0] >= 0.7, "ages 0-9: " + byAge[0]);
        assertTrue(byAge[0] >= byAge[1] - 0.1 && byAge[1] >= byAge[2] - 0.1, "recall should fall with age: " + java.util.Arrays.toString(byAge));
        assertTrue(byAge[1] > 0.3, "ages 10-29 are partly kept: " + byAge[1]);
        assertTrue(byAge[3] <= 0.02, "ages 150-399 are forgotten: " + byAge[3]);
    }

    @Test
    void randomWritesAreReproducibleFromTheSeed() {
        double[][] items = Patterns.random(30, 8, 12);
        int[] first = new int[items.length];
        int[] second = new int[items.length];
        KeyValueMemory a = KeyValueMemory.autoassociative(10, 8, WritePolicy.RANDOM, 1, 99);
        KeyValueMemory b = KeyValueMemory.autoassociative(10, 8, WritePolicy.RANDOM, 1, 99);
        for (int t = 0; t < items.length; t++) {
            first[t] = a.write(items[t]);
            second[t] = b.write(items[t]);
        }
        assertArrayEquals(first, second);
        assertTrue(java.util.Arrays.stream(first).distinct().count() > 5, "random slots should spread over the memory");
    }

    @Test
    void badInputIsRejectedWithATeachingMessage() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> KeyValueMemory.create(4, 3, 3, WritePolicy.SEQUENTIAL, 1.5, Readout.softmax(1), 1));
        assertEquals("decay must be in (0, 1] (1 means no forgetting), got 1.5", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Readout.softmax(-1));
        assertEquals("beta must be positive and finite, got -1.0", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> KeyValueMemory.create(4, 3, 3, WritePolicy.SEQUENTIAL, 1, Readout.kWinners(5), 1));
        assertEquals("k is 5 but the memory has only 4 slots", e.getMessage());
        KeyValueMemory memory = KeyValueMemory.autoassociative(4, 3, WritePolicy.SEQUENTIAL, 1, 1);
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> memory.read(new double[2]));
        assertEquals("query has 2 values, memory expects 3", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> memory.write(new double[] {1, Double.NaN, 0}));
        assertEquals("key contains NaN at index 1", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> KeyValueMemory.create(4, 3, 3, null, 1, Readout.softmax(1), 1));
        assertEquals("policy must be SEQUENTIAL or RANDOM, got null", e.getMessage());
    }

    private static double recallFraction(KeyValueMemory memory, double[][] items, int from, int to, long seed) {
        SplittableRandom noise = new SplittableRandom(seed);
        int recalled = 0;
        for (int mu = from; mu < to; mu++) {
            double[] cue = Patterns.flip(items[mu], FLIPS, noise);
            if (Patterns.overlap(Patterns.sign(memory.read(cue)), items[mu]) >= 0.95) {
                recalled++;
            }
        }
        return recalled / (double) (to - from);
    }
}
