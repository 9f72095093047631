/**
 * Data for associative memories: real handwritten digits embedded in the library ({@link
 * org.hopfieldlab.data.Digits}), images ({@link org.hopfieldlab.data.Image}), synthetic patterns
 * ({@link org.hopfieldlab.data.Patterns}), damaged cues ({@link org.hopfieldlab.data.Corruption}), and
 * file formats shared with Python: IDX ({@link org.hopfieldlab.data.Idx}), numpy's {@code .npy}
 * ({@link org.hopfieldlab.data.Npy}) and {@code .npz} ({@link org.hopfieldlab.data.Npz}).
 *
 * <p>Everything random takes a seed; every method validates its arguments where they enter and names
 * the bad value in an {@link java.lang.IllegalArgumentException}; file errors name the file.
 */
package org.hopfieldlab.data;
