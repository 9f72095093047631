package org.hopfieldlab.neuro;

/**
 * How a {@link KeyValueMemory} turns key matches {@code h = K q} into slot weights {@code a} before
 * the value readout {@code y = V a}.
 */
public sealed interface Readout permits Readout.Softmax, Readout.KWinners {

    /** Softmax with inverse temperature beta: {@code a_i = exp(beta h_i) / sum_j exp(beta h_j)}. */
    static Readout softmax(double beta) {
        return new Softmax(beta);
    }

    /** k winners take all: {@code a_i = 1/k} for the k largest matches, 0 elsewhere. */
    static Readout kWinners(int k) {
        return new KWinners(k);
    }

    /** Slot weights for key matches {@code h} (not modified); every match must be finite. */
    double[] weights(double[] h);

    private static void checkMatches(double[] h) {
        if (h == null || h.length == 0) {
            throw new IllegalArgumentException("key matches must hold at least one value");
        }
        for (int i = 0; i < h.length; i++) {
            if (!Double.isFinite(h[i])) {
                throw new IllegalArgumentException("key match " + i + " is " + h[i] + "; matches must be finite");
            }
        }
    }

    /**
     * Softmax readout.
     *
     * @param beta inverse temperature, positive and finite
     */
    record Softmax(double beta) implements Readout {
        /** Checks beta. */
        public Softmax {
            if (!(beta > 0) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("beta must be positive and finite, got " + beta);
            }
        }

        @Override
        public double[] weights(double[] h) {
            Readout.checkMatches(h);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : h) {
                max = Math.max(max, v);
            }
            double[] a = new double[h.length];
            double sum = 0;
            for (int i = 0; i < h.length; i++) {
                // subtracting the max keeps exp from overflowing; the weights are unchanged
                a[i] = Math.exp(beta * (h[i] - max));
                sum += a[i];
            }
            for (int i = 0; i < h.length; i++) {
                a[i] /= sum;
            }
            return a;
        }

        @Override
        public String toString() {
            return "softmax(beta=" + beta + ")";
        }
    }

    /**
     * k-winners-take-all readout; ties are broken towards the lower slot index.
     *
     * @param k number of winners, at least 1
     */
    record KWinners(int k) implements Readout {
        /** Checks k. */
        public KWinners {
            if (k < 1) {
                throw new IllegalArgumentException("k must be at least 1, got " + k);
            }
        }

        @Override
        public double[] weights(double[] h) {
            Readout.checkMatches(h);
            if (k > h.length) {
                throw new IllegalArgumentException("k is " + k + " but the memory has only " + h.length + " slots");
            }
            double[] a = new double[h.length];
            for (int w = 0; w < k; w++) {
                int best = -1;
                for (int i = 0; i < h.length; i++) {
                    if (a[i] == 0 && (best < 0 || h[i] > h[best])) {
                        best = i;
                    }
                }
                a[best] = 1.0 / k;
            }
            return a;
        }

        @Override
        public String toString() {
            return "kWinners(k=" + k + ")";
        }
    }
}
