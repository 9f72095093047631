package org.hopfieldlab.dsl;

import static org.hopfieldlab.dsl.Hopfield.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.model.Dynamics;
import org.hopfieldlab.model.Network;
import org.hopfieldlab.model.Recall;
import org.junit.jupiter.api.Test;

/** The user-facing shape: the design card line, immutability, defaults, seeds, what a network prints. */
class NetworkDslTest {

    @Test
    void theDesignCardLineBuildsAndRuns() {
        var net = network().feature(784).memory(1000, softmax()).build();
        assertEquals("Network[784 features, identity; 1000 memories, softmax beta=1.0; synchronous; nothing stored yet]",
                net.toString());
        var digits = digits();
        var stored = net.store(digits.images(1000));
        assertEquals(1000, stored.memories());
        Recall r = stored.recall(digits.image(3).masked(0.5));
        assertTrue(r.converged(), r.toString());
        assertEquals(784, r.state().length);
        assertTrue(r.energyNonIncreasing());
    }

    @Test
    void storeReturnsANewNetworkAndLeavesTheOldOneAlone() {
        Network empty = classical(8, 2).build();
        double[][] patterns = {{1, 1, 1, 1, -1, -1, -1, -1}, {1, -1, 1, -1, 1, -1, 1, -1}};
        Network stored = empty.store(patterns);
        assertFalse(empty.stored());
        assertTrue(stored.stored());
        patterns[0][0] = -1;                                           // the caller's array is not the network's
        assertEquals(1.0, stored.patterns()[0][0]);
        stored.patterns()[0][0] = 99;                                  // nor is the copy it hands out
        assertEquals(1.0, stored.patterns()[0][0]);
    }

    @Test
    void defaultsFollowTheFeatureLayer() {
        assertInstanceOf(Dynamics.Asynchronous.class, classical(10, 2).build().dynamics());
        assertInstanceOf(Dynamics.Synchronous.class, network().feature(10).memory(2, softmax()).build().dynamics());
        assertInstanceOf(Dynamics.Synchronous.class, network().feature(10, sign()).layer(4, relu()).layer(2, softmax()).build().dynamics());
    }

    @Test
    void sameSeedSameRecallOtherSeedOtherOrder() {
        double[][] xi = randomPatterns(30, 100, 1);
        double[] query = randomPatterns(1, 100, 2)[0];
        Network a = classical(100, 30).seed(5).build().store(xi);
        Network b = classical(100, 30).seed(5).build().store(xi);
        assertArrayEquals(a.recall(query).energies(), b.recall(query).energies());
        boolean someDiffer = false;
        for (long seed = 6; seed < 12 && !someDiffer; seed++) {
            someDiffer = !java.util.Arrays.equals(a.recall(query).state(), a.withSeed(seed).recall(query).state());
        }
        assertTrue(someDiffer, "a random query far above capacity should end differently for some other update order");
    }

    @Test
    void recallPrintsOneInformativeLine() {
        double[][] xi = randomPatterns(3, 50, 3);
        Recall r = classical(50, 3).build().store(xi).recall(flip(xi[1], 0.1, 4));
        assertTrue(r.toString().matches("Recall\\[pattern 1 \\(overlap 1\\.000\\), \\d steps?, converged, energy .*\\]"), r.toString());
        assertTrue(r.mimeBundle().get("text/html").contains("<svg"));
        assertEquals(r.toString(), r.mimeBundle().get("text/plain"));
    }

    @Test
    void recallOffersItsFiguresDirectly() {
        var digits = digits();
        Recall image = modelB(784, 20, 1.0).build().store(digits.images(20)).recall(digits.image(4).masked(0.5));
        var grid = assertInstanceOf(org.hopfieldlab.plot.ImageGrid.class, image.retrievalMap());
        assertTrue(grid.size() >= 3, "query, result and nearest stored pattern at least");
        assertTrue(image.plot().asJavascript("energy").contains("energy"));
        assertTrue(image.mimeBundle().get("text/html").contains("data:image/png;base64,"));

        double[][] xi = randomPatterns(3, 50, 3);
        Recall strips = classical(50, 3).build().store(xi).recall(flip(xi[0], 0.2, 1));
        assertInstanceOf(org.hopfieldlab.plot.FigureDisplay.class, strips.retrievalMap());
        assertTrue(strips.overlapPlot().asJavascript("o").contains("overlap"));
        assertTrue(image.attentionPlot(3).asJavascript("a").contains("#4"), "digit 4 is memory 4 and gets the weight");
    }

    @Test
    void batchedRecallMatchesOneByOne() {
        double[][] xi = randomPatterns(5, 40, 5);
        Network net = dense(40, 5, 3).build().store(xi);
        double[][] queries = randomPatterns(4, 40, 6);
        var batch = net.recall(queries);
        for (int q = 0; q < queries.length; q++) {
            assertArrayEquals(net.recall(queries[q]).state(), batch.get(q).state());
        }
    }

    @Test
    void buildersAreValues() {
        NetworkBuilder base = network().feature(10).memory(3, softmax());
        Network one = base.seed(1).build();
        Network two = base.dynamics(ode(0.1)).build();
        assertNotEquals(one.dynamics(), two.dynamics());
        assertInstanceOf(Dynamics.Synchronous.class, base.build().dynamics());
    }
}
