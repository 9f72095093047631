package org.hopfieldlab.neuro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The TEM-transformer claims (Whittington et al., ICLR 2022, figure 5) on a 10 x 10 environment with
 * 16 possible observations, a pool of 800 memory neurons and beta = 4.
 */
class PlaceCellMemoryTest {

    private static final GridWorld WORLD = GridWorld.grid(10, 10);
    private static final GridCode CODE = GridCode.standard();
    private static final int SYMBOLS = 16;
    private static final int POOL = 800;
    private static final double BETA = 4;
    private static final long NEURONS = 7;

    private static PlaceCellMemory explored(long environment, long walkSeed, int steps) {
        SensoryMap senses = SensoryMap.random(WORLD, SYMBOLS, environment);
        return PlaceCellMemory.in(WORLD, CODE.realigned(environment), POOL, BETA, NEURONS, senses)
                .explore(RandomWalk.of(WORLD, steps, walkSeed));
    }

    @Test
    void memoryNeuronsHaveLocalisedMostlySinglePeakedPlaceFields() {
        RandomWalk walk = RandomWalk.of(WORLD, 3000, 11);
        assertEquals(1.0, walk.coverage(), "the long walk should visit every place");
        PlaceCellMemory memory = PlaceCellMemory.in(WORLD, CODE, POOL, BETA, NEURONS, SensoryMap.random(WORLD, SYMBOLS, 1))
                .explore(walk);
        double[][][] fields = memory.placeFields();
        int used = 0;
        int singlePeaked = 0;
        double localised = 0;
        for (int mu = 0; mu < POOL; mu++) {
            if (!memory.isUsed(mu)) {
                continue;
            }
            used++;
            if (FieldAnalysis.peakCount(fields[mu], 0.5) == 1) {
                singlePeaked++;
                localised += massNearPeak(fields[mu]);
            }
        }
        assertEquals(used, memory.usedNeurons());
        assertTrue(used >= 50, "expected most of the 100 places to recruit their own neuron, got " + used);
        // a neuron has two fields only when it won the competition for two places; with 100 places
        // among 800 neurons that is about 1 - exp(-100/800) = 12 % of the memories
        assertTrue(singlePeaked >= 0.8 * used, singlePeaked + " of " + used + " fields are single-peaked");
        // a single field is local: most of the neuron's activity lies within one step of its peak (a
        // map spread evenly over the 10 x 10 places would put 9 % there); the rest sits where the
        // same thing is seen at a place whose grid code resembles the field's
        assertTrue(localised / singlePeaked >= 0.5, "mean share of activity within one step of the peak: " + localised / singlePeaked);
    }

    /** Share of a map's total activity within one row and column of its maximum. */
    private static double massNearPeak(double[][] map) {
        int pr = 0;
        int pc = 0;
        double total = 0;
        for (int r = 0; r < map.length; r++) {
            for (int c = 0; c < map[0].length; c++) {
                total += map[r][c];
                if (map[r][c] > map[pr][pc]) {
                    pr = r;
                    pc = c;
                }
            }
        }
        double near = 0;
        for (int r = Math.max(0, pr - 1); r <= Math.min(map.length - 1, pr + 1); r++) {
            for (int c = Math.max(0, pc - 1); c <= Math.min(map[0].length - 1, pc + 1); c++) {
                near += map[r][c];
            }
        }
        return near / total;
    }

    @Test
    void fieldsRemapBetweenEnvironmentsAndMatchInTheSameEnvironmentTwice() {
        double sumAbsAcross = 0;
        int across = 0;
        double sumSame = 0;
        int same = 0;
        for (long env = 1; env <= 4; env++) {
            // two visits of one environment, along different walks that each miss some places
            PlaceCellMemory first = explored(env, 100 + env, 400);
            PlaceCellMemory second = explored(env, 200 + env, 400);
            PlaceCellMemory other = explored(env + 50, 100 + env, 400);
            double[][][] f1 = first.placeFields();
            double[][][] f2 = second.placeFields();
            double[][][] fo = other.placeFields();
            for (int mu = 0; mu < POOL; mu++) {
                if (first.isUsed(mu) && second.isUsed(mu)) {
                    sumSame += FieldAnalysis.correlation(f1[mu], f2[mu]);
                    same++;
                }
                if (first.isUsed(mu) && other.isUsed(mu)) {
                    sumAbsAcross += Math.abs(FieldAnalysis.correlation(f1[mu], fo[mu]));
                    across++;
                }
            }
        }
        assertTrue(same >= 200, "neurons active in both visits: " + same);
        assertTrue(across >= 20, "neurons active in both environments: " + across);
        assertTrue(sumSame / same > 0.9, "same environment twice, mean r = " + sumSame / same);
        assertTrue(sumAbsAcross / across < 0.2, "two environments, mean |r| = " + sumAbsAcross / across);
    }

