package org.hopfieldlab.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EulerStepTest {

    @ParameterizedTest(name = "K={0} N={1} vector={2}")
    @CsvSource({"1, 3, true", "17, 29, true", "2000, 784, true", "17, 29, false", "2000, 784, false"})
    void oneEulerStepMatchesTheTwoProductsDoneSeparately(int k, int n, boolean vector) {
        Random random = new Random(k + 17L * n);
        double[][] x = Naive.gaussian(random, k, n);
        double[] v = Naive.gaussian(random, 1, n)[0];
        double[] h = Naive.gaussian(random, 1, k)[0];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.tanh(v[i]);
        }
        double[] f = new double[k];
        for (int mu = 0; mu < k; mu++) {
            f[mu] = h[mu] * h[mu] * h[mu];
        }
        double[] expectedV = v.clone();
        double[] expectedH = h.clone();
        double[] xtf = new double[n];
        for (int mu = 0; mu < k; mu++) {
            double xg = 0;
            for (int i = 0; i < n; i++) {
                xtf[i] += x[mu][i] * f[mu];
                xg += x[mu][i] * g[i];
            }
            expectedH[mu] += 0.05 * (xg - h[mu]);
        }
        for (int i = 0; i < n; i++) {
            expectedV[i] += 0.1 * (xtf[i] - v[i]);
        }
        Runnable step = () -> EulerStep.step(x, g, f, v, h, 0.1, 0.05);
        if (vector) {
            step.run();
        } else {
            Naive.onScalarPath(step);
        }
        assertTrue(Naive.relativeError(v, expectedV) < 1e-12, "v " + Naive.relativeError(v, expectedV));
        assertTrue(Naive.relativeError(h, expectedH) < 1e-12, "h " + Naive.relativeError(h, expectedH));
    }
}
