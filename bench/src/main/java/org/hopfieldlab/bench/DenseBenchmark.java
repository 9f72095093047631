package org.hopfieldlab.bench;

import java.util.concurrent.TimeUnit;
import org.hopfieldlab.internal.DenseSweep;
import org.hopfieldlab.internal.EulerStep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Dense associative memory, N = 784, K = 1000: one full asynchronous sweep with F(x) = x^3 and with the
 * stable exponential, each from the same corrupted start (the copy of the state is part of the timing,
 * O(N + K) against the sweep's O(N K)); and one Euler step of the two-layer ODE.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DenseBenchmark {

    private double[][] patterns;
    private double[] start;
    private double[] startFields;
    private double[] sigma;
    private double[] fields;
    private int[] order;
    private double[] g;
    private double[] f;
    private double[] v;
    private double[] h;

    @Setup
    public void setUp() {
        patterns = Data.spins(1000, 784, 5);
        start = patterns[0].clone();
        double[] flips = Data.gaussian(1, 784, 1, 6)[0];
        for (int i = 0; i < 784; i++) {
            if (flips[i] > 0.84) { // about 20% of the neurons
                start[i] = -start[i];
            }
        }
        startFields = new double[1000];
        DenseSweep.fields(patterns, start, startFields);
        sigma = new double[784];
        fields = new double[1000];
        order = Data.shuffled(784, 7);
        g = Data.gaussian(1, 784, 1, 8)[0];
        f = Data.gaussian(1, 1000, 1, 9)[0];
        v = new double[784];
        h = new double[1000];
    }

    @Benchmark
    public int cubicSweep() {
        System.arraycopy(start, 0, sigma, 0, sigma.length);
        System.arraycopy(startFields, 0, fields, 0, fields.length);
        return DenseSweep.sweep(patterns, 3, sigma, fields, order);
    }

    @Benchmark
    public int exponentialSweep() {
        System.arraycopy(start, 0, sigma, 0, sigma.length);
        System.arraycopy(startFields, 0, fields, 0, fields.length);
        return DenseSweep.sweepExponential(patterns, 0.05, sigma, fields, order);
    }

    @Benchmark
    public double[] eulerStep() {
        EulerStep.step(patterns, g, f, v, h, 0.1, 0.1);
        return v;
    }
}
