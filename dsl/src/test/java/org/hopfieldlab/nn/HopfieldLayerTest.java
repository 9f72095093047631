package org.hopfieldlab.nn;

import static org.hopfieldlab.dsl.Hopfield.network;
import static org.hopfieldlab.dsl.Hopfield.softmax;
import static org.hopfieldlab.nn.Reference.maxAbsDifference;
import static org.hopfieldlab.nn.Reference.numericGradient;
import static org.hopfieldlab.nn.Reference.product;
import static org.hopfieldlab.nn.Reference.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.model.Convergence;
import org.hopfieldlab.model.Network;
import org.junit.jupiter.api.Test;

class HopfieldLayerTest {

    // B = 3 queries of d_r = 5, K = 7 stored patterns of d_y = 6, d_k = 4, d_v = 3.
    private final double[][] r = random(3, 5, 1);
    private final double[][] y = random(7, 6, 2);
    private final double[][] wQ = random(5, 4, 3);
    private final double[][] wK = random(6, 4, 4);
    private final double[][] wV = random(4, 3, 5);

    @Test
    void equalsTransformerAttentionWithBetaOneOverSqrtDk() {
        HopfieldLayer layer = HopfieldLayer.attention(wQ, wK, wV);
        assertEquals(0.5, layer.beta(), 0, "d_k = 4, so beta = 1/sqrt(4)");
        double[][] q = product(r, wQ);
        double[][] k = product(y, wK);
        double[][] v = product(k, wV);
        double[][] expected = Reference.attention(q, k, v, 1 / Math.sqrt(4));
        double[][] z = layer.forward(r, y);
        assertTrue(maxAbsDifference(expected, z) < 1e-12, "differs by " + maxAbsDifference(expected, z));
    }

    @Test
    void betaScalesTheScores() {
        double beta = 3.7;
        double[][] z = new HopfieldLayer(wQ, wK, wV, beta).forward(r, y);
        double[][] k = product(y, wK);
        double[][] expected = Reference.attention(product(r, wQ), k, product(k, wV), beta);
        assertTrue(maxAbsDifference(expected, z) < 1e-12);
    }

    @Test
    void attentionWeightsAreRowsOfAProbabilityDistribution() {
        double[][] p = new HopfieldLayer(wQ, wK, wV, 2).attentionWeights(r, y);
        assertEquals(3, p.length);
        for (double[] row : p) {
            assertEquals(7, row.length);
            double sum = 0;
            for (double v : row) {
                assertTrue(v > 0);
                sum += v;
            }
            assertEquals(1, sum, 1e-12);
        }
    }

