package org.hopfieldlab.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API twin of {@link ShiftedExp}: whole vectors through {@link SoftmaxExp64}, the tail in scalar.
 * The exponent is formed as {@code (x - shift) * beta}, the same two roundings as the scalar path.
 */
final class ShiftedExpVector {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private ShiftedExpVector() {
    }

    static double fill(double[] x, double beta, double shift, double[] out) {
        int step = SPECIES.length();
        int bound = SPECIES.loopBound(x.length);
        DoubleVector total = DoubleVector.zero(SPECIES);
        int i = 0;
        for (; i < bound; i += step) {
            DoubleVector e = SoftmaxExp64.exp(DoubleVector.fromArray(SPECIES, x, i).sub(shift).mul(beta));
            e.intoArray(out, i);
            total = total.add(e);
        }
        double sum = total.reduceLanes(VectorOperators.ADD);
        for (; i < x.length; i++) {
            out[i] = Math.exp(beta * (x[i] - shift));
            sum += out[i];
        }
        return sum;
    }

    static double sum(double[] x, double beta, double shift) {
        int step = SPECIES.length();
        int bound = SPECIES.loopBound(x.length);
        DoubleVector total = DoubleVector.zero(SPECIES);
        int i = 0;
        for (; i < bound; i += step) {
            total = total.add(SoftmaxExp64.exp(DoubleVector.fromArray(SPECIES, x, i).sub(shift).mul(beta)));
        }
        double sum = total.reduceLanes(VectorOperators.ADD);
        for (; i < x.length; i++) {
            sum += Math.exp(beta * (x[i] - shift));
        }
        return sum;
    }
}