    @Test
    void withoutGridRealignmentOnlyPlacesShowingTheSameSymbolKeepTheirNeuron() {
        RandomWalk walk = RandomWalk.of(WORLD, 3000, 13);
        SensoryMap a = SensoryMap.random(WORLD, SYMBOLS, 31);
        SensoryMap b = SensoryMap.random(WORLD, SYMBOLS, 32);
        PlaceCellMemory inA = PlaceCellMemory.in(WORLD, CODE, POOL, BETA, NEURONS, a).explore(walk);
        PlaceCellMemory inB = PlaceCellMemory.in(WORLD, CODE, POOL, BETA, NEURONS, b).explore(walk);
        int sameSymbol = 0;
        int sameSymbolKept = 0;
        int changed = 0;
        int changedKept = 0;
        for (int p = 0; p < WORLD.places(); p++) {
            boolean kept = inA.winner(p) == inB.winner(p);
            if (a.observation(p) == b.observation(p)) {
                sameSymbol++;
                sameSymbolKept += kept ? 1 : 0;
            } else {
                changed++;
                changedKept += kept ? 1 : 0;
            }
        }
        assertTrue(sameSymbol > 0, "the two maps should share a symbol somewhere");
        assertEquals(sameSymbol, sameSymbolKept, "places with an unchanged symbol keep their neuron");
        // a changed symbol means an independent competition: the same winner is a coincidence
        assertTrue(changedKept <= 0.05 * changed, changedKept + " of " + changed + " changed places kept their neuron");
    }

    @Test
    void predictionIsAccurateAfterOneVisitAndAtChanceWhereNeverVisited() {
        int onceRight = 0;
        int once = 0;
        int neverRight = 0;
        int never = 0;
        for (long env = 1; env <= 20; env++) {
            SensoryMap senses = SensoryMap.random(WORLD, SYMBOLS, env);
            RandomWalk walk = RandomWalk.of(WORLD, 60, 300 + env);
            PlaceCellMemory memory = PlaceCellMemory.in(WORLD, CODE.realigned(env), POOL, BETA, NEURONS, senses).explore(walk);
            int[] visits = new int[WORLD.places()];
            for (int p : walk.places()) {
                visits[p]++;
            }
            for (int p = 0; p < WORLD.places(); p++) {
                boolean right = memory.predict(p) == senses.observation(p);
                if (visits[p] == 1) {
                    once++;
                    onceRight += right ? 1 : 0;
                } else if (visits[p] == 0) {
                    never++;
                    neverRight += right ? 1 : 0;
                }
            }
        }
        double onceAccuracy = onceRight / (double) once;
        double neverAccuracy = neverRight / (double) never;
        assertTrue(once >= 200 && never >= 800, "visited once: " + once + ", never: " + never);
        assertTrue(onceAccuracy >= 0.95, "accuracy at places seen exactly once: " + onceAccuracy);
        // an unvisited place borrows the observation of a remembered place nearby, which is an
        // independent draw: chance is 1/16; neighbouring predictions are correlated, hence 0.04
        assertEquals(1.0 / SYMBOLS, neverAccuracy, 0.04, "accuracy at never-visited places");
    }