    @Test
    void oneUpdateOfTheDslNetworkIsTheLayerWithoutProjections() {
        int d = 6;
        double beta = 1.3;
        double[][] stored = random(7, d, 11);
        double[][] queries = random(4, d, 12);
        Network net = network().feature(d).memory(stored.length, softmax(beta)).build().store(stored)
                .with(new Convergence(1e-12, 5));
        double[][] z = HopfieldLayer.withoutProjections(d, beta).forward(queries, stored);
        for (int q = 0; q < queries.length; q++) {
            double[] firstStep = net.recall(queries[q]).trajectory()[1];
            double[][] oneRow = {firstStep};
            double[][] layerRow = {z[q]};
            assertTrue(maxAbsDifference(oneRow, layerRow) < 1e-12,
                    "query " + q + " differs by " + maxAbsDifference(oneRow, layerRow));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        double beta = 0.9;
        double[][] upstream = random(3, 3, 6);   // dL/dZ of the loss L = sum(Z .* upstream)
        HopfieldLayer layer = new HopfieldLayer(wQ, wK, wV, beta);
        HopfieldLayer.Gradients g = layer.backward(r, y, upstream);
        double tolerance = 1e-8;   // central differences with h = 1e-6 on O(1) entries: error about 1e-10
        assertClose(numericGradient(p -> Reference.inner(layer.forward(p, y), upstream), r), g.dStatePatterns(),
                tolerance, "dR");
        assertClose(numericGradient(p -> Reference.inner(layer.forward(r, p), upstream), y), g.dStoredPatterns(),
                tolerance, "dY");
        assertClose(numericGradient(p -> Reference.inner(new HopfieldLayer(p, wK, wV, beta).forward(r, y), upstream), wQ),
                g.dWQ(), tolerance, "dW_Q");
        assertClose(numericGradient(p -> Reference.inner(new HopfieldLayer(wQ, p, wV, beta).forward(r, y), upstream), wK),
                g.dWK(), tolerance, "dW_K");
        assertClose(numericGradient(p -> Reference.inner(new HopfieldLayer(wQ, wK, p, beta).forward(r, y), upstream), wV),
                g.dWV(), tolerance, "dW_V");
    }

    @Test
    void aForwardPassGivesTheOutputAndTheGradientsWithoutTheInputsItWasGiven() {
        double beta = 0.9;
        double[][] upstream = random(3, 3, 6);
        HopfieldLayer layer = new HopfieldLayer(wQ, wK, wV, beta);
        double[][] rGiven = Reference.copy(r);
        double[][] yGiven = Reference.copy(y);
        HopfieldLayer.ForwardPass pass = layer.forwardPass(rGiven, yGiven);
        // the pass keeps its own copies: a training loop may reuse its input buffers before the backward pass
        for (double[] row : rGiven) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (double[] row : yGiven) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        assertEquals(0, maxAbsDifference(layer.forward(r, y), pass.output()));
        assertEquals(0, maxAbsDifference(layer.attentionWeights(r, y), pass.attentionWeights()));
        HopfieldLayer.Gradients fromPass = pass.backward(upstream);
        HopfieldLayer.Gradients recomputed = layer.backward(r, y, upstream);
        assertEquals(0, maxAbsDifference(recomputed.dStatePatterns(), fromPass.dStatePatterns()));
        assertEquals(0, maxAbsDifference(recomputed.dStoredPatterns(), fromPass.dStoredPatterns()));
        assertEquals(0, maxAbsDifference(recomputed.dWQ(), fromPass.dWQ()));
        assertEquals(0, maxAbsDifference(recomputed.dWK(), fromPass.dWK()));
        assertEquals(0, maxAbsDifference(recomputed.dWV(), fromPass.dWV()));
        var e = assertThrows(IllegalArgumentException.class, () -> pass.backward(random(2, 3, 7)));
        assertTrue(e.getMessage().contains("dZ"), e.getMessage());
    }

    static void assertClose(double[][] expected, double[][] actual, double tolerance, String what) {
        double difference = maxAbsDifference(expected, actual);
        assertTrue(difference < tolerance, what + " differs from finite differences by " + difference);
    }

    @Test
    void badShapesAreNamed() {
        var wrongKeys = assertThrows(IllegalArgumentException.class,
                () -> new HopfieldLayer(wQ, random(6, 3, 1), wV, 1));
        assertEquals("W_K has 3 columns, W_Q has 4: queries and keys must land in the same space d_k",
                wrongKeys.getMessage());
        HopfieldLayer layer = new HopfieldLayer(wQ, wK, wV, 1);
        var wrongQuery = assertThrows(IllegalArgumentException.class, () -> layer.forward(random(2, 4, 1), y));
        assertEquals("state patterns R have 4 values per row, W_Q expects d_r = 5 (its number of rows)",
                wrongQuery.getMessage());
        var badBeta = assertThrows(IllegalArgumentException.class, () -> new HopfieldLayer(wQ, wK, wV, -1));
        assertEquals("beta must be positive and finite, got -1.0", badBeta.getMessage());
        double[][] withNaN = random(3, 5, 1);
        withNaN[1][2] = Double.NaN;
        var nan = assertThrows(IllegalArgumentException.class, () -> layer.forward(withNaN, y));
        assertEquals("state patterns R contains NaN at row 1, column 2; only finite numbers are allowed", nan.getMessage());
        var badUpstream = assertThrows(IllegalArgumentException.class, () -> layer.backward(r, y, random(3, 2, 1)));
        assertEquals("dZ is 3 x 2, expected 3 x 3 (one row per state pattern, d_v columns)", badUpstream.getMessage());
    }

    @Test
    void projectionsAreCopiedInAndOut() {
        double[][] q = random(5, 4, 3);
        HopfieldLayer layer = new HopfieldLayer(q, wK, wV, 1);
        double[][] before = layer.forward(r, y);
        q[0][0] = 100;
        layer.wQ()[0][0] = 100;
        assertEquals(0, maxAbsDifference(before, layer.forward(r, y)));
        assertEquals("HopfieldLayer[d_r=5, d_y=6, d_k=4, d_v=3, beta=1.000]", layer.toString());
    }
}
