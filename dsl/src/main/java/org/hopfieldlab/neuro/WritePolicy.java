package org.hopfieldlab.neuro;

/**
 * Which memory slot (hidden neuron) receives the third factor, the plateau potential that gates
 * plasticity, when a {@link KeyValueMemory} writes.
 */
public enum WritePolicy {
    /** Write t goes to slot {@code t mod N}: the oldest slot is reused first. */
    SEQUENTIAL,
    /** Each write goes to a slot drawn uniformly at random (seeded); two items may share a slot. */
    RANDOM
}