    @Test
    void aSecondFeatureGroupNeedsNoExtraMemoryNeurons() {
        RandomWalk walk = RandomWalk.of(WORLD, 3000, 12);
        SensoryMap vision = SensoryMap.random(WORLD, SYMBOLS, 21);
        SensoryMap smell = SensoryMap.random(WORLD, 8, 22);
        // a neuron holding two places with different observations predicts one of them wrong half of
        // the time; with all 100 places stored, a pool of 2000 keeps such shared neurons to about
        // 1 - exp(-100/2000) = 5 % of the memories, so at most about 2.5 % of predictions go wrong
        int pool = 2000;
        PlaceCellMemory one = PlaceCellMemory.in(WORLD, CODE, pool, BETA, NEURONS, vision).explore(walk);
        PlaceCellMemory two = PlaceCellMemory.in(WORLD, CODE, pool, BETA, NEURONS, vision, smell).explore(walk);
        assertEquals(one.featureNeurons() + 8, two.featureNeurons(), "the new region adds its own feature neurons");
        // one memory per place, however many regions take part
        assertEquals(WORLD.places(), one.storedMemories());
        assertEquals(WORLD.places(), two.storedMemories());
        int extra = two.usedNeurons() - one.usedNeurons();
        assertTrue(Math.abs(extra) <= 0.1 * one.usedNeurons(), "extra memory neurons: " + extra + " on " + one.usedNeurons());
        int rightAlone = 0;
        int rightVision = 0;
        int rightSmell = 0;
        for (int p = 0; p < WORLD.places(); p++) {
            rightAlone += one.predict(p) == vision.observation(p) ? 1 : 0;
            rightVision += two.predict(p, 0) == vision.observation(p) ? 1 : 0;
            rightSmell += two.predict(p, 1) == smell.observation(p) ? 1 : 0;
        }
        assertTrue(rightAlone >= 95, "one region: predicted " + rightAlone + " sights of 100");
        assertTrue(rightVision >= 95 && rightSmell >= 95, "two regions: predicted " + rightVision + " sights and "
                + rightSmell + " smells of 100");
    }

    @Test
    void sameSeedsGiveTheSameFieldsAndRevisitsWriteNothingNew() {
        PlaceCellMemory a = explored(3, 5, 200);
        PlaceCellMemory b = explored(3, 5, 200);
        double[][][] fa = a.placeFields();
        double[][][] fb = b.placeFields();
        for (int mu = 0; mu < POOL; mu++) {
            for (int r = 0; r < WORLD.rows(); r++) {
                assertEquals(0, java.util.Arrays.compare(fa[mu][r], fb[mu][r]));
            }
        }
        int place = RandomWalk.of(WORLD, 200, 5).places()[0];
        assertFalse(a.visit(place), "a place already remembered is not written again");
        assertEquals(b.storedMemories(), a.storedMemories());
    }

    @Test
    void recallIsOneSoftmaxStepOverTheStoredConjunctions() {
        SensoryMap senses = SensoryMap.random(WORLD, SYMBOLS, 4);
        PlaceCellMemory memory = PlaceCellMemory.in(WORLD, CODE, POOL, BETA, NEURONS, senses);
        memory.visit(0);
        memory.visit(55);
        // reference: xi_1 f_1 + xi_2 f_2 with f the softmax of beta xi . v, computed here from the features
        double[] x1 = memory.features(0);
        double[] x2 = memory.features(55);
        double[] q = memory.positionQuery(27);
        double h1 = BETA * dot(x1, q);
        double h2 = BETA * dot(x2, q);
        double f1 = 1 / (1 + Math.exp(h2 - h1));
        double[] recalled = memory.recall(q);
        for (int i = 0; i < q.length; i++) {
            assertEquals(f1 * x1[i] + (1 - f1) * x2[i], recalled[i], 1e-12);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void badInputIsRejectedWithATeachingMessage() {
        SensoryMap senses = SensoryMap.random(WORLD, SYMBOLS, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlaceCellMemory.in(WORLD, CODE, POOL, -1, 1, senses));
        assertEquals("beta must be positive and finite, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PlaceCellMemory.in(WORLD, CODE, POOL, 1, 1));
        assertTrue(e.getMessage().contains("at least one sensory map"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PlaceCellMemory.in(GridWorld.grid(5, 5), CODE, POOL, 1, 1, senses));
        assertEquals("sensory map 0 is for a grid 10 x 10, the memory is for a grid 5 x 5", e.getMessage());
        PlaceCellMemory memory = PlaceCellMemory.in(WORLD, CODE, POOL, 1, 1, senses);
        IllegalStateException empty = assertThrows(IllegalStateException.class, () -> memory.predict(3));
        assertTrue(empty.getMessage().contains("explore"), empty.getMessage());
        memory.visit(3);
        e = assertThrows(IllegalArgumentException.class, () -> memory.recall(new double[5]));
        assertEquals("feature state has 5 values, memory expects 40 feature neurons", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> memory.visit(100));
        assertEquals("place must be in [0, 100) for a 10 x 10 world, got 100", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> memory.predict(3, 1));
        assertEquals("sense must be in [0, 1), got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> memory.explore(RandomWalk.of(GridWorld.torus(10, 10), 5, 1)));
        assertEquals("the walk is in a torus 10 x 10, the memory is for a grid 10 x 10", e.getMessage());
    }
}
