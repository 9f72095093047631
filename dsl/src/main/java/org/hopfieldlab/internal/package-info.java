/**
 * Fused numeric kernels behind the library: the softmax retrieval step, Hebbian storage and the
 * synchronous step, the dense asynchronous sweep (polynomial and stable exponential), and the Euler
 * step of the two-layer ODE.
 *
 * <p>Layout contract: patterns, queries and states are rows ({@code double[][]} or {@code float[][]},
 * K rows of N values). Kernels read the caller's arrays as given and never copy them; callers must
 * not mutate them while a kernel runs. Dimensions are the caller's responsibility (the public API
 * checks them once at its edge); kernels assume rectangular, finite input.
 *
 * <p>Each kernel has a scalar implementation and, when the incubator module
 * {@code jdk.incubator.vector} is in the boot layer, a Vector API implementation in a separate class
 * (so the scalar path never loads a Vector API type). {@code -Dhopfieldlab.vector=false} forces the
 * scalar path. Both agree with a naive reference within float tolerance. Large inputs are split into
 * a number of parts that depends only on the sizes, run on a small shared daemon pool and reduced in
 * a fixed order, so results do not depend on the number of threads.
 *
 * <p>Nothing here is public API; engineers use {@link org.hopfieldlab.fast.SoftmaxMemory}.
 */
package org.hopfieldlab.internal;
