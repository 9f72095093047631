package org.hopfieldlab.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/** The softmax kernels' vector exp against {@link Math#exp}, measured in units in the last place. */
class SoftmaxExpTest {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private static double[] exp64(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i += D.length()) {
            SoftmaxExp64.exp(DoubleVector.fromArray(D, x, i)).intoArray(out, i);
        }
        return out;
    }

    private static float[] exp32(float[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i += F.length()) {
            SoftmaxExp32.exp(FloatVector.fromArray(F, x, i)).intoArray(out, i);
        }
        return out;
    }

    @Test
    void doubleExpIsWithinOneUlpOverTheSoftmaxRange() {
        Random random = new Random(11);
        double[] x = new double[D.length() * 20_000];
        for (int i = 0; i < x.length; i++) {
            // half of the inputs near 0, where softmax weights matter, the rest down to the normal limit
            x[i] = i % 2 == 0 ? -random.nextDouble() * 4 : SoftmaxExp64.LOWEST * random.nextDouble();
        }
        double[] y = exp64(x);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double expected = Math.exp(x[i]);
            worst = Math.max(worst, Math.abs(y[i] - expected) / Math.ulp(expected));
        }
        assertTrue(worst <= 1, "worst error " + worst + " ulp");
    }

    @Test
    void floatExpIsWithinTwoUlpOverTheSoftmaxRange() {
        Random random = new Random(12);
        float[] x = new float[F.length() * 20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? -random.nextFloat() * 4 : SoftmaxExp32.LOWEST * random.nextFloat();
        }
        float[] y = exp32(x);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            float expected = (float) Math.exp(x[i]);
            worst = Math.max(worst, Math.abs((double) y[i] - expected) / Math.ulp(expected));
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp");
    }

    @Test
    void positiveInputsUpToTheOverflowLimitAreAccurateToo() {
        double[] x = new double[D.length() * 100];
        float[] xf = new float[F.length() * 100];
        for (int i = 0; i < x.length; i++) {
            x[i] = SoftmaxExp64.HIGHEST * i / x.length;
        }
        for (int i = 0; i < xf.length; i++) {
            xf[i] = SoftmaxExp32.HIGHEST * i / xf.length;
        }
        double[] y = exp64(x);
        float[] yf = exp32(xf);
        for (int i = 0; i < x.length; i++) {
            assertTrue(Math.abs(y[i] - Math.exp(x[i])) <= Math.ulp(Math.exp(x[i])), "exp(" + x[i] + ")");
        }
        for (int i = 0; i < xf.length; i++) {
            float expected = (float) Math.exp(xf[i]);
            assertTrue(Math.abs(yf[i] - expected) <= 2 * Math.ulp(expected), "exp(" + xf[i] + ")");
        }
    }

    @Test
    void edgesGiveZeroOneInfinityAndNaN() {
        double[] x = new double[D.length()];
        double[] cases = {Double.NEGATIVE_INFINITY, -1000, SoftmaxExp64.LOWEST - 1, 0, 1000,
            Double.POSITIVE_INFINITY, Double.NaN};
        for (int i = 0; i < x.length; i++) {
            x[i] = cases[i % cases.length];
        }
        double[] y = exp64(x);
        for (int i = 0; i < x.length; i++) {
            double expected = x[i] < SoftmaxExp64.LOWEST ? 0 : Math.exp(x[i]);
            assertEquals(expected, y[i], "exp(" + x[i] + ")");
        }
        float[] xf = new float[F.length()];
        for (int i = 0; i < xf.length; i++) {
            xf[i] = (float) cases[i % cases.length];
        }
        float[] yf = exp32(xf);
        for (int i = 0; i < xf.length; i++) {
            float expected = xf[i] < SoftmaxExp32.LOWEST ? 0 : (float) Math.exp(xf[i]);
            assertEquals(expected, yf[i], "exp(" + xf[i] + ")");
        }
    }
}
