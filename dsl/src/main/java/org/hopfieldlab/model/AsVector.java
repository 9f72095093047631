package org.hopfieldlab.model;

/**
 * Anything that can be fed to a network as a state: an image, a corrupted pattern, a place code.
 * {@link Network#recall(AsVector)} accepts it as it accepts a plain {@code double[]}.
 */
public interface AsVector {

    /** A fresh copy of the values, one per feature neuron. */
    double[] toArray();
}
