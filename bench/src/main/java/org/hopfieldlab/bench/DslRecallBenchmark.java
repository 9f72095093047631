package org.hopfieldlab.bench;

import static org.hopfieldlab.dsl.Hopfield.modelB;
import static org.hopfieldlab.dsl.Hopfield.network;
import static org.hopfieldlab.dsl.Hopfield.ode;
import static org.hopfieldlab.dsl.Hopfield.polynomial;
import static org.hopfieldlab.dsl.Hopfield.sign;
import static org.hopfieldlab.dsl.Hopfield.softmax;
import static org.hopfieldlab.dsl.Hopfield.synchronous;

import java.util.concurrent.TimeUnit;
import org.hopfieldlab.model.Network;
import org.hopfieldlab.model.Recall;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a DSL user runs: {@code network.recall(query)} on a stored network, the whole call (initial state and
 * its energy, {@code steps} updates each followed by the energy of the new state, the {@link Recall} record).
 * The convergence tolerance is tiny and the inputs are chosen so that no recall stops early: the set-up checks
 * that every recall ran exactly {@code steps} steps, so the numpy rows of tools/bench/numpy_bench.py do the
 * same work.
 * <ul>
 *   <li>{@code softmaxSync}: N = 784 identity features, K softmax memories (beta = 1 / sqrt(N)), synchronous;</li>
 *   <li>{@code softmaxOde}: the same network with Euler steps, dt = 0.05, tau = (1, 0.1) (memories move too);</li>
 *   <li>{@code classicalSync}: N = 1000 sign features, K = 100 quadratic memories, simultaneous spin update,
 *       one step (a corrupted pattern is restored in one step, after which the recall would stop).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DslRecallBenchmark {

    static final int FEATURES = 784;
    static final int SPINS = 1000;
    static final int SPIN_PATTERNS = 100;
    static final double TOLERANCE = 1e-300;

    /** The two softmax networks, stored with K gaussian patterns, and one gaussian query. */
    @State(Scope.Thread)
    public static class Softmax {

        @Param({"1000", "10000"})
        public int memories;

        @Param({"1", "10"})
        public int steps;

        Network sync;
        Network ode;
        double[] query;

        @Setup
        public void setUp() {
            double[][] patterns = Data.gaussian(memories, FEATURES, 1, 1);
            query = Data.gaussian(1, FEATURES, 1, 2)[0];
            double beta = 1 / Math.sqrt(FEATURES);
            sync = modelB(FEATURES, memories, beta).dynamics(synchronous()).convergence(TOLERANCE, steps)
                    .build().store(patterns);
            ode = network().feature(FEATURES).memory(memories, softmax(beta)).dynamics(ode(0.05)).tau(1, 0.1)
                    .convergence(TOLERANCE, steps).build().store(patterns);
            requireSteps(sync.recall(query), steps, "softmax synchronous");
            requireSteps(ode.recall(query), steps, "softmax ode");
        }
    }

    /** The classical network N = 1000, K = 100 and a stored pattern with about 20% of its spins flipped. */
    @State(Scope.Thread)
    public static class Classical {

        Network sync;
        double[] query;

        @Setup
        public void setUp() {
            double[][] spins = Data.spins(SPIN_PATTERNS, SPINS, 3);
            sync = network().feature(SPINS, sign()).memory(SPIN_PATTERNS, polynomial(2))
                    .dynamics(synchronous()).convergence(TOLERANCE, 1).build().store(spins);
            query = spins[0].clone();
            double[] noise = Data.gaussian(1, SPINS, 1, 4)[0];
            for (int i = 0; i < SPINS; i++) {
                if (noise[i] > 0.84) {
                    query[i] = -query[i];
                }
            }
            requireSteps(sync.recall(query), 1, "classical synchronous");
        }
    }

    static void requireSteps(Recall r, int expected, String what) {
        if (r.steps() != expected) {
            throw new IllegalStateException(what + " ran " + r.steps() + " steps, the benchmark needs " + expected);
        }
    }

    @Benchmark
    public Recall softmaxSync(Softmax s) {
        return s.sync.recall(s.query);
    }

    @Benchmark
    public Recall softmaxOde(Softmax s) {
        return s.ode.recall(s.query);
    }

    @Benchmark
    public Recall classicalSync(Classical c) {
        return c.sync.recall(c.query);
    }
}
