package org.hopfieldlab.bench;

import java.util.concurrent.TimeUnit;
import org.hopfieldlab.internal.Hebbian;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Classical Hopfield network, N = 1000 neurons, K = 100 patterns: Hebbian storage and one synchronous step. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClassicalBenchmark {

    private double[][] patterns;
    private double[][] t;
    private double[] sigma;
    private double[] out;

    @Setup
    public void setUp() {
        patterns = Data.spins(100, 1000, 3);
        t = Hebbian.matrix(patterns);
        sigma = Data.spins(1, 1000, 4)[0];
        out = new double[1000];
    }

    @Benchmark
    public double[][] storage() {
        return Hebbian.matrix(patterns);
    }

    @Benchmark
    public double[] syncStep() {
        Hebbian.syncStep(t, sigma, out);
        return out;
    }
}
