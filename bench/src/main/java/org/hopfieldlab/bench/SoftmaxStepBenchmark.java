package org.hopfieldlab.bench;

import java.util.concurrent.TimeUnit;
import org.hopfieldlab.internal.SoftmaxStep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One modern-Hopfield retrieval step {@code xi <- X softmax(beta X^T xi)}, N = 784 features. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SoftmaxStepBenchmark {

    static final int FEATURES = 784;

    @Param({"f64", "f32"})
    public String dtype;

    @Param({"1000", "10000"})
    public int memories;

    @Param({"1", "64"})
    public int batch;

    private double[][] patterns;
    private double[][] queries;
    private double[][] out;
    private float[][] patternsF;
    private float[][] queriesF;
    private float[][] outF;
    private final double beta = 1 / Math.sqrt(FEATURES);

    @Setup
    public void setUp() {
        patterns = Data.gaussian(memories, FEATURES, 1, 1);
        queries = Data.gaussian(batch, FEATURES, 1, 2);
        out = new double[batch][FEATURES];
        patternsF = Data.toFloat(patterns);
        queriesF = Data.toFloat(queries);
        outF = new float[batch][FEATURES];
    }

    @Benchmark
    public Object step() {
        if (dtype.equals("f64")) {
            SoftmaxStep.step(patterns, beta, queries, out);
            return out;
        }
        SoftmaxStep.step(patternsF, (float) beta, queriesF, outF);
        return outF;
    }
}
