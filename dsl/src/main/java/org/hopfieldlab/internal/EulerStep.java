package org.hopfieldlab.internal;

/**
 * One explicit Euler step of the two-layer network with feature neurons v (N) and memory neurons h (K):
 * <pre>
 *   tau_f dv/dt = X^T f(h) - v        tau_h dh/dt = X g(v) - h
 * </pre>
 * where X holds the K patterns as rows and f, g are the layers' activations, evaluated by the caller
 * (they depend on the Lagrangian: softmax, sign, power...). Both products are fused into one pass over
 * the patterns: each row gives its dot product with g(v) and adds {@code f(h)_mu X[mu]}. v and h are
 * updated in place; extra memory is one N-vector per part.
 */
public final class EulerStep {

    static final long MIN_WORK_PER_PART = 400_000;

    private EulerStep() {
    }

    /**
     * @param featureActivation g(v), N values (read before v changes)
     * @param memoryActivation  f(h), K values (read before h changes)
     * @param rateFeature       dt / tau_f
     * @param rateMemory        dt / tau_h
     */
    public static void step(double[][] patterns, double[] featureActivation, double[] memoryActivation,
                            double[] v, double[] h, double rateFeature, double rateMemory) {
        int k = patterns.length;
        int n = v.length;
        int parts = Parallel.parts(2L * k * n, MIN_WORK_PER_PART, 4);
        double[][] pull = new double[parts][n];
        boolean vector = VectorSupport.enabled();
        Parallel.forEach(parts, p -> {
            int k0 = (int) ((long) k * p / parts);
            int k1 = (int) ((long) k * (p + 1) / parts);
            if (vector) {
                EulerStepVector.rows(patterns, k0, k1, featureActivation, memoryActivation, h, rateMemory, pull[p]);
            } else {
                rowsScalar(patterns, k0, k1, featureActivation, memoryActivation, h, rateMemory, pull[p]);
            }
        });
        for (int p = 1; p < parts; p++) {
            for (int i = 0; i < n; i++) {
                pull[0][i] += pull[p][i];
            }
        }
        for (int i = 0; i < n; i++) {
            v[i] += rateFeature * (pull[0][i] - v[i]);
        }
    }

    // h[mu] moves toward X[mu] . g(v); pull accumulates f(h)_mu X[mu] for the feature update.
    static void rowsScalar(double[][] patterns, int k0, int k1, double[] g, double[] f, double[] h, double rate,
                           double[] pull) {
        for (int mu = k0; mu < k1; mu++) {
            double[] x = patterns[mu];
            double dot = 0;
            double w = f[mu];
            for (int i = 0; i < x.length; i++) {
                dot += x[i] * g[i];
                pull[i] += w * x[i];
            }
            h[mu] += rate * (dot - h[mu]);
        }
    }
}
