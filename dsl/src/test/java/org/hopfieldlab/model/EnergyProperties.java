package org.hopfieldlab.model;

import static org.hopfieldlab.dsl.Hopfield.*;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Laws that hold for every network, checked on many seeded random ones. */
class EnergyProperties {

    @Property(tries = 60, seed = "20261125")
    boolean asynchronousUpdatesNeverRaiseTheEnergy(@ForAll @IntRange(min = 5, max = 60) int n,
                                                   @ForAll @IntRange(min = 1, max = 40) int k,
                                                   @ForAll @IntRange(min = 2, max = 5) int power,
                                                   @ForAll long seed) {
        Network net = dense(n, k, power).seed(seed).build().store(Fixtures.signs(k, n, seed));
        Recall r = net.recall(Fixtures.signs(1, n, seed + 1)[0]);
        return r.energyRiseStep() < 0 && r.converged();
    }

    @Property(tries = 40, seed = "20261125")
    boolean attentionUpdatesNeverRaiseTheEnergy(@ForAll @IntRange(min = 2, max = 40) int n,
                                               @ForAll @IntRange(min = 1, max = 40) int k,
                                               @ForAll @IntRange(min = 1, max = 400) int betaTimes100,
                                               @ForAll long seed) {
        Network net = modelB(n, k, betaTimes100 / 100.0).build().store(Fixtures.gaussian(k, n, 1, seed));
        Recall r = net.recall(Fixtures.gaussian(1, n, 1, seed + 1)[0]);
        return r.energyRiseStep() < 0;
    }

    @Property(tries = 40, seed = "20261125")
    boolean aStoredPatternIsAFixedPointWellBelowCapacity(@ForAll @IntRange(min = 100, max = 200) int n,
                                                         @ForAll @IntRange(min = 1, max = 5) int k,
                                                         @ForAll long seed) {
        double[][] xi = Fixtures.signs(k, n, seed);
        Recall r = classical(n, k).seed(seed).build().store(xi).recall(xi[0]);
        return r.retrieved(0) && r.steps() == 1;
    }
}
