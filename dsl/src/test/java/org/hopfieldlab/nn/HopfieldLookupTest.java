package org.hopfieldlab.nn;

import static org.hopfieldlab.dsl.Hopfield.network;
import static org.hopfieldlab.dsl.Hopfield.softmax;
import static org.hopfieldlab.nn.HopfieldLayerTest.assertClose;
import static org.hopfieldlab.nn.Reference.maxAbsDifference;
import static org.hopfieldlab.nn.Reference.numericGradient;
import static org.hopfieldlab.nn.Reference.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.model.Convergence;
import org.hopfieldlab.model.Network;
import org.junit.jupiter.api.Test;

class HopfieldLookupTest {

    private final double[][] keys = random(8, 5, 31);
    private final double[][] values = random(8, 2, 32);
    private final double[][] queries = random(4, 5, 33);

    @Test
    void returnsTheAttentionWeightedValues() {
        double beta = 2.5;
        double[][] expected = Reference.attention(queries, keys, values, beta);
        assertTrue(maxAbsDifference(expected, new HopfieldLookup(keys, values, beta).forward(queries)) < 1e-12);
    }

    @Test
    void withTheKeysAsValuesItIsOneStepOfTheNetwork() {
        double beta = 0.8;
        Network net = network().feature(5).memory(8, softmax(beta)).build().store(keys).with(new Convergence(1e-12, 3));
        double[][] z = new HopfieldLookup(keys, beta).forward(queries);
        for (int q = 0; q < queries.length; q++) {
            double[][] step = {net.recall(queries[q]).trajectory()[1]};
            double[][] row = {z[q]};
            assertTrue(maxAbsDifference(step, row) < 1e-12, "query " + q);
        }
    }

    @Test
    void atLargeBetaEachQueryGetsTheValueOfItsNearestKey() {
        // Keys of +1/-1 far apart; a query is a key with a little noise. At beta = 50 the softmax is one-hot.
        double[][] signKeys = new double[4][16];
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < 16; i++) {
                signKeys[k][i] = ((i >> k) & 1) == 0 ? 1 : -1;
            }
        }
        double[][] labels = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        double[][] noisy = Reference.copy(signKeys);
        double[][] noise = random(4, 16, 34);
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < 16; i++) {
                noisy[k][i] += 0.3 * noise[k][i];
            }
        }
        double[][] z = new HopfieldLookup(signKeys, labels, 50).forward(noisy);
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(labels[k], z[k], 1e-6, "query near key " + k);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        double beta = 1.7;
        double[][] upstream = random(4, 2, 35);
        HopfieldLookup lookup = new HopfieldLookup(keys, values, beta);
        HopfieldLookup.Gradients g = lookup.backward(queries, upstream);
        double tolerance = 1e-8;
        assertClose(numericGradient(p -> Reference.inner(lookup.forward(p), upstream), queries), g.dQueries(), tolerance,
                "dR");
        assertClose(numericGradient(p -> Reference.inner(new HopfieldLookup(p, values, beta).forward(queries), upstream),
                keys), g.dKeys(), tolerance, "dKeys");
        assertClose(numericGradient(p -> Reference.inner(new HopfieldLookup(keys, p, beta).forward(queries), upstream),
                values), g.dValues(), tolerance, "dValues");
    }

    @Test
    void mismatchedKeysAndValuesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new HopfieldLookup(keys, random(7, 2, 1), 1));
        assertEquals("values have 7 rows, keys have 8: every key needs one value", e.getMessage());
        var q = assertThrows(IllegalArgumentException.class,
                () -> new HopfieldLookup(keys, values, 1).forward(random(1, 4, 1)));
        assertEquals("queries have 4 values per row, the keys have 5", q.getMessage());
    }
}
