package org.hopfieldlab.internal;

import jdk.incubator.vector.DoubleVector;

/** Loaded only after the module was found: the one place {@link VectorSupport} touches a vector type. */
final class VectorProbe {

    private VectorProbe() {
    }

    static int lanes() {
        return DoubleVector.SPECIES_PREFERRED.length();
    }
}
