package org.hopfieldlab.model;

import static org.hopfieldlab.dsl.Hopfield.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Convolutional synapses: the matrix is the convolution, and the hierarchical energy still descends. */
class ConvolutionTest {

    @Test
    void matrixTimesImageIsTheValidConvolution() {
        double[][][] filters = {Fixtures.gaussian(3, 3, 1, 2), Fixtures.gaussian(3, 3, 1, 3)};
        Convolution conv = new Convolution(5, 6, filters);
        double[] image = Fixtures.gaussian(1, 30, 1, 4)[0];
        double[] out = EngineReferenceTest.mul(conv.matrix(), image);
        assertEquals(2 * 3 * 4, out.length);
        for (int f = 0; f < 2; f++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    double sum = 0;                                   // sum_{dy,dx} K_f[dy][dx] I[y+dy][x+dx]
                    for (int dy = 0; dy < 3; dy++) {
                        for (int dx = 0; dx < 3; dx++) {
                            sum += filters[f][dy][dx] * image[(y + dy) * 6 + x + dx];
                        }
                    }
                    assertEquals(sum, out[(f * 3 + y) * 4 + x], 1e-12);
                }
            }
        }
    }

    @Test
    void convolutionalHierarchyDescendsItsEnergy() {
        Convolution conv = new Convolution(8, 8, new double[][][] {
                Fixtures.gaussian(3, 3, 0.4, 5), Fixtures.gaussian(3, 3, 0.4, 6), Fixtures.gaussian(3, 3, 0.4, 7)});
        Network net = network().feature(64, tanh(1)).layer(conv.outputSize(), relu()).layer(10, softmax(2))
                .dynamics(ode(0.05)).tau(1, 0.3, 0.2).convergence(1e-8, 300).build()
                .withConvolution(0, conv)
                .withSynapse(1, Fixtures.gaussian(10, conv.outputSize(), 0.2, 8));
        for (Network n : new Network[] {net, net.with(synchronous())}) {
            for (Recall r : n.recall(Fixtures.gaussian(3, 64, 1, 9))) {
                assertEquals(-1, r.energyRiseStep(), n.dynamics() + ": " + java.util.Arrays.toString(r.energies()));
                assertTrue(r.energies()[r.steps()] < r.energies()[0]);
            }
        }
    }

    @Test
    void aConvolutionIsNotMistakenForStoredPatterns() {
        Convolution conv = new Convolution(8, 8, new double[][][] {Fixtures.gaussian(3, 3, 0.4, 5)});
        Network net = network().feature(64, tanh(1)).layer(conv.outputSize(), relu()).layer(4, softmax(2))
                .dynamics(ode(0.05)).tau(1, 0.3, 0.2).convergence(1e-6, 2000).build()
                .withConvolution(0, conv)
                .withSynapse(1, Fixtures.gaussian(4, conv.outputSize(), 0.2, 8));
        assertTrue(net.isConvolution(0));
        assertTrue(!net.isConvolution(1));
        Recall r = net.recall(Fixtures.gaussian(1, 64, 1, 9)[0]);
        assertTrue(r.converged(), "the test needs a converged recall");
        assertTrue(r.fixedPoint().toString().contains("synapse 0 is a convolution"), r.fixedPoint().toString());
        var e = assertThrows(IllegalStateException.class, r::nearestPattern);
        assertTrue(e.getMessage().contains("no stored patterns to compare with"), e.getMessage());
        String map = r.retrievalMap().mimeBundle().get("text/html");
        assertTrue(map != null && !map.isEmpty(), "the retrieval map still shows query, steps and result");
        // replacing the convolution by a plain matrix makes the rows patterns again
        assertTrue(!net.withSynapse(0, conv.matrix()).isConvolution(0));
    }

    @Test
    void shapesAreCheckedWhereTheyEnter() {
        Convolution conv = new Convolution(4, 4, new double[][][] {new double[2][2]});
        Network net = network().feature(16).layer(8, relu()).build();
        var e = assertThrows(IllegalArgumentException.class, () -> net.withConvolution(0, conv));
        assertTrue(e.getMessage().contains("makes 9 upper neurons, layer 1 has 8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Convolution(4, 4, new double[][][] {new double[5][5]}));
        assertTrue(e.getMessage().contains("filter size 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Convolution(4, 4, new double[][][] {new double[2][2], new double[3][3]}));
        assertTrue(e.getMessage().contains("filter 1 has 3 rows"), e.getMessage());
    }
}
