/**
 * The two neuroscience analogies of modern Hopfield networks.
 *
 * <p><b>Memory neurons as place cells</b> (Whittington, Warren and Behrens, ICLR 2022): an agent
 * walks a {@link org.hopfieldlab.neuro.GridWorld} ({@link org.hopfieldlab.neuro.RandomWalk}); its
 * feature neurons carry a {@link org.hopfieldlab.neuro.GridCode} and what it sees
 * ({@link org.hopfieldlab.neuro.SensoryMap}); a {@link org.hopfieldlab.neuro.PlaceCellMemory}
 * stores the conjunctions in one shot and its memory neurons have place fields that remap between
 * environments ({@link org.hopfieldlab.neuro.FieldAnalysis} counts and correlates them).
 *
 * <p><b>Key-value memory with three-factor plasticity</b> (Tyulmankov, Fang, Vadaparty and Yang,
 * NeurIPS 2021): {@link org.hopfieldlab.neuro.KeyValueMemory} writes keys and values into slots
 * chosen by a {@link org.hopfieldlab.neuro.WritePolicy}, forgets with a decay, and reads with a
 * {@link org.hopfieldlab.neuro.Readout}.
 *
 * <p>Both memories are mutable objects (writing changes them) and say so; every random choice is
 * seeded.
 */
package org.hopfieldlab.neuro;
