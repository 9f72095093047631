package org.hopfieldlab.nn;

import static org.hopfieldlab.nn.HopfieldLayerTest.assertClose;
import static org.hopfieldlab.nn.Reference.maxAbsDifference;
import static org.hopfieldlab.nn.Reference.numericGradient;
import static org.hopfieldlab.nn.Reference.product;
import static org.hopfieldlab.nn.Reference.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HopfieldPoolingTest {

    private final double[][] query = random(2, 4, 21);     // S = 2 static queries, d_k = 4
    private final double[][] wK = random(5, 4, 22);        // d_y = 5
    private final double[][] wV = random(4, 3, 23);        // d_v = 3
    private final double[][] set = random(9, 5, 24);       // a set of 9 patterns

    @Test
    void poolsASetWithTheStaticQuery() {
        double beta = 1.5;
        double[][] k = product(set, wK);
        double[][] expected = Reference.attention(query, k, product(k, wV), beta);
        double[][] z = new HopfieldPooling(query, wK, wV, beta).forward(set);
        assertEquals(2, z.length);
        assertTrue(maxAbsDifference(expected, z) < 1e-12);
    }

    @Test
    void theOrderOfTheSetDoesNotMatterAndItsSizeMayChange() {
        HopfieldPooling pooling = new HopfieldPooling(query, wK, wV, 2);
        double[][] reversed = new double[set.length][];
        for (int i = 0; i < set.length; i++) {
            reversed[i] = set[set.length - 1 - i];
        }
        assertTrue(maxAbsDifference(pooling.forward(set), pooling.forward(reversed)) < 1e-14);
        assertEquals(2, pooling.forward(random(30, 5, 25)).length);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        double beta = 1.2;
        double[][] upstream = random(2, 3, 26);
        HopfieldPooling pooling = new HopfieldPooling(query, wK, wV, beta);
        HopfieldPooling.Gradients g = pooling.backward(set, upstream);
        double tolerance = 1e-8;
        assertClose(numericGradient(p -> Reference.inner(new HopfieldPooling(p, wK, wV, beta).forward(set), upstream),
                query), g.dQuery(), tolerance, "dQ");
        assertClose(numericGradient(p -> Reference.inner(pooling.forward(p), upstream), set), g.dStoredPatterns(),
                tolerance, "dY");
        assertClose(numericGradient(p -> Reference.inner(new HopfieldPooling(query, p, wV, beta).forward(set), upstream),
                wK), g.dWK(), tolerance, "dW_K");
        assertClose(numericGradient(p -> Reference.inner(new HopfieldPooling(query, wK, p, beta).forward(set), upstream),
                wV), g.dWV(), tolerance, "dW_V");
    }

    @Test
    void aForwardPassGivesTheOutputAndTheGradientsWithoutTheSetItWasGiven() {
        double beta = 1.2;
        double[][] upstream = random(2, 3, 26);
        HopfieldPooling pooling = new HopfieldPooling(query, wK, wV, beta);
        double[][] given = Reference.copy(set);
        HopfieldPooling.ForwardPass pass = pooling.forwardPass(given);
        for (double[] row : given) {
            java.util.Arrays.fill(row, Double.NaN);   // the pass keeps its own copy of the set
        }
        assertEquals(0, maxAbsDifference(pooling.forward(set), pass.output()));
        assertEquals(0, maxAbsDifference(pooling.attentionWeights(set), pass.attentionWeights()));
        HopfieldPooling.Gradients fromPass = pass.backward(upstream);
        HopfieldPooling.Gradients recomputed = pooling.backward(set, upstream);
        assertEquals(0, maxAbsDifference(recomputed.dQuery(), fromPass.dQuery()));
        assertEquals(0, maxAbsDifference(recomputed.dStoredPatterns(), fromPass.dStoredPatterns()));
        assertEquals(0, maxAbsDifference(recomputed.dWK(), fromPass.dWK()));
        assertEquals(0, maxAbsDifference(recomputed.dWV(), fromPass.dWV()));
    }

    @Test
    void aSetOfTheWrongWidthIsNamed() {
        HopfieldPooling pooling = new HopfieldPooling(query, wK, wV, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> pooling.forward(random(3, 6, 1)));
        assertEquals("stored patterns Y have 6 values per row, W_K expects d_y = 5 (its number of rows)", e.getMessage());
    }
}
